/**
 * The demo county (示范县): seeds a county on the scale of the seed reports through the command
 * API, rates its villages (星级评定), then prints the star distribution and what the reports say.
 *
 *   npm run demo [-- --seed 2026 --scale county|tiny --concurrency 8 --data-dir data/demo]
 *
 * With DEMO_API_URL (and DEMO_API_KEY, an admin key) it talks to a running API instead of
 * starting one in this process. Re-running with the same seed in the same month continues where
 * a run stopped: every command's Idempotency-Key derives from the seed.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { planDemoCounty } from './demo-plan';
import { DEMO_SCALES } from './demo-plan.types';
import { rateDemoCounty, ratingLines } from './demo-ratings';
import { runDemoPlan, DemoTarget } from './demo-runner';
import { printSummaries, querySummaries, reportSummaries } from './demo-summary';
import { startInProcessApi } from './in-process-api';

const program = new Command('demo')
  .option('--seed <n>', 'seed of the county', '2026')
  .option('--scale <name>', 'county (the seed reports) or tiny', 'county')
  .option('--concurrency <n>', 'chains in flight at once', '12')
  .option('--data-dir <dir>', 'embedded data of the in-process API', 'data/demo')
  .parse();

async function main() {
  const options = program.opts<{
    seed: string;
    scale: string;
    concurrency: string;
    dataDir: string;
  }>();
  const scale = DEMO_SCALES[options.scale as keyof typeof DEMO_SCALES];
  if (!scale) throw new Error(`--scale must be one of ${Object.keys(DEMO_SCALES).join(', ')}`);
  const plan = planDemoCounty(Number(options.seed), scale);

  const external = process.env.DEMO_API_URL;
  if (external && !process.env.DEMO_API_KEY)
    throw new Error('DEMO_API_URL needs DEMO_API_KEY (an admin key)');
  const api = external
    ? { url: external.replace(/\/$/, ''), apiKey: process.env.DEMO_API_KEY!, close: async () => {} }
    : await startInProcessApi(resolve(options.dataDir));
  const target: DemoTarget = api;
  console.log(
    `demo county: seed ${plan.seed}, ${plan.expected.organizations} organizations, ${plan.expected.pairings} pairings, ` +
      `${plan.expected.members} members in development, ${plan.expected.commands} commands up to ${plan.lastDay}`,
  );
  const bar = new SingleBar({
    format: '{bar} {percentage}% | {value}/{total} commands | {phase}',
    hideCursor: true,
  });
  bar.start(plan.expected.commands, 0, { phase: '' });
  const started = Date.now();
  try {
    const result = await runDemoPlan(plan, target, {
      concurrency: Number(options.concurrency),
      onProgress: (done, phase) => bar.update(done, { phase }),
    });
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `sent ${result.sent} commands in ${seconds.toFixed(0)} s (${Math.round(result.sent / seconds)}/s); ` +
        `${result.refused.length} refused`,
    );
    for (const refusal of result.refused.slice(0, 10)) {
      console.log(
        `  refused ${refusal.path} (${refusal.status} ${refusal.code ?? ''}): ${refusal.detail ?? ''}`,
      );
    }
    for (const line of await querySummaries(target, plan.year, result.position)) console.log(line);
    const ratings = await rateDemoCounty(target, String(plan.year));
    for (const line of ratingLines(ratings)) console.log(line);
    printSummaries(await reportSummaries(target, plan.year, ratings.position));
    if (!external) {
      console.log(
        `\nserve it: DATA_DIR=${options.dataDir} npm start (keys in ${options.dataDir}/credentials.json)`,
      );
    }
  } finally {
    bar.stop();
    await api.close();
  }
}

main().catch((error: unknown) => {
  console.error(`demo: ${(error as Error).message ?? error}`);
  process.exit(1);
});
