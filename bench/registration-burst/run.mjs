// Registration burst: 2,000 concurrent registrations for 150 seats through the events service,
// beside the baseline (plain node:http, one insertOne per request, same FerretDB), alternating,
// medians of the rounds, zero-oversell checked after every round of ours. Figures go to
// docs/bench/registration-burst.md, never into tests.
//
//   npx turbo run build --filter=@qn/service-events... --filter=@qn/infra
//   node bench/registration-burst/run.mjs          # ROUNDS=5 ATTEMPTS=2000 SEATS=150 [BENCH_OUT=file.md]
import { fork } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { burst } from './load.mjs';

const require = createRequire(import.meta.url);
const { startFerretDb, repoRoot } = require('@qn/infra');

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const ATTEMPTS = Number(process.env.ATTEMPTS ?? 2000);
const SEATS = Number(process.env.SEATS ?? 150);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const here = new URL('.', import.meta.url).pathname;
const loadAtStart = os.loadavg();

const stateDir = join(repoRoot, '.data', `bench-registration-${process.pid}`);
mkdirSync(stateDir, { recursive: true });
const prefix = `bench-reg-${process.pid}`;
const ferret = await startFerretDb({ stateDir });
const mongoUrl = `${ferret.url}/bench_reg_${process.pid}`;
const children = [];

