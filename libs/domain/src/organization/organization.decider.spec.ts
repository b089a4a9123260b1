import { specFor } from '../shared/decider.spec-helper';
import { OrganizationCommand } from './organization.commands';
import { organizationDecider } from './organization.decider';
import { OrganizationEvent, organizationIdsOfOrganizationEvent } from './organization.events';
import { contextOn, organRegistered, villageRegistered } from './organization.spec-fixtures';

const given = specFor(organizationDecider);
const context = contextOn('2025-06-15');
type Data<T extends OrganizationCommand['type']> = Extract<
  OrganizationCommand,
  { type: T }
>['data'];
const cmd = <T extends OrganizationCommand['type']>(type: T, data: Data<T>) =>
  ({ type, data, context }) as Extract<OrganizationCommand, { type: T }>;

const deactivated: OrganizationEvent = {
  type: 'OrganizationDeactivated',
  data: { organizationId: 'v1', reason: 'merged', on: '2025-01-01' },
};

describe('RegisterOrganization', () => {
  const organ = {
    id: 'o1',
    name: '县委宣传部机关党支部',
    level: 'branch',
    sector: 'organ',
    departmentKind: 'party_mass',
    township: 'T00',
  } as const;

  it('registers an organ with its department kind', () =>
    given([])
      .when(cmd('RegisterOrganization', organ))
      .then([organRegistered('o1')]));

  it('registers a village with a parent and no department kind', () =>
    given([])
      .when(
        cmd('RegisterOrganization', {
          id: 'v1',
          name: '东坪村党支部',
          level: 'branch',
          sector: 'village',
          township: 'T01',
          parentId: 'town-T01',
        }),
      )
      .then([
        {
          ...villageRegistered('v1'),
          data: { ...villageRegistered('v1').data, parentId: 'town-T01' },
        },
      ]));

  it('registers a township Party committee (乡镇党委, GLOSSARY: sector township), the parent of villages', () =>
    given([])
      .when(
        cmd('RegisterOrganization', {
          id: 'town-T01',
          name: '东坪镇党委',
          level: 'committee',
          sector: 'township',
          township: 'T01',
        }),
      )
      .then([
        {
          type: 'OrganizationRegistered',
          data: {
            organizationId: 'town-T01',
            name: '东坪镇党委',
            level: 'committee',
            sector: 'township',
            township: 'T01',
          },
        },
      ]));

  it('seed 001: a township organization is a Party committee (乡镇党委)', () =>
    given([])
      .when(
        cmd('RegisterOrganization', {
          id: 'town-T01',
          name: '东坪镇党委',
          level: 'branch',
          sector: 'township',
          township: 'T01',
        }),
      )
      .thenRefuses('LEVEL_NOT_APPLICABLE'));

  it('seed 001: a township committee is the parent of the branches of its own township', () => {
    const village = {
      id: 'v9',
      name: '石桥村党支部',
      level: 'branch',
      sector: 'village',
      township: 'T02',
      parentId: 'town-T01',
    } as const;
    given([])
      .when(
        cmd('RegisterOrganization', {
          ...village,
          parent: { sector: 'township', township: 'T01' },
        }),
      )
      .thenRefuses('PARENT_TOWNSHIP_MISMATCH');
    given([])
      .when(
        cmd('RegisterOrganization', {
          ...village,
          township: 'T01',
          parent: { sector: 'township', township: 'T01' },
        }),
      )
      .then([
        {
          type: 'OrganizationRegistered',
          data: {
            organizationId: 'v9',
            name: '石桥村党支部',
            level: 'branch',
            sector: 'village',
            township: 'T01',
            parentId: 'town-T01',
          },
        },
      ]);
  });

  it('refuses a second registration', () =>
    given([organRegistered('o1')])
      .when(cmd('RegisterOrganization', organ))
      .thenRefuses('ORGANIZATION_ALREADY_REGISTERED'));

  it('refuses an organ without a department kind', () =>
    given([])
      .when(cmd('RegisterOrganization', { ...organ, departmentKind: undefined }))
      .thenRefuses('DEPARTMENT_KIND_REQUIRED'));

  it('refuses a department kind on a non-organ', () =>
    given([])
      .when(cmd('RegisterOrganization', { ...organ, sector: 'village' }))
      .thenRefuses('DEPARTMENT_KIND_NOT_APPLICABLE'));

  it('issue 13: an institution (事业单位, e.g. an agricultural extension centre) may name its department kind', () =>
    given([])
      .when(
        cmd('RegisterOrganization', {
          ...organ,
          name: '县农业技术推广中心党支部',
          sector: 'institution',
          departmentKind: 'agriculture',
        }),
      )
      .then([
        {
          type: 'OrganizationRegistered',
          data: {
            organizationId: 'o1',
            name: '县农业技术推广中心党支部',
            level: organ.level,
            sector: 'institution',
            departmentKind: 'agriculture',
            township: organ.township,
          },
        },
      ]));

  it('an institution without a department kind is registered as before', () =>
    given([])
      .when(
        cmd('RegisterOrganization', { ...organ, sector: 'institution', departmentKind: undefined }),
      )
      .then([
        {
          type: 'OrganizationRegistered',
          data: {
            organizationId: 'o1',
            name: organ.name,
            level: organ.level,
            sector: 'institution',
            township: organ.township,
          },
        },
      ]));

  it('refuses an organization that is its own parent', () =>
    given([])
      .when(cmd('RegisterOrganization', { ...organ, parentId: 'o1' }))
      .thenRefuses('INVALID_PARENT'));

  it.each([
    ['sector', { sector: 'farm' }],
    ['level', { level: 'cell' }],
    ['departmentKind', { departmentKind: 'finance' }],
    ['name', { name: '  ' }],
    ['township', { township: '' }],
  ])('refuses an invalid %s', (_field, patch) =>
    given([])
      .when(
        cmd('RegisterOrganization', {
          ...organ,
          ...patch,
        } as unknown as Data<'RegisterOrganization'>),
      )
      .thenRefuses('INVALID_VALUE'),
  );
});

