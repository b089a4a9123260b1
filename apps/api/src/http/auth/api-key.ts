export const ROLES = ['admin', 'operator', 'inspector', 'scheduler'] as const;
export type Role = (typeof ROLES)[number];

/** One configured key. Operators act only on organizations of their townships ("*": all). */
export interface ApiKey {
  key: string;
  role: Role;
  townships?: string[];
  name?: string;
}

/** Who is calling, as commands and events record it (the key itself never travels further). */
export interface AuthenticatedActor {
  id: string;
  role: Role;
  townships: string[];
}
