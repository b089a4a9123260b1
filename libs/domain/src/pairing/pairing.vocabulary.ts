/** Code names from GLOSSARY.md. */

/** 党建指导日 / 集体活动日 / 组织生活会 / 联谊 / 培训 / 走访慰问 */
export const ACTIVITY_TYPES = [
  'guidance_day',
  'collective_activity_day',
  'joint_org_life',
  'fellowship',
  'training',
  'visit',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Targets the read side measures activities against (DESIGN "Pairing"). */
export const ACTIVITY_TARGETS = {
  guidanceDaysPerWeek: 1,
  collectiveActivityDaysPerMonth: 3,
} as const;

/** What a pairing agreement (共建责任书) commits to and what is delivered against it. */
export const DELIVERY_KINDS = ['funds', 'projects', 'activists'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export interface Commitments {
  fundsFen: number;
  projects: number;
  activists: number;
}

export const PAIRING_STATUSES = ['active', 'dissolved', 'expired'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];
