import { SetMetadata } from '@nestjs/common';
import { Role } from './api-key';

export const ROLES_KEY = 'gongjian:roles';
export const PUBLIC_KEY = 'gongjian:public';

/** The roles that may call a route (admin always may). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No key needed: health, readiness, metrics. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