function start(script) {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, script), {
      // BENCH_PROFILE=<dir> writes a CPU profile of each server on exit.
      execArgv: process.env.BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
        : [],
      env: { ...process.env, BENCH_MONGODB_URL: mongoUrl, BENCH_PREFIX: prefix, REDIS_URL },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children.push(child);
    child.once('message', (m) => resolve({ child, url: `http://127.0.0.1:${m.port}` }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

function ask(child, message, type) {
  return new Promise((resolve) => {
    const on = (m) => {
      if (m.type === type) {
        child.off('message', on);
        resolve(m);
      }
    };
    child.on('message', on);
    child.send(message);
  });
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  const ours = await start('service-server.mjs');
  const base = await start('baseline-server.mjs');
  const rows = { ours: [], base: [] };
  const oversold = [];
  const person = (round) => (i) => ({
    name: `Person ${i}`,
    email: `r${round}-p${i}@example.org`,
    consent: true,
  });
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternate which side goes first, so drift on a noisy machine hits both alike.
    const order = round % 2 ? ['base', 'ours'] : ['ours', 'base'];
    for (const side of order) {
      if (side === 'base') {
        const r = await burst(`${base.url}/round-${round}`, ATTEMPTS, person(round));
        rows.base.push(r);
        console.log(
          `round ${round} baseline: ${r.rps.toFixed(0)} req/s p50 ${r.p50.toFixed(0)} ms p99 ${r.p99.toFixed(0)} ms`,
          r.statuses,
        );
      } else {
        const { eventId } = await ask(ours.child, { type: 'new-event', seats: SEATS }, 'event');
        const r = await burst(`${ours.url}/api/events/${eventId}/registrations`, ATTEMPTS, person(round));
        const counts = await ask(ours.child, { type: 'count', eventId }, 'counts');
        r.counts = counts;
        rows.ours.push(r);
        oversold.push(Math.max(0, counts.seats - SEATS));
        console.log(
          `round ${round} events:   ${r.rps.toFixed(0)} req/s p50 ${r.p50.toFixed(0)} ms p99 ${r.p99.toFixed(0)} ms`,
          r.statuses,
          counts,
        );
      }
    }
  }
  const m = (side, k) => median(rows[side].map((r) => r[k]));
  const result = {
    ours: { rps: m('ours', 'rps'), p50: m('ours', 'p50'), p99: m('ours', 'p99') },
    base: { rps: m('base', 'rps'), p50: m('base', 'p50'), p99: m('base', 'p99') },
  };
  // The same figure paired by round (each round's two runs back to back), less sensitive to
  // the machine's drift between rounds than the ratio of the two sides' medians.
  const pairRatio = (k) => median(rows.ours.map((r, i) => r[k] / rows.base[i][k]));
  const okCounts = rows.ours.every(
    (r) =>
      r.counts.seats === SEATS && r.counts.confirmed === SEATS && r.counts.waitlisted === ATTEMPTS - SEATS,
  );
  const cpu = os.cpus();
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const fmt = (n) => n.toFixed(0);
  const md = `# Benchmark: registration burst

${ATTEMPTS} concurrent registrations (all in flight at once, one keep-alive agent without a socket
limit) for ${SEATS} seats, through the events service as \`services/events/src/main.ts\` runs it (express
shell, validation, seat pool in Redis, unique seat inserts, registration insert, confirmation or
waitlist mail and reminder enqueued on BullMQ) beside the baseline of docs/architecture.md: a plain
\`node:http\` handler inserting one document per request into the same FerretDB (same driver, pool
of 20). Server and load generator are separate processes; the two servers alternate, ${ROUNDS} rounds,
medians. Figures are recorded, never asserted in tests.

- Date: ${date} UTC
- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}
- FerretDB 1.24.2 (SQLite handler), Redis ${await redisVersion()} on loopback
- Load average (1, 5, 15 min) at the start: ${loadAtStart.map((l) => l.toFixed(1)).join(', ')}, at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} (the machine is shared; other work ran meanwhile)
- Run: \`npx turbo run build --filter=@qn/service-events... --filter=@qn/infra && node bench/registration-burst/run.mjs\`
- Knobs: \`ROUNDS\`, \`ATTEMPTS\`, \`SEATS\`, \`REDIS_URL\`; the page is written to \`BENCH_OUT\` (default: this file, replaced whole, so a reading written by hand below must be carried over); \`npm test\` runs the benchmark at a tiny size (\`test/bench/benchmarks-smoke.test.ts\`), checking that it runs, not its figures

| | req/s (median) | p50 latency | p99 latency |
| --- | ---: | ---: | ---: |
| baseline (\`node:http\` + one \`insertOne\`) | ${fmt(result.base.rps)} | ${fmt(result.base.p50)} ms | ${fmt(result.base.p99)} ms |
| events service | ${fmt(result.ours.rps)} | ${fmt(result.ours.p50)} ms | ${fmt(result.ours.p99)} ms |
| **ratio** (target: req/s ≥ 0.8×, p99 ≤ 1.5×) | **${(result.ours.rps / result.base.rps).toFixed(2)}×** | ${(result.ours.p50 / result.base.p50).toFixed(2)}× | **${(result.ours.p99 / result.base.p99).toFixed(2)}×** |
| ratio of the rounds' pairs (median) | ${pairRatio('rps').toFixed(2)}× | ${pairRatio('p50').toFixed(2)}× | ${pairRatio('p99').toFixed(2)}× |

Oversold seats per round: ${oversold.join(', ')} (target 0 in every round); every round ended with
exactly ${SEATS} seat documents, ${SEATS} confirmed and ${ATTEMPTS - SEATS} waitlisted: ${okCounts ? 'yes' : '**no**'}.

Rounds (req/s, p50, p99 in ms):

| round | baseline | events service | ratio req/s | ratio p99 |
| --- | --- | --- | ---: | ---: |
${rows.base.map((b, i) => `| ${i + 1} | ${fmt(b.rps)}, ${fmt(b.p50)}, ${fmt(b.p99)} | ${fmt(rows.ours[i].rps)}, ${fmt(rows.ours[i].p50)}, ${fmt(rows.ours[i].p99)} | ${(rows.ours[i].rps / b.rps).toFixed(2)}× | ${(rows.ours[i].p99 / b.p99).toFixed(2)}× |`).join('\n')}
`;
  // BENCH_OUT: where the figures go (the smoke run in `npm test` writes them to a scratch file).
  const out = process.env.BENCH_OUT ?? join(repoRoot, 'docs', 'bench', 'registration-burst.md');
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, md);
  console.log(md);
} finally {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, process.env.BENCH_PROFILE ? 2000 : 0));
  const r = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await r.del(...keys);
  } while (cursor !== '0');
  r.disconnect();
  await ferret.stop();
  rmSync(stateDir, { recursive: true, force: true });
}

async function redisVersion() {
  const r = new Redis(REDIS_URL);
  const info = await r.info('server');
  r.disconnect();
  return /redis_version:(\S+)/.exec(info)?.[1] ?? '?';
}
