import { DemoTarget } from './demo-runner';

export const REPORT_NAMES = [
  'pairings',
  'villages',
  'funds',
  'projects',
  'collective-income',
  'member-development',
  'activities',
  'ratings',
] as const;

interface Table {
  title: string;
  columns: { key: string; label: string }[];
  totals: Record<string, unknown>;
}

export async function getJson<T>(
  target: DemoTarget,
  path: string,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${target.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${target.apiKey}` },
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

/** Each report's totals line for the year, read through the API (read models, not streams). */
export async function reportSummaries(
  target: DemoTarget,
  year: number,
  minPosition?: string,
): Promise<{ report: string; status: number; title?: string; totals?: Record<string, unknown> }[]> {
  const wait = minPosition ? `&minPosition=${encodeURIComponent(minPosition)}` : '';
  const summaries = [];
  for (const report of REPORT_NAMES) {
    const { status, body } = await getJson<Table>(target, `/reports/${report}?year=${year}${wait}`);
    if (status !== 200) {
      summaries.push({ report, status });
      continue;
    }
    const labelled = Object.fromEntries(
      body.columns
        .filter((c) => body.totals[c.key] !== undefined && typeof body.totals[c.key] === 'number')
        .map((c) => [c.label, body.totals[c.key]]),
    );
    summaries.push({ report, status, title: body.title, totals: labelled });
  }
  return summaries;
}

export function printSummaries(summaries: Awaited<ReturnType<typeof reportSummaries>>): void {
  for (const s of summaries) {
    if (!s.totals) {
      console.log(`\n${s.report}: HTTP ${s.status}`);
      continue;
    }
    console.log(`\n${s.title} (${s.report})`);
    for (const [label, value] of Object.entries(s.totals)) console.log(`  ${label}: ${value}`);
  }
}

/** Figures from the query read models (funds summary, member statistics), when the API has them. */
export async function querySummaries(target: DemoTarget, year: number, minPosition?: string) {
  const wait = minPosition ? `&minPosition=${encodeURIComponent(minPosition)}` : '';
  const lines: string[] = [];
  const funds = await getJson<{
    items?: { key: string; allocatedFen: number; disbursedFen: number; spentFen: number }[];
  }>(target, `/funds/summary?year=${year}&groupBy=source${wait}`);
  if (funds.status === 200 && funds.body.items) {
    lines.push(`funds ${year} by source (allocated / disbursed / spent, 万元):`);
    for (const item of funds.body.items) {
      const wan = (fen: number) => (fen / 1_000_000).toFixed(2);
      lines.push(
        `  ${item.key}: ${wan(item.allocatedFen)} / ${wan(item.disbursedFen)} / ${wan(item.spentFen)}`,
      );
    }
  }
  const members = await getJson<Record<string, unknown>>(
    target,
    `/members/statistics?year=${year}${wait}`,
  );
  if (members.status === 200)
    lines.push(`member statistics ${year}: ${JSON.stringify(members.body)}`);
  return lines;
}
