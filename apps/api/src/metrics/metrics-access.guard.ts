import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { AppConfig } from '@gongjian/config';
import { APP_CONFIG } from '../bootstrap/app-config.token';
import { AuthenticatedRequest, bearerKey } from '../http/auth/api-key.guard';
import { API_KEY_REGISTRY, ApiKeyRegistry } from '../http/auth/api-key.registry';

/**
 * `/metrics` on the API port: open outside production; in production any valid API key
 * (metrics name routes and runtime versions). Scrapers without a key use METRICS_PORT.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(API_KEY_REGISTRY) private readonly registry: ApiKeyRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.config.production) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = bearerKey(request.headers.authorization);
    if (!key || !this.registry.find(key)) {
      throw new UnauthorizedException(
        'in production /metrics needs an API key, or a scrape of METRICS_PORT',
      );
    }
    return true;
  }
}
