import { Command } from 'commander';
import { DomainError } from '@gongjian/domain';
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

/**
 * Repairs every half-done record, one JSON line per repair; returns how many were written. A
 * record a rule refuses to repair (a pairing whose pair holds another active pairing) is reported
 * with the refusal and left for a person to resolve.
 */
export async function repairApply(store: EventStore, out: Out): Promise<number> {
  let written = 0;
  for (const record of await findHalfDoneRecords(store)) {
    const target = targetOf(record);
    try {
      const result = await repairHalfDoneRecord(store, record);
      if (result.eventIds.length > 0) written++;
      out(JSON.stringify({ kind: record.kind, target, ...result }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      out(
        JSON.stringify({
          kind: record.kind,
          target,
          unresolved: error.code,
          detail: error.message,
        }),
      );
    }
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
