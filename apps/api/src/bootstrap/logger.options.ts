import { RequestMethod } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import { AppConfig } from '@gongjian/config';

/** Paths that may carry credentials or personal data; pino replaces them before writing. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.idNumber',
  '*.phone',
  '*.person.idNumber',
  '*.person.phone',
];

export function loggerOptions(config: AppConfig): Params {
  return {
    // Health probes and scrapes would drown the log.
    exclude: ['health', 'ready', 'metrics'].map((path) => ({ method: RequestMethod.GET, path })),
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
      },
    },
  };
}
