import { createServer, Server, Socket } from 'node:net';
import { BSON } from 'mongodb';

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;

const HELLO_REPLY = {
  ok: 1,
  helloOk: true,
  isWritablePrimary: true,
  ismaster: true,
  maxWireVersion: 21,
  minWireVersion: 0,
  maxBsonObjectSize: 16 * 1024 * 1024,
  maxMessageSizeBytes: 48_000_000,
  maxWriteBatchSize: 100_000,
  logicalSessionTimeoutMinutes: 30,
  connectionId: 1,
};

const isHandshake = (command: Record<string, unknown>) =>
  ['hello', 'isMaster', 'ismaster', 'ping', 'endSessions'].some((name) => name in command);

/**
 * A wire-protocol server that answers handshakes, heartbeats and pings (so the driver keeps
 * seeing it as healthy) and never answers anything else: a server stuck behind its backend.
 */
export function startStuckMongoServer(): Promise<Server> {
  const reply = (socket: Socket, requestId: number, opCode: number, body: Buffer) => {
    const header = Buffer.alloc(16);
    header.writeInt32LE(16 + body.length, 0);
    header.writeInt32LE(requestId + 1_000_000, 4);
    header.writeInt32LE(requestId, 8);
    header.writeInt32LE(opCode, 12);
    socket.write(Buffer.concat([header, body]));
  };
  const handle = (socket: Socket, message: Buffer) => {
    const requestId = message.readInt32LE(4);
    const opCode = message.readInt32LE(12);
    const doc = () => Buffer.from(BSON.serialize({ ...HELLO_REPLY, localTime: new Date() }));
    if (opCode === OP_QUERY) {
      // flags, "db.$cmd\0", skip, return, then the command document
      const nameEnd = message.indexOf(0, 20);
      const command = BSON.deserialize(message.subarray(nameEnd + 9));
      if (!isHandshake(command)) return;
      const fields = Buffer.alloc(20);
      fields.writeInt32LE(1, 16); // numberReturned
      reply(socket, requestId, OP_REPLY, Buffer.concat([fields, doc()]));
    } else if (opCode === OP_MSG) {
      const command = BSON.deserialize(message.subarray(21, 21 + message.readInt32LE(21)));
      if (!isHandshake(command)) return;
      reply(socket, requestId, OP_MSG, Buffer.concat([Buffer.alloc(4), Buffer.from([0]), doc()]));
    }
  };
  const server = createServer((socket) => {
    let pending = Buffer.alloc(0);
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const length = pending.readInt32LE(0);
        handle(socket, pending.subarray(0, length));
        pending = pending.subarray(length);
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
