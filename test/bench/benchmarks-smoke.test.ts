import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@qn/infra';

/**
 * Every benchmark under bench/ at a tiny size, as its doc runs it, so a rename or a changed
 * rule cannot break one unnoticed. Only that it completes and reports its figures in their
 * usual shape is checked: timings are the benchmarks' business, never the tests'.
 */
jest.setTimeout(600_000);
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'qn-bench-smoke-'));
const env = { ...process.env, REDIS_URL: process.env.QN_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' };

async function bench(
  args: string[],
  extra: Record<string, string>,
): Promise<{ stdout: string; stderr: string }> {
  return run('node', args, {
    cwd: repoRoot,
    env: { ...env, ...extra },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
}

beforeAll(async () => {
  // What the benchmarks import from dist/ (turbo rebuilds only what changed, cached by input).
  await run(
    'npx',
    [
      'turbo',
      'run',
      'build',
      '--output-logs=errors-only',
      '--filter=@qn/service-events...',
      '--filter=@qn/service-calendar...',
      '--filter=@qn/worker-newsletter...',
      '--filter=@qn/all-in-one...',
      '--filter=@qn/infra',
    ],
    { cwd: repoRoot, env, timeout: 300_000 },
  );
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('registration-burst: no seat oversold, figures written where asked', async () => {
  const out = join(scratch, 'registration-burst.md');
  await bench(['bench/registration-burst/run.mjs'], {
    ROUNDS: '1',
    ATTEMPTS: '40',
    SEATS: '10',
    BENCH_OUT: out,
  });
  const md = readFileSync(out, 'utf8');
  expect(md).toMatch(/\| events service \| [\d,.]+ \|/);
  expect(md).toContain('Oversold seats per round: 0 ');
  expect(md).toContain('10 confirmed and 30 waitlisted: yes');
});

it('feed-serving: the three answers measured against the baseline', async () => {
  const { stdout } = await bench(['bench/feed-serving/run.mjs'], {
    ROUNDS: '1',
    DURATION_MS: '200',
    CONCURRENCY: '2',
    EVENTS: '20',
  });
  for (const answer of ['200 identity', '200 br', '304'])
    expect(stdout).toMatch(new RegExp(`\\| ${answer} \\| \\d+ \\| \\d+ \\|`));
});

it('newsletter-throughput: every recipient delivered once through the real path', async () => {
  const { stdout } = await bench(['bench/newsletter-throughput/run.mjs'], {
    N: '30',
    ROUNDS: '1',
    WORKERS: '1',
    CONCURRENCY: '10',
    SMTP_CONNECTIONS: '2',
    BASELINE: '0',
    RATE: '0',
    BENCH_SINK: 'mailbox',
  });
  const result = JSON.parse(stdout) as {
    rounds: { ours: { sentRecords?: number } }[];
    summary: { oursPerSecond: number };
  };
  expect(result.rounds).toHaveLength(1);
  expect(result.rounds[0]!.ours.sentRecords).toBe(30);
  expect(result.summary.oursPerSecond).toBeGreaterThan(0);
});

it('alert-matching: ours and the naive baseline match the same subscriptions', async () => {
  const { stdout } = await bench(['--expose-gc', 'bench/alert-matching/run.js', '200'], { TRIALS: '1' });
  expect(stdout).toMatch(/\| 200 \| \d+ \| \d+ \| [\d.]+ s \| [\d.]+ s \|/);
});

it('capacity/queue-memory: Redis memory per queued campaign mail', async () => {
  const { stdout } = await bench(['bench/capacity/queue-memory.mjs', '200', '50'], {});
  expect(stdout).toContain('"keysAfterDrain"');
});

it('scale: every public request answered at two tiny sizes', async () => {
  const out = join(scratch, 'scale.md');
  const { stdout } = await bench(['bench/scale/run.mjs'], {
    SCALE_SIZES: '50,200',
    SCALE_SAMPLES: '1',
    SCALE_WARMUPS: '1',
    BENCH_OUT: out,
  });
  const result = JSON.parse(stdout) as {
    allAnswered: boolean;
    results: { size: number; id: string; failures: string[] }[];
  };
  expect(result.results.filter((r) => r.failures.length)).toEqual([]);
  expect(result.allAnswered).toBe(true);
  expect(result.results).toHaveLength(20);
  const md = readFileSync(out, 'utf8');
  expect(md).toMatch(
    /\| POST one-click unsubscribe \(newsletter\) \| [\d.,]+ \([\d.,]+\) \| [\d.,]+ \([\d.,]+\) \|/,
  );
  expect(md).toContain('Every request answered with its expected status: yes');
});
