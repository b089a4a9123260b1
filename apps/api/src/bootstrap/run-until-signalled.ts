import { INestApplicationContext } from '@nestjs/common';

/** SIGINT/SIGTERM close the app (stores flushed and closed), then exit 0; a stuck close is cut. */
export function runUntilSignalled(app: INestApplicationContext, graceMs = 10_000): void {
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`gongjian: ${signal} received, shutting down\n`);
    const force = setTimeout(() => {
      process.stderr.write('gongjian: shutdown took too long, exiting\n');
      process.exit(1);
    }, graceMs);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`gongjian: shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
