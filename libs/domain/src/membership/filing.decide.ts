import { FILING_SUBJECTS, RecordFiling } from './member.commands';
import { MemberEvent } from './member.events';
import { alreadyRecorded, beginStep, memberRef } from './member.guards';
import { MemberState } from './member.state';
import { requireAuthority } from './approval-authority.guards';
import { membershipError } from './membership.errors';

/**
 * 备案 (细则 art. 11, 17): the designation as activist or as development target is filed with
 * the upper committee, once each, after the designation.
 */
export function recordFiling(command: RecordFiling, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'record_filing', command);
  const { on, of, by } = command.data;
  if (!(FILING_SUBJECTS as readonly string[]).includes(of)) {
    throw membershipError('INVALID_FIELD_VALUE', `unknown filing subject ${of}`, { field: 'of' });
  }
  const designatedOn = of === 'activist' ? m.activistSince : m.developmentTargetSince;
  if (designatedOn === undefined) {
    throw membershipError(
      'FILING_SUBJECT_INVALID',
      `the member was never designated ${of.replace('_', ' ')}: nothing to file`,
      { of, stage: m.stage },
    );
  }
  if ((m.filings ?? []).some((f) => f.of === of)) alreadyRecorded('record_filing');
  requireAuthority('record_filing', command.data, m.organizationId);
  return [{ type: 'FilingRecorded', data: { ...memberRef(m), on, of, by } }];
}
