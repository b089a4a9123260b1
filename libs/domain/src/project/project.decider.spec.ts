import fc from 'fast-check';
import { contextOn } from '../organization/organization.spec-fixtures';
import { PairingSummary } from '../pairing/pairing.summary';
import { fold } from '../shared/decider';
import { specFor } from '../shared/decider.spec-helper';
import { ProjectCommand } from './project.commands';
import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';

const given = specFor(projectDecider);
const TODAY = '2025-06-15';
const cmd = <C extends ProjectCommand>(type: C['type'], data: C['data'], today = TODAY) =>
  ({ type, data, context: contextOn(today) }) as C;

const pairing: PairingSummary = {
  id: 'p1',
  exists: true,
  urbanOrganizationId: 'o1',
  ruralOrganizationId: 'v1',
  urbanTownship: 'T00',
  ruralTownship: 'T01',
  startsOn: '2025-01-01',
  endsOn: '2027-12-31',
};
const ref = {
  projectId: 'pr1',
  pairingId: 'p1',
  urbanOrganizationId: 'o1',
  ruralOrganizationId: 'v1',
};
const launch = {
  projectId: 'pr1',
  pairing,
  name: '村集体茶叶加工厂',
  category: 'economic_development',
  plannedInvestmentFen: 30_000_000,
  startsOn: '2025-03-01',
} as const;
const launched: ProjectEvent = {
  type: 'ProjectLaunched',
  data: {
    ...ref,
    urbanTownship: 'T00',
    ruralTownship: 'T01',
    name: '村集体茶叶加工厂',
    category: 'economic_development',
    plannedInvestmentFen: 30_000_000,
    startsOn: '2025-03-01',
  },
};
const invest = {
  projectId: 'pr1',
  amountFen: 5_000_000,
  on: '2025-04-01',
  source: 'partner_unit',
} as const;
const invested: ProjectEvent = {
  type: 'InvestmentRecorded',
  data: {
    ...ref,
    amountFen: 5_000_000,
    on: '2025-04-01',
    source: 'partner_unit',
    investedFen: 5_000_000,
  },
};
const completed: ProjectEvent = {
  type: 'ProjectCompleted',
  data: { ...ref, on: '2025-05-01', plannedInvestmentFen: 30_000_000, investedFen: 5_000_000 },
};

describe('LaunchProject', () => {
  it('launches a project under an active pairing', () =>
    given([]).when(cmd('LaunchProject', launch)).then([launched]));

  it('refuses a second launch', () =>
    given([launched]).when(cmd('LaunchProject', launch)).thenRefuses('PROJECT_ALREADY_LAUNCHED'));

  it('refuses an unknown pairing', () =>
    given([])
      .when(cmd('LaunchProject', { ...launch, pairing: { id: 'p9', exists: false } }))
      .thenRefuses('PAIRING_NOT_FOUND'));

  it('refuses a dissolved pairing', () =>
    given([])
      .when(cmd('LaunchProject', { ...launch, pairing: { ...pairing, dissolvedOn: '2025-05-01' } }))
      .thenRefuses('PAIRING_NOT_ACTIVE'));

  it('refuses an expired pairing', () =>
    given([])
      .when(cmd('LaunchProject', launch, '2028-01-01'))
      .thenRefuses('PAIRING_NOT_ACTIVE'));

  it('refuses a start outside the pairing term', () =>
    given([])
      .when(cmd('LaunchProject', { ...launch, startsOn: '2024-12-31' }))
      .thenRefuses('PROJECT_OUTSIDE_PAIRING_TERM'));

  it('refuses an unknown category', () =>
    given([])
      .when(cmd('LaunchProject', { ...launch, category: 'cultural' as never }))
      .thenRefuses('INVALID_VALUE'));

  it('refuses a negative planned investment', () =>
    given([])
      .when(cmd('LaunchProject', { ...launch, plannedInvestmentFen: -1 }))
      .thenRefuses('INVALID_AMOUNT'));
});

