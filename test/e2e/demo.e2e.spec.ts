import { planDemoCounty } from '../../scripts/demo/demo-plan';
import { DEMO_SCALES } from '../../scripts/demo/demo-plan.types';
import { runDemoPlan } from '../../scripts/demo/demo-runner';
import { Harness, KEYS, startApi } from './api-harness';

describe('the demo county generator on a tiny county', () => {
  let api: Harness;
  const plan = planDemoCounty(11, DEMO_SCALES.tiny);

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('seeds every planned command through the command API, none refused', async () => {
    const result = await runDemoPlan(
      plan,
      { url: api.url, apiKey: KEYS.admin },
      { concurrency: 4 },
    );
    expect(result.refused).toEqual([]);
    expect(result.sent).toBe(plan.expected.commands);
    expect(result.position).toBe(await api.store.headPosition());
    const events = await api.store.readAll({ limit: 100_000 });
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(count('OrganizationRegistered')).toBe(plan.expected.organizations);
    expect(count('BranchPaired')).toBe(plan.expected.pairings);
    expect(count('ProjectLaunched')).toBe(plan.expected.projects);
    expect(count('MembershipApplied')).toBe(plan.expected.members);
    expect(count('AdmissionApproved')).toBe(DEMO_SCALES.tiny.admissions);
    expect(count('ActivityLogged')).toBeGreaterThan(0);
  });

  it('continues instead of duplicating when run again: the same keys answer from the first run', async () => {
    const head = await api.store.headPosition();
    const again = await runDemoPlan(plan, { url: api.url, apiKey: KEYS.admin }, { concurrency: 4 });
    expect(again.refused).toEqual([]);
    expect(await api.store.headPosition()).toBe(head);
  });
});
