import { eventLog } from '../shared/event-log.fixture';
import { documentsOf, projectInMemory } from '../shared/in-memory-projection';
import { ORGANIZATIONS, organizationsProjection } from './organizations.projection';

function villageLog() {
  const log = eventLog();
  log.add('organization-v-01', 'OrganizationRegistered', {
    organizationId: 'v-01',
    name: '石桥村党支部',
    level: 'branch',
    sector: 'village',
    township: 'T01',
    parentId: 't-01',
  });
  log.add('organization-v-01', 'VillageCategoriesSet', {
    organizationId: 'v-01',
    categories: ['poor', 'weak_lax'],
    previousCategories: [],
    added: ['poor', 'weak_lax'],
    removed: [],
    reason: '年度研判',
  });
  log.add('organization-v-01', 'CollectiveIncomeRecorded', {
    organizationId: 'v-01',
    year: 2024,
    amountFen: 3_000_000,
  });
  log.add('organization-v-01', 'CollectiveIncomeRecorded', {
    organizationId: 'v-01',
    year: 2025,
    amountFen: 6_500_000,
  });
  log.add('organization-v-01', 'MemberCountRecorded', {
    organizationId: 'v-01',
    year: 2025,
    count: 41,
    ruralCount: 38,
  });
  log.add('organization-v-01', 'FirstSecretaryAssigned', {
    organizationId: 'v-01',
    name: '张伟',
    fromOrganizationId: 'org-zzb',
    startsOn: '2025-03-01',
  });
  log.add('organization-v-01', 'PairingLinked', {
    organizationId: 'v-01',
    pairingId: 'p-1',
    urbanOrganizationId: 'org-zzb',
    startsOn: '2025-01-01',
    endsOn: '2027-12-31',
  });
  return log;
}

describe('the organizations read model', () => {
  it('keeps the Organization read shape: latest income, counts per year, first secretary', () => {
    const [doc] = documentsOf(
      projectInMemory(organizationsProjection, villageLog().events),
      ORGANIZATIONS,
    );
    expect(doc).toMatchObject({
      _id: 'v-01',
      _pos: '00000000000000000021',
      revision: 6,
      id: 'v-01',
      name: '石桥村党支部',
      level: 'branch',
      sector: 'village',
      township: 'T01',
      parentId: 't-01',
      status: 'active',
      categories: ['poor', 'weak_lax'],
      categoryFlags: { poor: true, weak_lax: true },
      collectiveIncome: { year: 2025, amountFen: 6_500_000 },
      memberCounts: [{ year: 2025, count: 41, ruralCount: 38 }],
      firstSecretary: { name: '张伟', fromOrganizationId: 'org-zzb', startsOn: '2025-03-01' },
      activePairingIds: ['p-1'],
    });
    expect(doc).not.toHaveProperty('departmentKind');
    expect(doc).not.toHaveProperty('rating');
  });

  it('drops categories that are no longer set, flags included', () => {
    const log = villageLog();
    log.add('organization-v-01', 'VillageCategoriesSet', {
      organizationId: 'v-01',
      categories: ['poor'],
      previousCategories: ['poor', 'weak_lax'],
      added: [],
      removed: ['weak_lax'],
      reason: '整顿转化',
    });
    const [doc] = documentsOf(projectInMemory(organizationsProjection, log.events), ORGANIZATIONS);
    expect(doc).toMatchObject({ categories: ['poor'], categoryFlags: { poor: true } });
    expect(doc.categoryFlags).not.toHaveProperty('weak_lax');
  });

  it('ignores streams and events that are not an organization’s', () => {
    const log = eventLog();
    log.add('pairing-p-1', 'ActivityLogged', { organizationId: 'v-01' });
    log.add('organization-v-02', 'SomethingElse', { organizationId: 'v-02' });
    const docs = projectInMemory(organizationsProjection, log.events);
    expect(documentsOf(docs, ORGANIZATIONS)).toEqual([]);
  });

  it('gives the same documents when the same events are applied twice', () => {
    const { events } = villageLog();
    const once = projectInMemory(organizationsProjection, events);
    const twice = projectInMemory(organizationsProjection, [...events, ...events]);
    expect(documentsOf(twice, ORGANIZATIONS)).toEqual(documentsOf(once, ORGANIZATIONS));
  });
});