describe('RecordInvestment', () => {
  it('records an investment with the running total', () =>
    given([launched]).when(cmd('RecordInvestment', invest)).then([invested]));

  it('adds to the running total', () =>
    given([launched, invested])
      .when(cmd('RecordInvestment', { ...invest, amountFen: 1_000_000, source: 'county_finance' }))
      .then([
        {
          type: 'InvestmentRecorded',
          data: {
            ...ref,
            amountFen: 1_000_000,
            on: '2025-04-01',
            source: 'county_finance',
            investedFen: 6_000_000,
          },
        },
      ]));

  it.each([0, -5, 2.5])('refuses the amount %p', (amountFen) =>
    given([launched])
      .when(cmd('RecordInvestment', { ...invest, amountFen }))
      .thenRefuses('INVALID_AMOUNT'),
  );

  it('refuses an unknown source', () =>
    given([launched])
      .when(cmd('RecordInvestment', { ...invest, source: 'bank_loan' as never }))
      .thenRefuses('INVALID_VALUE'));

  it('refuses an investment before the project start', () =>
    given([launched])
      .when(cmd('RecordInvestment', { ...invest, on: '2025-02-28' }))
      .thenRefuses('INVESTMENT_BEFORE_START'));

  it('refuses an investment dated after today', () =>
    given([launched])
      .when(cmd('RecordInvestment', { ...invest, on: '2025-06-16' }))
      .thenRefuses('DATE_IN_FUTURE'));

  it('refuses an investment dated after completion', () =>
    given([launched, completed])
      .when(cmd('RecordInvestment', { ...invest, on: '2025-05-02' }))
      .thenRefuses('PROJECT_ALREADY_COMPLETED'));

  it('takes an investment entered after completion, dated by it (a late receipt)', () =>
    given([launched, completed]).when(cmd('RecordInvestment', invest)).then([invested]));

  it('refuses an unknown project', () =>
    given([]).when(cmd('RecordInvestment', invest)).thenRefuses('PROJECT_NOT_FOUND'));

  it('property: investedFen is the sum of the investments', () =>
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000_000 }), { maxLength: 20 }),
        (amounts) => {
          let state = fold(projectDecider, [launched]);
          for (const amountFen of amounts) {
            const events = projectDecider.decide(
              cmd('RecordInvestment', { ...invest, amountFen }),
              state,
            );
            state = events.reduce(projectDecider.evolve, state);
          }
          expect(state.exists && state.investedFen).toBe(amounts.reduce((a, b) => a + b, 0));
        },
      ),
    ));
});

describe('CompleteProject', () => {
  const complete = { projectId: 'pr1', on: '2025-05-01' };

  it('completes a project', () =>
    given([launched, invested]).when(cmd('CompleteProject', complete)).then([completed]));

  it('refuses a second completion', () =>
    given([launched, invested, completed])
      .when(cmd('CompleteProject', complete))
      .thenRefuses('PROJECT_ALREADY_COMPLETED'));

  it('refuses a completion before the start', () =>
    given([launched])
      .when(cmd('CompleteProject', { ...complete, on: '2025-02-28' }))
      .thenRefuses('COMPLETION_BEFORE_START'));

  it('refuses a completion before the last investment', () =>
    given([launched, invested])
      .when(cmd('CompleteProject', { ...complete, on: '2025-03-31' }))
      .thenRefuses('COMPLETION_BEFORE_LAST_INVESTMENT'));

  it('refuses a completion dated after today', () =>
    given([launched])
      .when(cmd('CompleteProject', { ...complete, on: '2025-06-16' }))
      .thenRefuses('DATE_IN_FUTURE'));

  it('refuses a completion date that does not exist', () =>
    given([launched])
      .when(cmd('CompleteProject', { ...complete, on: '2025-04-31' }))
      .thenRefuses('INVALID_DATE'));

  it('completes on the start day', () =>
    given([launched])
      .when(cmd('CompleteProject', { ...complete, on: '2025-03-01' }))
      .then([
        {
          type: 'ProjectCompleted',
          data: { ...ref, on: '2025-03-01', plannedInvestmentFen: 30_000_000, investedFen: 0 },
        },
      ]));
});
