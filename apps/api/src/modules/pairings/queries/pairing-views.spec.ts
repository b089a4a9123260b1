import { SqliteDocumentStore } from '@gongjian/read-store';
import { PairingViews } from './pairing-views';

const pairing = (id: string, pos: string, guidanceDates: string[]) => ({
  _id: id,
  _pos: pos,
  id,
  urbanOrganizationId: 'org-zzb',
  ruralOrganizationId: 'v-01',
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
  commitments: { fundsFen: 0, projects: 0, activists: 2 },
  delivered: { fundsFen: 0, projects: 0, activists: 0 },
  months: { '2026-03': { guidanceDates, collectiveDates: [], otherActivities: 0 } },
});

describe('pairing views for lists', () => {
  const store = new SqliteDocumentStore(':memory:');
  const pairings = store.collection('pairings_v2');
  const activists = store.collection('rural_activists_v2');
  const views = new PairingViews();
  const render = async (today = '2026-03-31') =>
    views.render(
      await pairings.findVersions({}, { sort: [['_id', 1]] }),
      pairings,
      activists,
      today,
    );
  afterAll(() => store.close());

  it('renders each pairing with its activists, and again only what moved', async () => {
    await pairings.writeGuarded([pairing('p-1', '001', ['2026-03-02']), pairing('p-2', '002', [])]);
    await activists.writeGuarded([{ _id: 'v-01', _pos: '002', byPairing: { 'p-1': 1 } }]);
    const first = await render();
    expect(
      first.map((p) => [p.id, p.delivered.activists, p.activitiesByMonth.at(-1)?.guidanceDays]),
    ).toEqual([
      ['p-1', 1, 1],
      ['p-2', 0, 0],
    ]);
    expect(await render()).toEqual(first);
    expect((await render())[0]).toBe(first[0]); // the same view, not rendered again

    await pairings.writeGuarded([pairing('p-1', '003', ['2026-03-02', '2026-03-09'])]);
    const afterActivity = await render();
    expect(afterActivity[0].activitiesByMonth.at(-1)?.guidanceDays).toBe(2);
    expect(afterActivity[1]).toBe(first[1]);

    await activists.writeGuarded([{ _id: 'v-01', _pos: '004', byPairing: { 'p-1': 1, 'p-2': 2 } }]);
    expect((await render()).map((p) => p.delivered.activists)).toEqual([1, 2]);
  });

  it('renders again on a new day, and leaves out a pairing gone between the two reads', async () => {
    const before = await render('2026-03-31');
    const nextMonth = await render('2026-04-01');
    expect(nextMonth[0]).not.toBe(before[0]);
    expect(nextMonth[0].activitiesByMonth.map((m) => m.month)).toContain('2026-04');
    const versions = await pairings.findVersions({}, { sort: [['_id', 1]] });
    await pairings.deleteByIds(['p-2']);
    const fresh = new PairingViews();
    expect(
      (await fresh.render(versions, pairings, activists, '2026-04-01')).map((p) => p.id),
    ).toEqual(['p-1']);
  });
});
