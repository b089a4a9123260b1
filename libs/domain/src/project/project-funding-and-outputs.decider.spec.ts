import { contextOn } from '../organization/organization.spec-fixtures';
import { specFor } from '../shared/decider.spec-helper';
import { RecordProjectFunding, RecordProjectOutput } from './project.commands';
import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';

const given = specFor(projectDecider);
const ref = {
  projectId: 'pr1',
  pairingId: 'p1',
  urbanOrganizationId: 'o1',
  ruralOrganizationId: 'v1',
};
const launched: ProjectEvent = {
  type: 'ProjectLaunched',
  data: {
    ...ref,
    urbanTownship: 'T00',
    ruralTownship: 'T01',
    name: '村组道路硬化',
    category: 'infrastructure',
    plannedInvestmentFen: 80_000_000,
    startsOn: '2025-03-01',
  },
};
const completed: ProjectEvent = {
  type: 'ProjectCompleted',
  data: { ...ref, on: '2025-05-30', plannedInvestmentFen: 80_000_000, investedFen: 0 },
};

const fund = (data: Partial<RecordProjectFunding['data']>): RecordProjectFunding => ({
  type: 'RecordProjectFunding',
  data: {
    projectId: 'pr1',
    fundingId: 'f1',
    source: 'enterprise',
    stage: 'secured',
    amountFen: 30_000_000,
    on: '2025-04-01',
    ...data,
  },
  context: contextOn('2025-06-15'),
});
const funded = (
  data: Partial<Extract<ProjectEvent, { type: 'ProjectFundingRecorded' }>['data']>,
): ProjectEvent => ({
  type: 'ProjectFundingRecorded',
  data: {
    ...ref,
    fundingId: 'f1',
    source: 'enterprise',
    stage: 'secured',
    amountFen: 30_000_000,
    on: '2025-04-01',
    sourceSecuredFen: 30_000_000,
    sourceArrivedFen: 0,
    ...data,
  },
});

describe('RecordProjectFunding: secured (争取) and arrived (到位) by source (issue 13, seed 001)', () => {
  it.each(['enterprise', 'social_capital', 'higher_level'] as const)(
    'records money secured from %s, a source the seeds name',
    (source) =>
      given([launched])
        .when(fund({ source }))
        .then([funded({ source })]),
  );

  it('records money arrived from a source, up to what was secured from it', () =>
    given([launched, funded({})])
      .when(fund({ fundingId: 'f2', stage: 'arrived', amountFen: 20_000_000, on: '2025-05-01' }))
      .then([
        funded({
          fundingId: 'f2',
          stage: 'arrived',
          amountFen: 20_000_000,
          on: '2025-05-01',
          sourceSecuredFen: 30_000_000,
          sourceArrivedFen: 20_000_000,
        }),
      ]));

  it('refuses more arrived than secured from the source', () =>
    given([launched, funded({})])
      .when(fund({ fundingId: 'f2', stage: 'arrived', amountFen: 30_000_001 }))
      .thenRefuses('FUNDING_ARRIVED_EXCEEDS_SECURED'));

  it('money secured from another source does not cover it', () =>
    given([launched, funded({})])
      .when(fund({ fundingId: 'f2', source: 'social_capital', stage: 'arrived', amountFen: 1 }))
      .thenRefuses('FUNDING_ARRIVED_EXCEEDS_SECURED'));

  it('accepts money arriving after completion (final payments)', () =>
    given([launched, funded({}), completed])
      .when(fund({ fundingId: 'f2', stage: 'arrived', amountFen: 1_000, on: '2025-06-10' }))
      .then([
        funded({
          fundingId: 'f2',
          stage: 'arrived',
          amountFen: 1_000,
          on: '2025-06-10',
          sourceArrivedFen: 1_000,
        }),
      ]));

  it('the same record again is a no-op; other details under its id are a conflict', () => {
    given([launched, funded({})])
      .when(fund({}))
      .then([]);
    given([launched, funded({})])
      .when(fund({ amountFen: 1 }))
      .thenRefuses('RECORD_ID_CONFLICT');
  });

  it('refuses an unknown source or stage, a future date and an unknown project', () => {
    given([launched])
      .when(fund({ source: 'lottery' as never }))
      .thenRefuses('INVALID_VALUE');
    given([launched])
      .when(fund({ stage: 'promised' as never }))
      .thenRefuses('INVALID_VALUE');
    given([launched])
      .when(fund({ on: '2025-06-16' }))
      .thenRefuses('DATE_IN_FUTURE');
    given([]).when(fund({})).thenRefuses('PROJECT_NOT_FOUND');
  });
});

describe('RecordProjectOutput: physical outputs as quantities with units (issue 13, seed 001)', () => {
  const output = (data: Partial<RecordProjectOutput['data']>): RecordProjectOutput => ({
    type: 'RecordProjectOutput',
    data: {
      projectId: 'pr1',
      outputId: 'out1',
      kind: 'road',
      quantity: 1_200,
      unit: 'metre',
      on: '2025-05-30',
      ...data,
    },
    context: contextOn('2025-06-15'),
  });
  const recorded = (data: Record<string, unknown>): ProjectEvent => ({
    type: 'ProjectOutputRecorded',
    data: {
      ...ref,
      outputId: 'out1',
      kind: 'road',
      quantity: 1_200,
      unit: 'metre',
      on: '2025-05-30',
      ...data,
    } as never,
  });

  it.each([
    ['road', 1_200, 'metre'],
    ['street_light', 40, 'item'],
    ['square', 800, 'square_metre'],
    ['office', 1, 'item'],
    ['toilet', 2, 'item'],
  ] as const)('records %s: %d %s', (kind, quantity, unit) =>
    given([launched, completed])
      .when(output({ kind, quantity, unit }))
      .then([recorded({ kind, quantity, unit })]),
  );

  it('refuses a unit the kind is not counted in', () =>
    given([launched])
      .when(output({ kind: 'street_light', unit: 'metre' }))
      .thenRefuses('OUTPUT_UNIT_NOT_APPLICABLE'));

  it('refuses an output of kind other without a description', () => {
    given([launched])
      .when(output({ kind: 'other', unit: 'item' }))
      .thenRefuses('OUTPUT_DESCRIPTION_REQUIRED');
    given([launched])
      .when(output({ kind: 'other', unit: 'item', quantity: 3, description: '宣传栏' }))
      .then([recorded({ kind: 'other', unit: 'item', quantity: 3, description: '宣传栏' })]);
  });

  it('refuses a quantity that is not a positive whole number', () => {
    given([launched])
      .when(output({ quantity: 0 }))
      .thenRefuses('INVALID_COUNT');
    given([launched])
      .when(output({ quantity: 2.5 }))
      .thenRefuses('INVALID_COUNT');
  });

  it('the same output again is a no-op; another quantity under its id is a conflict', () => {
    given([launched, recorded({})])
      .when(output({}))
      .then([]);
    given([launched, recorded({})])
      .when(output({ quantity: 1_201 }))
      .thenRefuses('RECORD_ID_CONFLICT');
  });
});
