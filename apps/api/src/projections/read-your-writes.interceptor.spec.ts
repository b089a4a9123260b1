import { Controller, Get, Query } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsOptional, IsString } from 'class-validator';
import { READ_MODEL_READER, ReadModelLagError, ReadModelReader } from '@gongjian/projections';
import { ProblemDetailsFilter } from '../http/problem/problem-details.filter';
import { strictValidationPipe } from '../http/validation/strict-validation.pipe';
import { ReadYourWrites } from './read-your-writes.decorator';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';
import { READ_SIDE_SETTINGS } from './read-side.settings';
import { startFastifyTestApp } from './fastify-test-app.spec-helper';

class VillagesQuery {
  @IsOptional()
  @IsString()
  township?: string;
}

@Controller('villages')
class VillagesController {
  @Get()
  @ReadYourWrites()
  list(@Query() query: VillagesQuery) {
    return { query };
  }
}

const REACHED = '00000000000000000010';

describe('@ReadYourWrites (minPosition on queries)', () => {
  let app: NestFastifyApplication;
  const waits: [string, number | undefined][] = [];
  const reader: ReadModelReader = {
    collection: () => Promise.reject(new Error('not used')),
    waitForPosition: async (position, timeoutMs) => {
      waits.push([position, timeoutMs]);
      if (position > REACHED) throw new ReadModelLagError(position, REACHED, timeoutMs ?? 0);
    },
  };

  beforeAll(async () => {
    app = await startFastifyTestApp({
      controllers: [VillagesController],
      providers: [
        { provide: READ_MODEL_READER, useValue: reader },
        { provide: READ_SIDE_SETTINGS, useValue: { minPositionWaitMs: 1234 } },
        ReadYourWritesInterceptor,
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: strictValidationPipe },
      ],
    });
  });
  afterAll(() => app.close());
  beforeEach(() => waits.splice(0));

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('without minPosition the query answers at once', async () => {
    const reply = await get('/villages?township=T01');
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({ query: { township: 'T01' } });
    expect(waits).toEqual([]);
  });

  it('waits for the position (with the configured limit), then answers; the DTO never sees it', async () => {
    const reply = await get(`/villages?township=T01&minPosition=${REACHED}`);
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({ query: { township: 'T01' } });
    expect(waits).toEqual([[REACHED, 1234]]);
  });

  it('accepts KurrentDB positions too', async () => {
    const position = '00000000000000000005-00000000000000000005';
    expect((await get(`/villages?minPosition=${position}`)).statusCode).toBe(200);
    expect(waits).toEqual([[position, 1234]]);
  });

  it.each(['12', 'abc', '', '00000000000000000010&minPosition=00000000000000000011'])(
    'a malformed minPosition (%s) is a 400 problem naming the field, and nothing waits',
    async (value) => {
      const reply = await get(`/villages?minPosition=${value}`);
      expect(reply.statusCode).toBe(400);
      expect(reply.headers['content-type']).toContain('application/problem+json');
      expect(reply.json()).toMatchObject({
        status: 400,
        code: 'INVALID_INPUT',
        errors: [{ field: 'minPosition' }],
      });
      expect(waits).toEqual([]);
    },
  );

  it('a position the read models do not reach in time is a 504 READ_MODEL_LAGGING problem', async () => {
    const reply = await get('/villages?minPosition=00000000000000000099');
    expect(reply.statusCode).toBe(504);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect(reply.json()).toMatchObject({
      status: 504,
      code: 'READ_MODEL_LAGGING',
      minPosition: '00000000000000000099',
      reached: REACHED,
    });
  });
});
