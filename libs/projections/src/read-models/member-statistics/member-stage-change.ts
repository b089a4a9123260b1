import type { RecordedEvent } from '@gongjian/event-store';

/** Stages the statistics count, with the field each is counted in. */
export const COUNTED_STAGES = {
  applicant: 'applicants',
  activist: 'activists',
  development_target: 'developmentTargets',
  probationary: 'probationary',
  full_member: 'fullMembers',
} as const;
export type CountedField = (typeof COUNTED_STAGES)[keyof typeof COUNTED_STAGES];
export const COUNTED_FIELDS = Object.values(COUNTED_STAGES);

/** The stage a member event moves a member into, if it moves it. */
const STAGE_AFTER: Readonly<Record<string, string>> = {
  MembershipApplied: 'applicant',
  ActivistDesignated: 'activist',
  DevelopmentTargetDesignated: 'development_target',
  AdmissionApproved: 'probationary',
  FullMembershipGranted: 'full_member',
  FullMembershipApproved: 'full_member',
  MembershipRejected: 'rejected',
  ProbationCancelled: 'cancelled',
  MembershipWithdrawn: 'withdrawn',
};

export interface MemberPlace {
  stage: string;
  organizationId: string;
}

/** Where the member is after the event: every member event names the responsible organization. */
export function placeAfter(before: MemberPlace | undefined, event: RecordedEvent): MemberPlace {
  const { organizationId } = event.data as { organizationId: string };
  return { stage: STAGE_AFTER[event.type] ?? before?.stage ?? 'none', organizationId };
}

/** The business date of a member event (its year is the statistics year it counts in). */
export function businessDateOf(event: RecordedEvent): string {
  const data = event.data as { on?: string; appliedOn?: string; from?: string };
  return (data.on ?? data.appliedOn ?? data.from) as string;
}
