import { branchRated } from '../../shared/rating-events.fixture';
import { recorded, reportFor } from '../report-projection.spec-helper';
import { ratingsReport } from './ratings.report';
import { ratingsReportProjection } from './ratings-report.projection';

const village = (id: string, township: string, sector = 'village') =>
  recorded('OrganizationRegistered', {
    organizationId: id,
    name: id,
    level: 'branch',
    sector,
    township,
  });
const rated = (id: string, period: string, stars: number, township = 'T01') =>
  recorded('BranchRated', branchRated(id, period, stars, { township }), {
    streamId: `rating-${id}`,
  });
const rating = (type: string, id: string, period: string) =>
  recorded(
    type,
    {
      organizationId: id,
      period,
      runId: 'r',
      stars: 5,
      previousStars: 5,
      on: '2026-01-21',
      reason: '违纪',
    },
    { streamId: `rating-${id}` },
  );

const events = [
  village('v1', 'T01'),
  village('v2', 'T01'),
  village('v3', 'T01'),
  village('v4', 'T02'),
  village('o1', 'T02', 'organ'),
  rated('v1', '2025', 5),
  rated('v2', '2025', 3),
  rated('v4', '2025', 5, 'T02'),
  rated('v1', '2024', 2),
  rating('RatingFinalized', 'v2', '2025'),
  rating('RatingRevoked', 'v4', '2025'),
];

describe('ratings report read model', () => {
  it('counts the period’s branches by township and stars, with notice, revocations and the five-star share', () => {
    const table = reportFor(ratingsReport, ratingsReportProjection, events, { year: 2025 });
    expect(table.rows).toEqual([
      expect.objectContaining({
        township: 'T01',
        branches: 3,
        rated: 2,
        stars5: 1,
        stars3: 1,
        stars2: 0,
        provisional: 1,
        revoked: 0,
        fiveStarSharePercent: 50,
      }),
      expect.objectContaining({ township: 'T02', branches: 1, rated: 1, stars5: 0, revoked: 1 }),
    ]);
    expect(table.totals).toEqual(
      expect.objectContaining({
        township: '合计',
        rated: 3,
        stars5: 1,
        fiveStarSharePercent: 33.3,
      }),
    );
    expect(table.columns.map((c) => c.label)).toContain('五星占比(%)');
  });

  it('reads another period on its own and filters by township', () => {
    expect(
      reportFor(ratingsReport, ratingsReportProjection, events, { year: 2024 }).totals,
    ).toEqual(expect.objectContaining({ branches: 1, rated: 1, stars2: 1, stars5: 0 }));
    const t02 = reportFor(ratingsReport, ratingsReportProjection, events, {
      year: 2025,
      township: 'T02',
    });
    expect(t02.rows.map((r) => r.township)).toEqual(['T02']);
  });
});
