import { DemoTarget } from './demo-runner';
import { getJson } from './demo-summary';

export interface DemoRatings {
  period: string;
  runId: string;
  status: string;
  byStars: Record<string, number>;
  rated: number;
  fiveStarSharePercent: number;
  fiveStarCapPercent: number;
  /** Where the completed run is recorded: reads with it as minPosition see its ratings. */
  position: string;
}

async function post<T>(target: DemoTarget, path: string, body: unknown) {
  const response = await fetch(`${target.url}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

/**
 * Rates the county for `period` through the API (POST /evaluations), waits for the run and
 * answers its star distribution with the five-star share against the rule set's cap.
 */
export async function rateDemoCounty(
  target: DemoTarget,
  period: string,
  deadlineMs = 300_000,
): Promise<DemoRatings> {
  const started = await post<{ runId: string; position: string; detail?: string }>(
    target,
    '/evaluations',
    { period },
  );
  if (started.status !== 202)
    throw new Error(`POST /evaluations answered ${started.status}: ${started.body.detail ?? ''}`);
  const { runId, position } = started.body;
  type Run = {
    status: string;
    ruleSetId: string;
    position: string;
    summary?: { byStars: Record<string, number> };
    failureReason?: string;
  };
  const deadline = Date.now() + deadlineMs;
  let run: Run;
  for (;;) {
    const answer = await getJson<Run>(
      target,
      `/evaluations/${runId}?minPosition=${encodeURIComponent(position)}`,
    );
    run = answer.body;
    if (answer.status === 200 && (run.status === 'completed' || run.status === 'failed')) break;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not finish in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (run.status === 'failed') throw new Error(`run ${runId} failed: ${run.failureReason}`);
  const ruleSet = await getJson<{
    versions: { ruleSet: { fiveStarCap: { maxSharePercent: number } } }[];
  }>(target, `/rule-sets/${run.ruleSetId}?minPosition=${encodeURIComponent(position)}`);
  const versions = ruleSet.body.versions;
  const byStars = run.summary?.byStars ?? {};
  const rated = Object.values(byStars).reduce((n, c) => n + c, 0);
  return {
    period,
    runId,
    status: run.status,
    byStars,
    rated,
    fiveStarSharePercent: rated === 0 ? 0 : Math.round(((byStars['5'] ?? 0) / rated) * 1000) / 10,
    fiveStarCapPercent: versions[versions.length - 1].ruleSet.fiveStarCap.maxSharePercent,
    position: run.position,
  };
}

export function ratingLines(r: DemoRatings): string[] {
  const bar = (n: number) => '█'.repeat(Math.ceil((n / Math.max(1, r.rated)) * 40));
  return [
    `\nstar ratings ${r.period} (星级评定, run ${r.runId}): ${r.rated} branches rated`,
    ...[5, 4, 3, 2, 1].map((s) => {
      const n = r.byStars[String(s)] ?? 0;
      return `  ${'★'.repeat(s).padEnd(5, '☆')} ${String(n).padStart(4)} ${bar(n)}`;
    }),
    `  five-star share ${r.fiveStarSharePercent}% (cap ${r.fiveStarCapPercent}%): ` +
      (r.fiveStarSharePercent <= r.fiveStarCapPercent ? 'within the cap' : 'OVER THE CAP'),
  ];
}
