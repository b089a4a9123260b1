import { Command } from 'commander';
import { EventStore } from '@gongjian/event-store';
import { findHalfDoneRecords } from './half-done-records';
import { REPAIR_REASONS, repairHalfDoneRecord, targetOf } from './repair-half-done';

type Out = (line: string) => void;

/** Lists half-done records, one JSON line each; returns how many. */
export async function repairCheck(store: EventStore, out: Out): Promise<number> {
  const records = await findHalfDoneRecords(store);
  for (const record of records) {
    out(
      JSON.stringify({ ...record, target: targetOf(record), repair: REPAIR_REASONS[record.kind] }),
    );
  }
  return records.length;
}

/** Repairs every half-done record, one JSON line per repair; returns how many were written. */
export async function repairApply(store: EventStore, out: Out): Promise<number> {
  let written = 0;
  for (const record of await findHalfDoneRecords(store)) {
    const result = await repairHalfDoneRecord(store, record);
    if (result.eventIds.length > 0) written++;
    out(JSON.stringify({ kind: record.kind, target: targetOf(record), ...result }));
  }
  return written;
}

export function repairCommand(
  withStore: <T>(run: (store: EventStore) => Promise<T>) => Promise<T>,
) {
  const print: Out = (line) => process.stdout.write(`${line}\n`);
  const repair = new Command('repair').description(
    'records left half-done by earlier versions (links, reservations, releases)',
  );
  repair
    .command('check')
    .description('list half-done records as NDJSON; exit 2 when there are any')
    .action(() =>
      withStore(async (store) => {
        const found = await repairCheck(store, print);
        process.stderr.write(`gongjian: ${found} half-done record(s)\n`);
        if (found > 0) process.exitCode = 2;
      }),
    );
  repair
    .command('apply')
    .description('repair each half-done record with an explicit, audited event (actor cli)')
    .action(() =>
      withStore(async (store) => {
        const written = await repairApply(store, print);
        process.stderr.write(`gongjian: ${written} repair(s) written\n`);
      }),
    );
  return repair;
}
