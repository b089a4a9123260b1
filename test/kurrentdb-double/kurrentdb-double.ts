/**
 * A KurrentDB protocol double for tests: a gRPC server (plain h2c on 127.0.0.1) built from the
 * service definitions that `@kurrent/kurrentdb-client` ships, serving Streams.Read/Append, the v2
 * StreamsService (atomic multi-stream appends) and ServerFeatures over one in-memory log. Both of the client's transports work against it: appends
 * and subscriptions (grpc-js) and stream/$all reads (the native bridge).
 *
 * It can be stopped (every connection dropped) and started again on the same port with its data,
 * and started "silent": a TCP listener that accepts connections and never answers.
 * Test code only.
 */
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_grpc_pb';
import { StreamsService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb';
import { StreamsServiceService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/streams_grpc_pb';
import { InMemoryEventLog } from './in-memory-event-log';
import {
  DOUBLE_SERVER_VERSION,
  serverFeaturesService,
  servesMultiStreamAppend,
} from './server-features.service';
import { SilentTcpServer } from './silent-tcp.server';
import { streamsService } from './streams.service';
import { v2StreamsService } from './v2-streams.service';
import { WriteHold } from './write-hold';

export interface KurrentDbDoubleOptions {
  /** 0 or omitted: any free port, kept for restarts. */
  port?: number;
  /** Accept connections and never answer. */
  silent?: boolean;
  /**
   * The version it reports in its server features (default 25.1.0). Below 25.1 it neither lists
   * nor serves the v2 StreamsService, as an older server.
   */
  serverVersion?: string;
}

export interface KurrentDbDouble {
  /** Connection string for the client, e.g. `kurrentdb://127.0.0.1:40123?tls=false`. */
  readonly url: string;
  readonly port: number;
  /** Drops every connection and stops listening. The data stays for the next start. */
  stop(): Promise<void>;
  /** Listens again on the same port, answering (default) or silent. */
  start(options?: { silent?: boolean }): Promise<void>;
  /** Stops for good. */
  close(): Promise<void>;
  /**
   * From now on, appends get no answer: `apply` still writes them, `discard` does not; `false`
   * answers again (held calls stay unanswered until their client gives up or the connection drops).
   */
  holdWrites(mode: 'apply' | 'discard' | false): void;
}

/**
 * The moment a client takes to see its connections close after stop(): waited for where a test
 * means "down before the call", not "going down under it".
 */
export function clientSeesStop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 200));
}

export async function startKurrentDbDouble(
  options: KurrentDbDoubleOptions = {},
): Promise<KurrentDbDouble> {
  const log = new InMemoryEventLog();
  const hold = new WriteHold();
  let port = options.port ?? 0;
  let running: { close(): Promise<void> } | undefined;

  const start = async (startOptions: { silent?: boolean } = {}) => {
    if (running) throw new Error('the KurrentDB double is running already');
    const listener = startOptions.silent
      ? await listenSilent(port)
      : await listenGrpc(port, log, hold, options.serverVersion ?? DOUBLE_SERVER_VERSION);
    port = listener.port;
    running = listener;
  };
  const stop = async () => {
    const listener = running;
    running = undefined;
    await listener?.close();
  };

  await start({ silent: options.silent });
  return {
    get url() {
      return `kurrentdb://127.0.0.1:${port}?tls=false`;
    },
    get port() {
      return port;
    },
    stop,
    start,
    close: stop,
    holdWrites: (mode) => {
      hold.mode = mode || undefined;
    },
  };
}

async function listenGrpc(port: number, log: InMemoryEventLog, hold: WriteHold, version: string) {
  const { server, bound } = await retryWhileAddressInUse(
    () =>
      new Promise<{ server: Server; bound: number }>((resolve, reject) => {
        const server = new Server();
        server.addService(StreamsService, streamsService(log, hold));
        server.addService(ServerFeaturesService, serverFeaturesService(version));
        if (servesMultiStreamAppend(version)) {
          server.addService(StreamsServiceService, v2StreamsService(log, hold));
        }
        server.bindAsync(
          `127.0.0.1:${port}`,
          ServerCredentials.createInsecure(),
          (error, bound) => {
            if (!error) return resolve({ server, bound });
            server.forceShutdown();
            reject(error);
          },
        );
      }),
  );
  // forceShutdown cancels every call and destroys every HTTP/2 session: the clients see the
  // connection drop, as when a server process dies.
  return { port: bound, close: async () => server.forceShutdown() };
}

async function listenSilent(port: number) {
  const server = new SilentTcpServer();
  const bound = await retryWhileAddressInUse(() => server.listen(port));
  return { port: bound, close: () => server.close() };
}

/** A port released a moment ago can still be busy for a few milliseconds: retry, bounded. */
async function retryWhileAddressInUse<T>(bind: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await bind();
    } catch (error) {
      if (attempt >= 50 || !/EADDRINUSE|address already in use/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
