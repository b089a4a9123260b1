import type { EventStore } from './event-store.port';

/**
 * The store seen only through the port: optional capabilities of an adapter (such as reading
 * stored links) are hidden, so a caller takes the path it takes on KurrentDB.
 */
export function portOnly(store: EventStore): EventStore {
  return {
    engine: store.engine,
    append: (...args) => store.append(...args),
    appendMany: (appends) => store.appendMany(appends),
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => store.readAll(options),
    subscribeAll: (options) => store.subscribeAll(options),
    headPosition: () => store.headPosition(),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}
