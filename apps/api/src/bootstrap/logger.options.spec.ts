import { loadConfig } from '@gongjian/config';
import { loggerOptions } from './logger.options';

const transportOf = (env: Record<string, string>, isTTY: boolean, prettyAvailable = true) => {
  const options = loggerOptions(loadConfig({ DATA_DIR: '/tmp/unused', ...env }), {
    isTTY,
    prettyAvailable,
  });
  return (options.pinoHttp as { transport?: { target: string } }).transport;
};

describe('logger options', () => {
  it('prints readable lines through pino-pretty at a terminal in development', () => {
    expect(transportOf({}, true)?.target).toBe('pino-pretty');
  });

  it('keeps JSON lines when stdout is not a terminal, in production, or without pino-pretty', () => {
    expect(transportOf({}, false)).toBeUndefined();
    expect(transportOf({}, true, false)).toBeUndefined();
    expect(transportOf({ NODE_ENV: 'production' }, true)).toBeUndefined();
  });

  it('still redacts credentials and personal data', () => {
    const options = loggerOptions(loadConfig({ DATA_DIR: '/tmp/unused' }), {
      isTTY: true,
      prettyAvailable: true,
    });
    expect((options.pinoHttp as { redact: { paths: string[] } }).redact.paths).toContain(
      'req.headers.authorization',
    );
  });
});
