// Scale: what one public request costs as the data grows. Fills its own FerretDB (the project's
// patched build) with N newsletter subscribers, N funding subscriptions and N event
// registrations for each size in turn, appending between sizes, and times each public request
// over real HTTP against every service as the all-in-one mounts them. Target: the median at the
// largest size within 1.5× of the median at the smallest. Figures go to docs/bench/scale.md,
// never into tests; the smoke run in `npm test` only checks that every request answered.
//
//   npx turbo run build --filter=@qn/all-in-one... --filter=@qn/infra
//   node bench/scale/run.mjs    # SCALE_SIZES=1000,10000,100000,500000 SCALE_SAMPLES=11 [BENCH_OUT=file.md]
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { fill, markBackfillDone } from './fill.mjs';
import { publicRequests } from './requests.mjs';

const require = createRequire(import.meta.url);
const mongoose = require('mongoose');
const { startFerretDb, ensureFerretDbBinary, repoRoot } = require('@qn/infra');

const SIZES = (process.env.SCALE_SIZES ?? '1000,10000,100000,500000').split(',').map(Number);
const SAMPLES = Number(process.env.SCALE_SAMPLES ?? 11);
// A request slower than this is sampled only SCALE_SLOW_SAMPLES times at that size: a scan
// of 500,000 documents takes tens of seconds, and a few of those already tell the story.
const SLOW_MS = Number(process.env.SCALE_SLOW_MS ?? 5000);
const SLOW_SAMPLES = Number(process.env.SCALE_SLOW_SAMPLES ?? 3);
const TIMEOUT_MS = Number(process.env.SCALE_TIMEOUT_MS ?? 180_000);
// A request whose median at one size passed this is not timed at the larger ones: it already
// grows with the data, and at 500,000 one sample would take minutes.
const SKIP_MS = Number(process.env.SCALE_SKIP_MS ?? 20_000);
const WARMUPS = Number(process.env.SCALE_WARMUPS ?? 3);
const ONLY = process.env.SCALE_REQUESTS?.split(',').filter(Boolean);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'bench-secret-key-that-is-long-enough-000';
const here = new URL('.', import.meta.url).pathname;
const largest = Math.max(...SIZES);
// The registrations go to published events of at most 10,000 seats (the API's limit).
const EVENTS = Math.max(2, Math.ceil(largest / 8000));
const CAPACITY = Math.min(10_000, Math.ceil(largest / EVENTS) + 10);

const machine = {
  cpus: os.cpus().length,
  model: os.cpus()[0]?.model ?? 'unknown CPU',
  memGiB: (os.totalmem() / 2 ** 30).toFixed(1),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  loadBefore: os.loadavg(),
};
const ferretBin = ensureFerretDbBinary();
const ferretBuild = `${execFileSync(ferretBin, ['--version'], { encoding: 'utf8' }).split('\n')[0]} (${basename(dirname(ferretBin))})`;

const stateDir = join(repoRoot, '.data', `bench-scale-${process.pid}`);
mkdirSync(stateDir, { recursive: true });
const prefix = `bench-scale-${process.pid}`;
const ferret = await startFerretDb({ stateDir });
const mongoUrl = `${ferret.url}/bench_scale_${process.pid}`;
let child;

const config = {
  MONGODB_URL: mongoUrl,
  REDIS_URL,
  SMTP_URL: 'smtp://127.0.0.1:2525',
  SECRET_KEY: SECRET,
  QUEUE_PREFIX: prefix,
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://quartier.example.org',
  // The limits stay in the path (Redis counters on every public write); only their size is
  // raised, since every bench request comes from one address.
  RATE_LIMIT_PER_IP: '100000000',
  RATE_LIMIT_PER_EMAIL: '100000000',
  RATE_LIMIT_PUBLIC_WRITES_PER_IP: '100000000',
};

