import type { FastifyInstance } from 'fastify';
import { problem, PROBLEM_CONTENT_TYPE } from '../http/problem/problem';

interface KnownRoute {
  pattern: RegExp;
  methods: Set<string>;
}

/**
 * 405 with `Allow` when the path exists under another method (Fastify alone answers 404).
 * Routes are collected as they are registered, so call this before the app initialises.
 */
export function answerMethodNotAllowed(instance: FastifyInstance): void {
  const routes = new Map<string, KnownRoute>();
  instance.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const known = routes.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set() };
    methods.forEach((m) => known.methods.add(m.toUpperCase()));
    routes.set(route.url, known);
  });
  instance.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== undefined) return;
    const path = request.url.split('?')[0];
    const allowed = new Set<string>();
    for (const route of routes.values()) {
      if (route.pattern.test(path)) route.methods.forEach((m) => allowed.add(m));
    }
    if (allowed.size === 0) return;
    await reply
      .status(405)
      .header('Allow', [...allowed].sort().join(', '))
      .header('Content-Type', PROBLEM_CONTENT_TYPE)
      .send(problem(405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${path}`));
  });
}

function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : escapeRegExp(segment),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
