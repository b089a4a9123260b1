import { Query } from 'mingo';
import { NotFoundError } from '@gongjian/domain';
import { DEFAULT_REPORT_OPTIONS, ReadModelReader } from '@gongjian/projections';
import type { DocumentCollection, ReadDocument } from '@gongjian/read-store';
import { GetReportHandler } from './get-report.handler';
import { GetReportQuery } from './get-report.query';

const pairing = (id: string, township: string, startsOn: string): ReadDocument => ({
  _id: id,
  _pos: '1',
  township,
  urbanSector: 'organ',
  departmentKind: 'economic',
  urbanOrganizationId: `u-${id}`,
  ruralOrganizationId: `v-${id}`,
  startsOn,
  endsOn: '2027-12-31',
  dissolvedOn: null,
  principleMatched: true,
});

/** A reader over documents in memory; finds are evaluated by mingo and recorded. */
function readerOf(documents: ReadDocument[]) {
  const finds: { projection: string; name: string; filter: object }[] = [];
  const reader: ReadModelReader = {
    async collection(projection, name) {
      return {
        name,
        find: async (filter: object) => {
          finds.push({ projection, name, filter });
          return new Query(filter as Record<string, unknown>).find<ReadDocument>(documents).all();
        },
      } as unknown as DocumentCollection;
    },
    waitForPosition: async () => undefined,
  };
  return { reader, finds };
}

describe('GetReportHandler', () => {
  const docs = [pairing('p1', 'T01', '2025-01-01'), pairing('p2', 'T02', '2026-05-01')];

  it('answers with one find on the report read model', async () => {
    const { reader, finds } = readerOf(docs);
    const handler = new GetReportHandler(DEFAULT_REPORT_OPTIONS, reader);
    const table = await handler.execute(new GetReportQuery('pairings', { year: 2025 }));
    expect(finds).toEqual([
      expect.objectContaining({ projection: 'report_pairings', name: 'report_pairings' }),
    ]);
    expect(table.totals.pairings).toBe(1);
  });

  it('limits an operator to its townships', async () => {
    const { reader } = readerOf(docs);
    const handler = new GetReportHandler(DEFAULT_REPORT_OPTIONS, reader);
    const table = await handler.execute(
      new GetReportQuery('pairings', { year: 2026, townships: ['T02'] }),
    );
    expect(table.rows.map((r) => r.township)).toEqual(['T02']);
  });

  it('refuses an unknown report (404)', async () => {
    const { reader } = readerOf(docs);
    const handler = new GetReportHandler(DEFAULT_REPORT_OPTIONS, reader);
    await expect(handler.execute(new GetReportQuery('nope', { year: 2025 }))).rejects.toThrow(
      NotFoundError,
    );
  });
});
