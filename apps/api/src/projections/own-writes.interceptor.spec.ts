import { CanActivate, Controller, ExecutionContext, Get, Post, Query } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { READ_MODEL_READER, ReadModelLagError, ReadModelReader } from '@gongjian/projections';
import type { AuthenticatedRequest } from '../http/auth/api-key.guard';
import { OwnWritesInterceptor } from './own-writes.interceptor';
import { READ_SIDE_SETTINGS } from './read-side.settings';
import { startFastifyTestApp } from './fastify-test-app.spec-helper';

let nextPosition = 0;
const position = (n: number) => String(n).padStart(20, '0');

@Controller('villages')
class VillagesController {
  @Post()
  create() {
    return { id: 'v', position: position(++nextPosition) };
  }

  @Get()
  list(@Query() query: Record<string, string>) {
    return { query };
  }
}

/** The caller is named by a header, as an API key would name it. */
class CallerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = request.headers['x-caller'];
    if (typeof caller === 'string') request.actor = { id: caller, role: 'admin', townships: [] };
    return true;
  }
}

describe('OwnWritesInterceptor (read-your-writes per API key)', () => {
  let app: NestFastifyApplication;
  const waits: [string, string | undefined][] = [];
  let lagging = false;
  const reader: ReadModelReader = {
    collection: () => Promise.reject(new Error('not used')),
    waitForPosition: async (at, timeoutMs) => {
      waits.push([at, String(timeoutMs)]);
      if (lagging) throw new ReadModelLagError(at, undefined, timeoutMs ?? 0);
    },
  };

  beforeAll(async () => {
    app = await startFastifyTestApp({
      controllers: [VillagesController],
      providers: [
        { provide: READ_MODEL_READER, useValue: reader },
        { provide: READ_SIDE_SETTINGS, useValue: { minPositionWaitMs: 1234 } },
        { provide: APP_GUARD, useClass: CallerGuard },
        { provide: APP_INTERCEPTOR, useClass: OwnWritesInterceptor },
      ],
    });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    waits.splice(0);
    lagging = false;
  });

  const as = (caller: string, method: 'GET' | 'POST', url = '/villages') =>
    app.inject({ method, url, headers: { 'x-caller': caller } });

  it('a query waits for the last position its caller was answered, once; others do not wait', async () => {
    await as('a', 'POST');
    const written = position(nextPosition);

    expect((await as('b', 'GET')).statusCode).toBe(200);
    expect(waits).toEqual([]);

    expect((await as('a', 'GET')).statusCode).toBe(200);
    expect((await as('a', 'GET')).statusCode).toBe(200);
    expect(waits).toEqual([[written, '1234']]);
  });

  it('waits for the latest of several writes', async () => {
    await as('a', 'POST');
    await as('a', 'POST');
    await as('a', 'GET');
    expect(waits).toEqual([[position(nextPosition), '1234']]);
  });

  it('leaves a query with minPosition to that wait', async () => {
    await as('a', 'POST');
    await as('a', 'GET', '/villages?minPosition=00000000000000000001');
    expect(waits).toEqual([]);
  });

  it('answers when the wait runs out, and does not wait for that position again', async () => {
    await as('a', 'POST');
    lagging = true;
    const reply = await as('a', 'GET');
    expect(reply.statusCode).toBe(200);
    await as('a', 'GET');
    expect(waits).toHaveLength(1);
  });
});
