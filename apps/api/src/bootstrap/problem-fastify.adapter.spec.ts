import { HttpProblemError } from '../http/problem/http-problem.error';
import { withStableCode } from './problem-fastify.adapter';

const fastifyError = (code: string, statusCode: number) =>
  Object.assign(new Error(`${code} message`), { name: 'FastifyError', code, statusCode });

describe('Fastify request errors keep a stable code', () => {
  it.each([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 413, 'BODY_TOO_LARGE'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, 400, 'INVALID_CONTENT_LENGTH'],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 400, 'MALFORMED_JSON'],
  ])('%s becomes %i %s', (code, statusCode, status, stable) => {
    const mapped = withStableCode(fastifyError(code, statusCode));
    expect(mapped).toBeInstanceOf(HttpProblemError);
    expect(mapped).toMatchObject({ status, code: stable, message: `${code} message` });
  });

  it('leaves every other error as it is', () => {
    const other = fastifyError('FST_ERR_SOMETHING_ELSE', 500);
    expect(withStableCode(other)).toBe(other);
    const plain = new Error('boom');
    expect(withStableCode(plain)).toBe(plain);
    expect(withStableCode(undefined)).toBeUndefined();
  });
});
