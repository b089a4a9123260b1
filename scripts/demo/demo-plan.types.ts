/** One command of the demo, as it is sent: `key` makes its Idempotency-Key (with the seed). */
export interface DemoCommand {
  key: string;
  path: string;
  body: Record<string, unknown>;
}

/** Commands that must run in order (one record's story, e.g. a member's steps). */
export type DemoChain = DemoCommand[];

/** Chains that may run concurrently; phases run one after the other. */
export interface DemoPhase {
  name: string;
  chains: DemoChain[];
}

/** How big the county is. `DEMO_SCALES.county` is the size of the seed reports. */
export interface DemoScale {
  townships: number;
  villages: number;
  communitiesPerTownship: number;
  organs: number;
  otherUrban: number;
  pairedVillages: number;
  otherPairings: number;
  projects: number;
  firstSecretaries: number;
  applicants: number;
  activists: number;
  developmentTargets: number;
  admissions: number;
  /** Months of pairing activities, counted back from the last complete month. */
  activityMonths: number;
}

export const DEMO_SCALES: Record<'county' | 'tiny', DemoScale> = {
  county: {
    townships: 12,
    villages: 200,
    communitiesPerTownship: 1,
    organs: 290,
    otherUrban: 200,
    pairedVillages: 170,
    otherPairings: 30,
    projects: 480,
    firstSecretaries: 40,
    applicants: 600,
    activists: 2800,
    developmentTargets: 450,
    admissions: 150,
    activityMonths: 24,
  },
  tiny: {
    townships: 2,
    villages: 4,
    communitiesPerTownship: 0,
    organs: 5,
    otherUrban: 1,
    pairedVillages: 3,
    otherPairings: 1,
    projects: 3,
    firstSecretaries: 1,
    applicants: 1,
    activists: 3,
    developmentTargets: 2,
    admissions: 1,
    activityMonths: 2,
  },
};

export interface DemoOrganization {
  id: string;
  name: string;
  level: string;
  sector: string;
  departmentKind?: string;
  township: string;
  parentId?: string;
}

export interface DemoPairing {
  id: string;
  urban: DemoOrganization;
  rural: DemoOrganization;
  startsOn: string;
  endsOn: string;
  principleMatched: boolean;
  dissolvedOn?: string;
}

/** The plan, and the figures the summary checks the reports against. */
export interface DemoPlan {
  seed: number;
  /** The year whose reports the summary prints (the year of `lastDay`). */
  year: number;
  /** No business date after this day (the end of the last complete month). */
  lastDay: string;
  phases: DemoPhase[];
  expected: {
    organizations: number;
    villages: number;
    pairings: number;
    pairedVillages: number;
    overridden: number;
    projects: number;
    members: number;
    commands: number;
  };
}
