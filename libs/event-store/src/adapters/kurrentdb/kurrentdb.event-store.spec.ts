import { describeEventStoreContract } from '../../../../../test/contract/event-store.contract';
import {
  KurrentDbDouble,
  startKurrentDbDouble,
} from '../../../../../test/kurrentdb-double/kurrentdb-double';
import { KurrentDbEventStore } from './kurrentdb.event-store';

/**
 * The port's contract against the KurrentDB protocol double, or against a real server when
 * KURRENTDB_URL is set (the contract names its streams uniquely, so a server that is never
 * emptied is fine).
 */
const realServer = process.env.KURRENTDB_URL?.trim() || undefined;
let double: KurrentDbDouble | undefined;

beforeAll(async () => {
  if (!realServer) double = await startKurrentDbDouble();
});
afterAll(async () => {
  await double?.close();
});

describeEventStoreContract(
  realServer ? 'kurrentdb (KURRENTDB_URL)' : 'kurrentdb (protocol double)',
  async () => {
    const store = new KurrentDbEventStore(realServer ?? (double as KurrentDbDouble).url, {
      timeoutMs: 5000,
    });
    return { store, cleanup: () => store.close() };
  },
);
