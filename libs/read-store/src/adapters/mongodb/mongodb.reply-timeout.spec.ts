import { AddressInfo, Server, Socket } from 'node:net';
import { startStuckMongoServer } from '@gongjian/testing';
import { MongoDocumentStore } from './mongodb.document-store';
import { ReadStoreUnavailableError } from '../../read-store.errors';
import { ReadStoreNoReplyError } from './mongodb-reply.deadline';

describe('MongoDocumentStore against a server that accepts work and never answers it', () => {
  let server: Server;
  let store: MongoDocumentStore | undefined;

  beforeAll(async () => {
    server = await startStuckMongoServer();
  });

  afterAll(async () => {
    await store?.close();
    server.close();
  });

  it('fails the operation after its reply timeout instead of waiting forever', async () => {
    const { port } = server.address() as AddressInfo;
    store = await MongoDocumentStore.connect(`mongodb://127.0.0.1:${port}/stuck`, {
      timeoutMs: 1000,
      replyTimeoutMs: 300,
    });
    await store.ping();
    const failure = await store
      .collection('documents')
      .findById('a')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReadStoreUnavailableError);
    expect((failure as Error).message).toMatch(/findOne on documents: .*timed out/i);
  });

  it('fails as unavailable once the server has gone away', async () => {
    const gone = await startStuckMongoServer();
    const accepted = new Set<Socket>();
    gone.on('connection', (socket) => accepted.add(socket));
    const { port } = gone.address() as AddressInfo;
    const away = await MongoDocumentStore.connect(`mongodb://127.0.0.1:${port}/gone`, {
      timeoutMs: 200,
      replyTimeoutMs: 300,
    });
    try {
      await away.ping();
      await new Promise<void>((resolve) => {
        gone.close(() => resolve());
        for (const socket of accepted) socket.destroy();
      });
      const failure = await away
        .collection('documents')
        .find({})
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ReadStoreUnavailableError);
      expect((failure as ReadStoreUnavailableError).code).toBe('STORE_UNAVAILABLE');
    } finally {
      await away.close();
    }
  });

  /**
   * The driver's race, staged: Node has destroyed a pooled connection's socket (the server
   * closed it) and the `close` event has not run yet, so the pool still hands it out. The
   * driver's write to it waits for a `drain` that never comes.
   */
  it('fails an operation sent on a connection whose socket is gone, then carries on', async () => {
    const { port } = server.address() as AddressInfo;
    const timeouts = { timeoutMs: 200, replyTimeoutMs: 300 };
    const racy = await MongoDocumentStore.connect(`mongodb://127.0.0.1:${port}/racy`, timeouts);
    try {
      await racy.ping();
      const sockets = pooledSockets(racy);
      expect(sockets.length).toBeGreaterThan(0);
      for (const socket of sockets) socket.destroy();

      const failure = await racy.ping().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ReadStoreNoReplyError);
      expect((failure as Error).message).toBe(
        'mongodb read store unavailable: ping got no reply within 700 ms',
      );
      await expect(racy.ping()).resolves.toBeUndefined();
    } finally {
      await racy.close();
    }
  });
});

/** The sockets of the driver's pooled connections (its internals: named so a change shows). */
function pooledSockets(store: MongoDocumentStore): Socket[] {
  const client = (
    store as unknown as { client: { topology?: { s?: { servers?: Map<string, unknown> } } } }
  ).client;
  const servers = client.topology?.s?.servers;
  if (!servers) throw new Error('the driver no longer keeps servers at client.topology.s.servers');
  const sockets: Socket[] = [];
  for (const server of servers.values()) {
    const connections = (server as { pool?: { connections?: Iterable<{ socket: Socket }> } }).pool
      ?.connections;
    if (!connections) throw new Error('the driver no longer keeps a pool with its connections');
    for (const connection of connections) sockets.push(connection.socket);
  }
  return sockets;
}
