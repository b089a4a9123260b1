/** Code names from GLOSSARY.md. */

/**
 * 党建指导日 / 集体活动日 / 组织生活会 / 联谊 / 培训 / 走访慰问, and from the seeds: joint 党课
 * (三会一课) / 主题党日 / 志愿服务 / 座谈 (e.g. rural members visiting the organ, seed 002) /
 * 考察学习 (study tour) / 现场会 (on-site meeting).
 */
export const ACTIVITY_TYPES = [
  'guidance_day',
  'collective_activity_day',
  'joint_org_life',
  'fellowship',
  'training',
  'visit',
  'joint_party_lecture',
  'theme_party_day',
  'volunteer_service',
  'symposium',
  'study_tour',
  'on_site_meeting',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/**
 * Who a training (培训) trained, by kind: Party members, activists (入党积极分子), farmers
 * (农民群众) and 双带能手 (members who lead in getting rich and lead others to it).
 */
export const TRAINEE_KINDS = ['members', 'activists', 'farmers', 'doubleLeaders'] as const;
export type TraineeKind = (typeof TRAINEE_KINDS)[number];
export type Trainees = Partial<Record<TraineeKind, number>>;

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
