import { CommandContext } from '../shared/decider';
import { OrganizationRegistered } from './organization.events';
import { OrganizationSummary } from './organization.summary';

/** Test fixtures shared by the organization, pairing and project specs. */
export const contextOn = (today: string): CommandContext => ({
  now: `${today}T02:00:00.000Z`,
  today,
  actor: { id: 'clerk-1', role: 'operator' },
});

export const villageRegistered = (id = 'v1'): OrganizationRegistered => ({
  type: 'OrganizationRegistered',
  data: {
    organizationId: id,
    name: '东坪村党支部',
    level: 'branch',
    sector: 'village',
    township: 'T01',
  },
});

export const organRegistered = (id = 'o1'): OrganizationRegistered => ({
  type: 'OrganizationRegistered',
  data: {
    organizationId: id,
    name: '县委宣传部机关党支部',
    level: 'branch',
    sector: 'organ',
    departmentKind: 'party_mass',
    township: 'T00',
  },
});

type RegisteredSummary = Extract<OrganizationSummary, { exists: true }>;

export const urbanSummary = (overrides: Partial<RegisteredSummary> = {}): RegisteredSummary => ({
  id: 'o1',
  exists: true,
  name: '县委宣传部机关党支部',
  level: 'branch',
  sector: 'organ',
  departmentKind: 'party_mass',
  township: 'T00',
  status: 'active',
  categories: [],
  ...overrides,
});

export const ruralSummary = (overrides: Partial<RegisteredSummary> = {}): RegisteredSummary => ({
  id: 'v1',
  exists: true,
  name: '东坪村党支部',
  level: 'branch',
  sector: 'village',
  township: 'T01',
  status: 'active',
  categories: ['weak_lax'],
  ...overrides,
});
