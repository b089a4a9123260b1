import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Harness, startApi } from './api-harness';

const run = promisify(execFile);
const REDOCLY = require.resolve('@redocly/cli/bin/cli.js');

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; message: string; location: { pointer?: string }[] }[];
}

/** `npm run lint:openapi` in the test run: the served /docs-json against Redocly's recommended rules. */
describe('the served OpenAPI document under Redocly lint (recommended rules)', () => {
  let api: Harness;
  let dir: string;
  beforeAll(async () => {
    api = await startApi();
    dir = mkdtempSync(join(tmpdir(), 'gongjian-openapi-'));
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports no errors and no warnings (every operation has a 4xx)', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, await (await fetch(`${api.url}/docs-json`)).text());
    const { stdout } = await run(
      process.execPath,
      [REDOCLY, 'lint', '--extends=recommended', '--format=json', file],
      {
        cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as LintReport;
    const problems = report.problems.map((p) => `${p.ruleId}: ${p.location[0]?.pointer ?? ''}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
