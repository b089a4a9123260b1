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

export interface LogTerminal {
  isTTY: boolean;
  /** Whether pino-pretty (a development dependency) can be loaded. */
  prettyAvailable: boolean;
}

function prettyInstalled(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

const processTerminal = (): LogTerminal => ({
  isTTY: process.stdout.isTTY === true,
  prettyAvailable: prettyInstalled(),
});

/**
 * Readable lines for someone at a terminal; JSON lines (one object per line, for collectors)
 * in production, when stdout is a pipe or a file, or when pino-pretty is not installed.
 */
export function prettyTransport(config: AppConfig, terminal: LogTerminal) {
  if (config.production || !terminal.isTTY || !terminal.prettyAvailable) return undefined;
  return {
    target: 'pino-pretty',
    options: {
      colorize: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,context',
      messageFormat: '{if context}[{context}] {end}{msg}',
      singleLine: true,
    },
  };
}

export function loggerOptions(
  config: AppConfig,
  terminal: LogTerminal = processTerminal(),
): Params {
  const transport = prettyTransport(config, terminal);
  return {
    // Health probes and scrapes would drown the log.
    exclude: ['health', 'ready', 'metrics'].map((path) => ({ method: RequestMethod.GET, path })),
    pinoHttp: {
      level: config.logLevel,
      ...(transport ? { transport } : {}),
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
