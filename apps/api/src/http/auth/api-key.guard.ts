import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { AuthenticatedActor, Role } from './api-key';
import { API_KEY_REGISTRY, ApiKeyRegistry } from './api-key.registry';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/** RFC 6750: the scheme, one space, the key (visible ASCII), nothing after it. */
const BEARER = /^Bearer ([\x21-\x7e]+)$/i;

/** The key of an Authorization header, or undefined when it is missing or malformed. */
export function bearerKey(header: string | undefined): string | undefined {
  return BEARER.exec(header ?? '')?.[1];
}

export type AuthenticatedRequest = FastifyRequest & { actor?: AuthenticatedActor };

/** Bearer API key → actor; 401 without a known key, 403 for a role the route does not admit. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEY_REGISTRY) private readonly registry: ApiKeyRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = bearerKey(request.headers.authorization);
    if (!key) throw new UnauthorizedException('send Authorization: Bearer <api key>');
    const actor = this.registry.find(key);
    if (!actor) throw new UnauthorizedException('unknown API key');

    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (actor.role !== 'admin' && !allowed.includes(actor.role)) {
      throw new ForbiddenException(`role ${actor.role} may not call this endpoint`);
    }
    request.actor = actor;
    return true;
  }
}
