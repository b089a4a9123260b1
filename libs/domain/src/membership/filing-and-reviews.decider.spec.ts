import { specFor } from '../shared/decider.spec-helper';
import { memberDecider } from './member.decider';
import { MemberEvent } from './member.events';
import { authority, before, cmd, COMMITTEE, path, ref, through } from './member.spec-fixtures';

const given = specFor(memberDecider);

describe('member decider: half-year reviews before designation (细则 art. 14)', () => {
  const designate = (on: string) =>
    cmd('DesignateDevelopmentTarget', { on, resolutionRef: '支委会〔2024〕5号' });
  const beforeReviews = before('ActivistReviewed');

  it('refuses designation with no review at all', () =>
    given(beforeReviews).when(designate('2024-05-06')).thenRefuses('ACTIVIST_REVIEWS_MISSING'));

  it('refuses designation with one review for a year as activist', () =>
    given(path.slice(0, 6)).when(designate('2024-05-06')).thenRefuses('ACTIVIST_REVIEWS_MISSING'));

  const review = (on: string): MemberEvent => ({
    type: 'ActivistReviewed',
    data: { ...ref, on, result: 'satisfactory', nextReviewDueOn: on, dueOn: on, late: false },
  });

  it('asks for three reviews after a year and a half as activist', () =>
    given([...beforeReviews, review('2023-10-09'), review('2024-04-08')])
      .when(designate('2024-10-10'))
      .thenRefuses('ACTIVIST_REVIEWS_MISSING'));

  it('counts a review made late for its half-year (flagged late, never a dead end)', () =>
    given([...beforeReviews, review('2023-10-20'), review('2024-05-01')])
      .when(designate('2024-05-06'))
      .then([
        {
          type: 'DevelopmentTargetDesignated',
          data: {
            ...ref,
            on: '2024-05-06',
            resolutionRef: '支委会〔2024〕5号',
            activistSince: '2023-04-10',
          },
        },
      ]));

  it('accepts designation with a review in each half-year', () =>
    given(through('ActivistReviewed'))
      .when(designate('2024-05-06'))
      .then([
        {
          type: 'DevelopmentTargetDesignated',
          data: {
            ...ref,
            on: '2024-05-06',
            resolutionRef: '支委会〔2024〕5号',
            activistSince: '2023-04-10',
          },
        },
      ]));
});

describe('member decider: 备案 with the upper committee (细则 art. 11, 17)', () => {
  const file = (on: string, of: 'activist' | 'development_target', by = COMMITTEE) =>
    cmd('RecordFiling', { on, of, by, ...authority });

  it('refuses filing a development target before the designation', () =>
    given(through('ActivistReviewed'))
      .when(file('2024-04-20', 'development_target'))
      .thenRefuses('FILING_SUBJECT_INVALID'));

  it('refuses filing an activist twice', () =>
    given(through('ActivistReviewed'))
      .when(file('2024-04-20', 'activist'))
      .thenRefuses('STEP_ALREADY_RECORDED'));

  it('refuses filing with a committee that has no authority over the branch', () =>
    given(before('FilingRecorded'))
      .when(file('2023-04-17', 'activist', 'town-T02'))
      .thenRefuses('APPROVAL_AUTHORITY_INVALID'));

  it('refuses an unknown subject', () =>
    given(before('FilingRecorded'))
      .when(file('2023-04-17', 'applicant' as never))
      .thenRefuses('INVALID_FIELD_VALUE'));

  it('records the filing with its date', () =>
    given(through('SponsorsAssigned'))
      .when(file('2024-05-10', 'development_target'))
      .then([
        {
          type: 'FilingRecorded',
          data: { ...ref, on: '2024-05-10', of: 'development_target', by: COMMITTEE },
        },
      ]));
});