describe('SetVillageCategories', () => {
  const set = (categories: string[], organizationId = 'v1') =>
    cmd('SetVillageCategories', {
      organizationId,
      categories: categories as Data<'SetVillageCategories'>['categories'],
      reason: '2025 排查',
    });

  it('sets the categories, deduplicated in glossary order, with the change', () =>
    given([villageRegistered()])
      .when(set(['poor', 'weak_lax', 'poor']))
      .then([
        {
          type: 'VillageCategoriesSet',
          data: {
            organizationId: 'v1',
            categories: ['weak_lax', 'poor'],
            previousCategories: [],
            added: ['weak_lax', 'poor'],
            removed: [],
            reason: '2025 排查',
          },
        },
      ]));

  it('is a no-op when the set does not change', () =>
    given([
      villageRegistered(),
      {
        type: 'VillageCategoriesSet',
        data: {
          organizationId: 'v1',
          categories: ['weak_lax'],
          previousCategories: [],
          added: ['weak_lax'],
          removed: [],
          reason: 'x',
        },
      },
    ])
      .when(set(['weak_lax']))
      .then([]));

  it('refuses an unregistered organization', () =>
    given([])
      .when(set(['poor']))
      .thenRefuses('ORGANIZATION_NOT_FOUND'));

  it('refuses an organ', () =>
    given([organRegistered('o1')])
      .when(set(['poor'], 'o1'))
      .thenRefuses('SECTOR_NOT_APPLICABLE'));

  it('refuses an unknown category', () =>
    given([villageRegistered()])
      .when(set(['rich']))
      .thenRefuses('INVALID_VALUE'));

  it('refuses an inactive organization', () =>
    given([villageRegistered(), deactivated])
      .when(set(['poor']))
      .thenRefuses('ORGANIZATION_INACTIVE'));
});

describe('RecordCollectiveIncome', () => {
  const income = (year: number, amountFen: number, organizationId = 'v1') =>
    cmd('RecordCollectiveIncome', { organizationId, year, amountFen });
  const recorded: OrganizationEvent = {
    type: 'CollectiveIncomeRecorded',
    data: { organizationId: 'v1', year: 2024, amountFen: 4_000_000 },
  };

  it('records a year (zero is a valid income)', () =>
    given([villageRegistered()])
      .when(income(2024, 0))
      .then([
        {
          type: 'CollectiveIncomeRecorded',
          data: { organizationId: 'v1', year: 2024, amountFen: 0 },
        },
      ]));

  it('records a correction with the previous figure', () =>
    given([villageRegistered(), recorded])
      .when(income(2024, 6_000_000))
      .then([
        {
          type: 'CollectiveIncomeRecorded',
          data: {
            organizationId: 'v1',
            year: 2024,
            amountFen: 6_000_000,
            previousAmountFen: 4_000_000,
          },
        },
      ]));

  it('is a no-op for the same figure', () =>
    given([villageRegistered(), recorded]).when(income(2024, 4_000_000)).then([]));

  it.each([-1, 1.5, Number.NaN])('refuses the amount %p', (amount) =>
    given([villageRegistered()]).when(income(2024, amount)).thenRefuses('INVALID_AMOUNT'),
  );

  it('refuses a future year', () =>
    given([villageRegistered()]).when(income(2026, 1)).thenRefuses('DATE_IN_FUTURE'));

  it('refuses a malformed year', () =>
    given([villageRegistered()]).when(income(25, 1)).thenRefuses('INVALID_YEAR'));

  it('refuses an organ', () =>
    given([organRegistered('o1')])
      .when(income(2024, 1, 'o1'))
      .thenRefuses('SECTOR_NOT_APPLICABLE'));
});