function startServer() {
  return new Promise((resolve, reject) => {
    child = fork(join(here, 'server.mjs'), {
      execArgv: process.env.BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
        : [],
      env: { ...process.env, BENCH_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 2, 'inherit', 'ipc'],
    });
    child.once('message', (m) => resolve(`http://127.0.0.1:${m.port}`));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function ask(message) {
  return new Promise((resolve, reject) => {
    const on = (m) => {
      if (m.type !== message.type && m.type !== 'error') return;
      child.off('message', on);
      if (m.type === 'error') reject(new Error(m.message));
      else resolve(m);
    };
    child.on('message', on);
    child.send(message);
  });
}

const quantile = (xs, q) => {
  const s = xs.slice().sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.ceil(pos)] - s[lo]) * (pos - lo);
};

async function send(base, r) {
  const t0 = performance.now();
  try {
    const res = await fetch(base + r.path, {
      method: r.method,
      headers: r.headers,
      body: r.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await res.text();
    return { ms: performance.now() - t0, status: res.status, text };
  } catch (err) {
    if (err.name !== 'TimeoutError') throw err;
    return { ms: performance.now() - t0, status: 'timeout', text: `no answer within ${TIMEOUT_MS} ms` };
  }
}

async function dropSeatPools(redis, eventIds) {
  // The bulk seats went in behind the pools' backs: a missing pool is rebuilt from the seat
  // documents under the event lock on the next claim, exactly as after a Redis restart.
  const keys = eventIds.flatMap((id) => [`${prefix}:ev:${id}:pool`, `${prefix}:ev:${id}:gen`]);
  if (keys.length) await redis.del(...keys);
}

const redis = new Redis(REDIS_URL);
const results = []; // { size, id, samples: [ms], statuses: {}, failures: [], skipped? }
const diagnosis = new Map(); // request id → filters not by _id, with counts, at the first size
const skipFrom = new Map(); // request id → the size whose median passed SKIP_MS
const fills = [];
const loads = [];
let allAnswered = true;
try {
  const base = await startServer();
  await mongoose.connect(mongoUrl, { retryWrites: false, autoIndex: false });
  const setup = await ask({ type: 'setup', events: EVENTS, capacity: CAPACITY });
  await markBackfillDone(Date.now());
  let registerEventId;
  const s = {
    secret: SECRET,
    listId: setup.listId,
    eventIds: setup.eventIds,
    now: Date.now(),
    registerEventId: () => registerEventId,
  };
  const requests = publicRequests(s).filter((r) => !ONLY || ONLY.includes(r.id));
  const used = new Map(requests.map((r) => [r.id, new Set()]));
  // Unsubscribe and the details page draw on disjoint halves, so neither sees the other's change.
  const half = { 'newsletter-unsubscribe': 1, 'newsletter-details': 0 };
  let fresh = 0;
  let filled = 0;

  const subjectFor = (r, size, j, count) => {
    if (r.fresh) return -1;
    let i = Math.floor(((j + 0.5) * size) / count);
    const ok = (x) =>
      x < size && r.pick(x) && !used.get(r.id).has(x) && (half[r.id] === undefined || x % 2 === half[r.id]);
    for (let tries = 0; !ok(i) && tries < size; tries++) i = (i + 1) % size;
    if (!ok(i)) throw new Error(`no unused record left for ${r.id} at ${size}`);
    used.get(r.id).add(i);
    return i;
  };

  for (const size of SIZES) {
    if (size > filled) {
      const t0 = performance.now();
      let last = 0;
      await fill(filled, size, s, (done) => {
        if (done - last >= 50_000) {
          last = done;
          console.error(`fill ${filled + done}/${size}`);
        }
      });
      fills.push({ from: filled, to: size, seconds: (performance.now() - t0) / 1000 });
      filled = size;
    }
    await dropSeatPools(redis, setup.eventIds);
    registerEventId = (
      await ask({ type: 'new-event', capacity: 10_000, title: `Anmeldeprobe bei ${size} Datensätzen` })
    ).eventId;
    const loadStart = os.loadavg();
    const rows = requests.map((r) => ({
      size,
      id: r.id,
      samples: [],
      statuses: {},
      failures: [],
      skipped: skipFrom.has(r.id),
    }));
    const target = new Map(requests.map((r) => [r.id, skipFrom.has(r.id) ? 0 : SAMPLES]));
    // A few untimed requests each first (connections, code paths compiled; one only where it
    // is slow anyway), then the samples in rounds across all requests, so the machine's drift
    // meets every request alike.
    for (const [k, r] of requests.entries()) {
      if (target.get(r.id) === 0) continue;
      for (let w = 0; w < WARMUPS; w++) {
        const i = subjectFor(r, size, SAMPLES + w, SAMPLES + WARMUPS);
        const res = await send(base, r.make(i, `${size}-w${fresh++}`));
        if (res.status !== r.expect)
          rows[k].failures.push(`warm-up: ${res.status} ${res.text.slice(0, 200)}`);
        if (res.ms > SLOW_MS) break;
      }
    }
    for (let j = 0; j < SAMPLES; j++) {
      for (const [k, r] of requests.entries()) {
        const row = rows[k];
        if (j >= target.get(r.id)) continue;
        const i = subjectFor(r, size, j, SAMPLES + WARMUPS);
        const res = await send(base, r.make(i, `${size}-${fresh++}`));
        row.samples.push(res.ms);
        row.statuses[res.status] = (row.statuses[res.status] ?? 0) + 1;
        if (res.status !== r.expect) row.failures.push(`${res.status} ${res.text.slice(0, 200)}`);
        if (res.ms > SLOW_MS) target.set(r.id, Math.min(target.get(r.id), SLOW_SAMPLES));
      }
    }
    loads.push({ size, start: loadStart, end: os.loadavg() });
    if (size === SIZES[0]) {
      // Untimed, once: which filters each request sends that FerretDB cannot answer by `_id`.
      for (const r of requests) {
        await ask({ type: 'log-start' });
        const i = r.fresh ? -1 : subjectFor(r, size, 0, 1);
        await send(base, r.make(i, `${size}-d${fresh++}`));
        const { queries } = await ask({ type: 'log-stop' });
        const counts = new Map();
        for (const q of queries) counts.set(q, (counts.get(q) ?? 0) + 1);
        diagnosis.set(r.id, counts);
      }
    }
    for (const row of rows) {
      if (row.failures.length) allAnswered = false;
      if (!row.skipped && quantile(row.samples, 0.5) > SKIP_MS) skipFrom.set(row.id, size);
      results.push(row);
      console.error(
        `${size} ${row.id}: median ${quantile(row.samples, 0.5).toFixed(1)} ms, p90 ${quantile(row.samples, 0.9).toFixed(1)} ms, ${row.samples.length} samples`,
        row.statuses,
        row.failures.slice(0, 2),
      );
    }
  }

  const out = process.env.BENCH_OUT ?? join(repoRoot, 'docs', 'bench', 'scale.md');
  mkdirSync(dirname(out), { recursive: true });
  const md = report(requests, await redisVersion());
  writeFileSync(out, md);
  process.stdout.write(
    JSON.stringify({
      sizes: SIZES,
      allAnswered,
      results: results.map(({ samples, ...r }) => ({ ...r, samples })),
    }) + '\n',
  );
} finally {
  await mongoose.disconnect().catch(() => {});
  if (child) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
  await ferret.stop();
  if (process.env.SCALE_KEEP !== '1') rmSync(stateDir, { recursive: true, force: true });
}

function fmtMs(x) {
  if (!Number.isFinite(x)) return '–';
  return x >= 100 ? x.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : x.toFixed(1);
}

function report(requests, redisVer) {
  const sizeLabel = (n) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
  const first = SIZES[0];
  const last = SIZES[SIZES.length - 1];
  const row = (size, id) => results.find((x) => x.size === size && x.id === id);
  const lines = requests.map((r) => {
    const cells = SIZES.map((n) => {
      const x = row(n, r.id);
      if (x.skipped) return 'not timed';
      return `${fmtMs(quantile(x.samples, 0.5))} (${fmtMs(quantile(x.samples, 0.9))})`;
    });
    const measured = SIZES.filter((n) => !row(n, r.id).skipped);
    const upTo = measured[measured.length - 1];
    const ratio = quantile(row(upTo, r.id).samples, 0.5) / quantile(row(first, r.id).samples, 0.5);
    // Not timed at the largest size: the ratio so far is a lower bound.
    const shown = upTo === last ? `${ratio.toFixed(2)}×` : `> ${ratio.toFixed(0)}× (at ${sizeLabel(upTo)})`;
    const ok = upTo === last && ratio <= 1.5 ? 'yes' : '**no**';
    return `| ${r.label} | ${cells.join(' | ')} | ${shown} | ${ok} |`;
  });
  const diagnosed = requests.map((r) => {
    const counts = diagnosis.get(r.id);
    if (!counts || counts.size === 0) return `- ${r.label}: none, every filter is exactly \`{_id}\``;
    const shapes = [...counts].map(([q, n]) => `\`${q}\`${n > 1 ? ` ×${n}` : ''}`);
    return `- ${r.label}: ${shapes.join('; ')}`;
  });
  const sampleCounts = requests
    .map((r) => `${r.id} ${SIZES.map((n) => row(n, r.id).samples.length).join('/')}`)
    .join('; ');
  const knobs = `SCALE_SIZES=${SIZES.join(',')} SCALE_SAMPLES=${SAMPLES} SCALE_WARMUPS=${WARMUPS}`;
  const failures = results.filter((x) => x.failures.length);
  const fmtLoad = (l) => l.map((v) => v.toFixed(2)).join(', ');
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  return `# Benchmark: public requests at scale

What one public request costs as the data grows: for each size N the database holds N
newsletter subscribers, N funding-alert subscriptions and N event registrations (N/2 people with
two registrations each over ${EVENTS} published events; every fifth person with a personal calendar
feed; every 20th newsletter address unsubscribed and suppressed, every 10th funding sign-up still
pending), written in bulk in the shape the domain functions leave them, pointer and key documents
included (\`bench/scale/fill.mjs\`), appended between sizes. Each request goes over HTTP, one at a
time, to every service as the all-in-one mounts them (\`composeApp\`, no workers running), and each
sample uses a record or address no earlier sample used. Median (p90) in ms; target: the median at
${sizeLabel(last)} within 1.5× of the median at ${sizeLabel(first)}.

- Date: ${date} UTC
- Machine: ${machine.cpus} × ${machine.model} (\`nproc\` ${machine.cpus}), ${machine.memGiB} GiB, ${machine.os}, Node ${machine.node}
- FerretDB: ${ferretBuild}, SQLite handler; Redis ${redisVer} on loopback
- Load average (1, 5, 15 min) before: ${fmtLoad(machine.loadBefore)}; after: ${fmtLoad(os.loadavg())} (the machine is shared; other work ran meanwhile)
- Load average per size (start → end of its timing): ${loads.map((l) => `${sizeLabel(l.size)} ${l.start[0].toFixed(2)} → ${l.end[0].toFixed(2)}`).join('; ')}
- Sizes: ${SIZES.join(', ')}; samples per request and size: ${SAMPLES} (${SLOW_SAMPLES} where a sample took over ${SLOW_MS.toLocaleString('en')} ms), after ${WARMUPS} untimed requests each (one where it was slow); \`${knobs}\`
- Fill: ${fills.map((f) => `${f.from}–${f.to} in ${f.seconds.toFixed(0)} s`).join('; ')}
- Run: \`npx turbo run build --filter=@qn/all-in-one... --filter=@qn/infra && node bench/scale/run.mjs\`
- Knobs: \`SCALE_SIZES\`, \`SCALE_SAMPLES\`, \`SCALE_WARMUPS\`, \`SCALE_REQUESTS\` (ids, comma-separated), \`SCALE_SLOW_MS\`, \`SCALE_SLOW_SAMPLES\`, \`SCALE_SKIP_MS\`, \`SCALE_TIMEOUT_MS\`, \`REDIS_URL\`; the page is written to \`BENCH_OUT\` (default: this file, replaced whole, so a reading written by hand below must be carried over); \`npm test\` runs it at a tiny size (\`test/bench/benchmarks-smoke.test.ts\`), checking that every request answers, never its figures

| request | ${SIZES.map(sizeLabel).join(' | ')} | ${sizeLabel(last)} / ${sizeLabel(first)} | within 1.5× |
| --- | ${SIZES.map(() => '---:').join(' | ')} | ---: | --- |
${lines.join('\n')}

Samples taken (per size): ${sampleCounts}. "Not timed": its median at a smaller size passed
${SKIP_MS.toLocaleString('en')} ms, so the request already grows with the data.

Filters each request sent that FerretDB 1.x answers by reading the whole collection (anything
but exactly \`{_id: <string or ObjectId>}\`), from one untimed request at ${sizeLabel(first)} with
mongoose's debug log on (values shown as …):

${diagnosed.join('\n')}

Every request answered with its expected status: ${allAnswered ? 'yes' : '**no**'}${failures.length ? `\n\n${failures.map((f) => `- ${sizeLabel(f.size)} ${f.id}: ${f.failures.slice(0, 3).join('; ')}`).join('\n')}` : ''}
`;
}

async function redisVersion() {
  const info = await redis.info('server');
  return /redis_version:(\S+)/.exec(info)?.[1] ?? '?';
}
