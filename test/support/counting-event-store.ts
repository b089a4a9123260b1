import { EventStore } from '@gongjian/event-store';

const COUNTED = ['append', 'appendMany', 'readStream', 'readAll', 'headPosition', 'ping'] as const;
type Counted = (typeof COUNTED)[number];

/** A store that counts the round trips made through it, per port method. */
export function countingEventStore(inner: EventStore): {
  store: EventStore;
  calls: Record<Counted, number>;
  total: () => number;
  reset: () => void;
} {
  const calls = Object.fromEntries(COUNTED.map((m) => [m, 0])) as Record<Counted, number>;
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (!(COUNTED as readonly PropertyKey[]).includes(property)) return value.bind(target);
      return (...args: unknown[]) => {
        calls[property as Counted]++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    calls,
    total: () => COUNTED.reduce((sum, m) => sum + calls[m], 0),
    reset: () => COUNTED.forEach((m) => (calls[m] = 0)),
  };
}