describe('RecordMemberCount', () => {
  it('records counts for any sector', () =>
    given([organRegistered('o1')])
      .when(
        cmd('RecordMemberCount', { organizationId: 'o1', year: 2025, count: 30, ruralCount: 2 }),
      )
      .then([
        {
          type: 'MemberCountRecorded',
          data: { organizationId: 'o1', year: 2025, count: 30, ruralCount: 2 },
        },
      ]));

  it('refuses more rural members than members', () =>
    given([villageRegistered()])
      .when(cmd('RecordMemberCount', { organizationId: 'v1', year: 2025, count: 3, ruralCount: 4 }))
      .thenRefuses('MEMBER_COUNT_INCONSISTENT'));

  it('refuses a negative count', () =>
    given([villageRegistered()])
      .when(cmd('RecordMemberCount', { organizationId: 'v1', year: 2025, count: -3 }))
      .thenRefuses('INVALID_COUNT'));

  it('refuses an unregistered organization', () =>
    given([])
      .when(cmd('RecordMemberCount', { organizationId: 'v1', year: 2025, count: 3 }))
      .thenRefuses('ORGANIZATION_NOT_FOUND'));
});

describe('AssignFirstSecretary', () => {
  const assign = {
    organizationId: 'v1',
    name: '李明',
    fromOrganizationId: 'o1',
    startsOn: '2025-03-01',
  };

  it('assigns a first secretary to a village', () =>
    given([villageRegistered()])
      .when(cmd('AssignFirstSecretary', { ...assign, endsOn: '2027-02-28' }))
      .then([{ type: 'FirstSecretaryAssigned', data: { ...assign, endsOn: '2027-02-28' } }]));

  it('refuses an end not after the start', () =>
    given([villageRegistered()])
      .when(cmd('AssignFirstSecretary', { ...assign, endsOn: '2025-03-01' }))
      .thenRefuses('INVALID_DATE_RANGE'));

  it('refuses a date that does not exist', () =>
    given([villageRegistered()])
      .when(cmd('AssignFirstSecretary', { ...assign, startsOn: '2025-02-30' }))
      .thenRefuses('INVALID_DATE'));

  it('refuses a secretary dispatched from the village itself', () =>
    given([villageRegistered()])
      .when(cmd('AssignFirstSecretary', { ...assign, fromOrganizationId: 'v1' }))
      .thenRefuses('INVALID_VALUE'));

  it('refuses an organ', () =>
    given([organRegistered('o1')])
      .when(
        cmd('AssignFirstSecretary', {
          ...assign,
          organizationId: 'o1',
          fromOrganizationId: undefined,
        }),
      )
      .thenRefuses('SECTOR_NOT_APPLICABLE'));

  it('refuses an inactive village', () =>
    given([villageRegistered(), deactivated])
      .when(cmd('AssignFirstSecretary', assign))
      .thenRefuses('ORGANIZATION_INACTIVE'));
});

describe('DeactivateOrganization', () => {
  const deactivate = cmd('DeactivateOrganization', {
    organizationId: 'v1',
    reason: 'merged',
    on: '2025-01-01',
  });

  it('deactivates', () => given([villageRegistered()]).when(deactivate).then([deactivated]));

  it('is a no-op when already inactive', () =>
    given([villageRegistered(), deactivated]).when(deactivate).then([]));

  it('refuses a date after today', () =>
    given([villageRegistered()])
      .when(
        cmd('DeactivateOrganization', { organizationId: 'v1', reason: 'merged', on: '2025-06-16' }),
      )
      .thenRefuses('DATE_IN_FUTURE'));

  it('refuses an unregistered organization', () =>
    given([]).when(deactivate).thenRefuses('ORGANIZATION_NOT_FOUND'));
});

describe('organizationIdsOfOrganizationEvent', () => {
  it('names every organization an event concerns', () => {
    expect(organizationIdsOfOrganizationEvent(organRegistered('o1'))).toEqual(['o1']);
    expect(
      organizationIdsOfOrganizationEvent({
        type: 'PairingLinked',
        data: {
          organizationId: 'v1',
          pairingId: 'p1',
          urbanOrganizationId: 'o1',
          startsOn: '2025-01-01',
          endsOn: '2026-01-01',
        },
      }),
    ).toEqual(['v1', 'o1']);
  });
});
