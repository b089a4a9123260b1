import {
  KurrentDbDouble,
  startKurrentDbDouble,
} from '../../../../../test/kurrentdb-double/kurrentdb-double';
import { StoreUnavailableError } from '../../event-store.errors';
import { KurrentDbEventStore } from './kurrentdb.event-store';

describe('KurrentDbEventStore lifecycle', () => {
  let double: KurrentDbDouble;

  beforeAll(async () => {
    double = await startKurrentDbDouble();
  });
  afterAll(async () => {
    await double.close();
  });

  it('answers ping while open and refuses every call once closed', async () => {
    const store = new KurrentDbEventStore(double.url, { timeoutMs: 2000 });
    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
    await store.close();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.readStream('any-stream')).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(() => store.subscribeAll()).toThrow(StoreUnavailableError);
  });

  it('closing the store ends its subscriptions', async () => {
    const store = new KurrentDbEventStore(double.url, { timeoutMs: 2000 });
    const subscription = store.subscribeAll({ fromPosition: await store.headPosition() });
    const pending = subscription[Symbol.asyncIterator]().next();
    await store.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });

  it('a call in flight when the store closes fails at once', async () => {
    const silent = await startKurrentDbDouble({ silent: true });
    const store = new KurrentDbEventStore(silent.url, { timeoutMs: 10_000 });
    try {
      const started = Date.now();
      const call = store.readAll();
      await new Promise((r) => setTimeout(r, 50));
      await store.close();
      await expect(call).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await silent.close();
    }
  });

  it('refuses a position that is not one of its own', () => {
    const store = new KurrentDbEventStore(double.url);
    expect(() => store.subscribeAll({ fromPosition: '42' })).toThrow(TypeError);
    return store.close();
  });
});
