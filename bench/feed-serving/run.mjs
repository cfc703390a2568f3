// Feed serving benchmark: the calendar service's 1,000-event feed (200 identity, 200 br, 304)
// beside a plain node:http baseline serving the same bytes from buffers, in the same run,
// alternating, medians of the rounds. Figures go to docs/bench/feed-serving.md, never to tests.
//
//   npx turbo run build --filter=@qn/service-calendar... --filter=@qn/infra
//   node bench/feed-serving/run.mjs   # ROUNDS=10 DURATION_MS=2000 CONCURRENCY=16 BASELINE=same|process
import { fork } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { load } from './load.mjs';

const require = createRequire(import.meta.url);
const mongoose = require('mongoose');
const { startFerretDb, repoRoot } = require('@qn/infra');

const ROUNDS = Number(process.env.ROUNDS ?? 10);
const DURATION_MS = Number(process.env.DURATION_MS ?? 2000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const EVENTS = Number(process.env.EVENTS ?? 1000);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// same: baseline server inside the service's process (default); process: a process of its own.
const BASELINE = process.env.BASELINE ?? 'same';
const here = new URL('.', import.meta.url).pathname;

const stateDir = join(repoRoot, '.data', `bench-feed-${process.pid}`);
mkdirSync(stateDir, { recursive: true });
const prefix = `bench-feed-${process.pid}`;
const ferret = await startFerretDb({ stateDir });
const mongoUrl = `${ferret.url}/bench_feed_${process.pid}`;
const children = [];

function start(script, env) {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, script), {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children.push(child);
    child.once('message', (m) => resolve({ child, url: `http://127.0.0.1:${m.port}` }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function seed() {
  await mongoose.connect(mongoUrl);
  const orgs = ['koordination-quartier', 'stadt-nuertingen', 'gemeinde-koengen', 'kreisseniorenrat'];
  await mongoose.connection.collection('organisations').insertMany(
    orgs.map((id) => ({
      _id: id,
      name: `Organisation ${id}`,
      actorType: 'verein',
      createdAt: new Date(),
      updatedAt: new Date(),
    })),
  );
  const kinds = ['vernetzungstreffen', 'schulung', 'workshop', 'fachgespraech', 'beteiligung', 'auftakt'];
  const fields = ['wohnen', 'teilhabe', 'pflege', 'mobilitaet', 'digitalisierung'];
  const munis = ['nuertingen', 'koengen', 'esslingen-am-neckar', 'kirchheim-unter-teck', 'aichtal'];
  const day = 86_400_000;
  const t0 = Date.now() + day;
  const docs = Array.from({ length: EVENTS }, (_, i) => {
    const startsAt = new Date(Math.floor((t0 + (i % 365) * day) / 3_600_000) * 3_600_000 + 9 * 3_600_000);
    return {
      organisationId: orgs[i % orgs.length],
      title: `Vernetzungstreffen Quartier ${i}: Wohnen, Pflege und Teilhabe im Alter`,
      description:
        'Austausch der Quartiersakteure über Nachbarschaftshilfe, barrierefreies Wohnen und Beteiligung.\n' +
        'Bitte bringen Sie Ideen mit; Kaffee und Kuchen gibt es vor Ort. Anmeldung bis eine Woche vorher.',
      kind: kinds[i % kinds.length],
      fieldsOfAction: [fields[i % fields.length], fields[(i + 2) % fields.length]],
      municipality: munis[i % munis.length],
      venue: {
        name: 'Bürgerhaus, Großer Saal',
        street: 'Marktstraße 7',
        postalCode: '72622',
        city: 'Nürtingen',
      },
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      status: i % 50 === 0 ? 'cancelled' : 'published',
      sequence: i % 4,
      publishedAt: new Date(),
      cancelledAt: i % 50 === 0 ? new Date() : undefined,
      createdAt: new Date('2026-10-01T08:00:00Z'),
      updatedAt: new Date('2026-11-01T08:00:00Z'),
    };
  });
  await mongoose.connection.collection('events').insertMany(docs);
  await mongoose.disconnect();
}

async function fetchRaw(url, headers = {}) {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  await seed();
  const service = await start('service-server.mjs', {
    BENCH_MONGODB_URL: mongoUrl,
    BENCH_PREFIX: prefix,
    REDIS_URL,
  });
  const feedUrl = `${service.url}/feeds/events.ics`;
  const plain = await fetchRaw(feedUrl);
  const br = await fetchRaw(feedUrl, { 'Accept-Encoding': 'br' });
  if (plain.status !== 200 || br.headers['content-encoding'] !== 'br')
    throw new Error('service did not answer as expected');
  const events = (plain.body.toString('utf8').match(/BEGIN:VEVENT/g) ?? []).length;
  const notModified = await fetchRaw(feedUrl, { 'If-None-Match': plain.headers.etag });
  writeFileSync(join(stateDir, 'feed.ics'), plain.body);
  writeFileSync(join(stateDir, 'feed.ics.br'), br.body);
  // The baseline replays the service's own response headers, so both send the same bytes on
  // the wire (headers included) and only the work behind them differs.
  const replay = (h) =>
    Object.fromEntries(
      Object.entries(h).filter(
        ([k]) => !['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(k),
      ),
    );
  writeFileSync(
    join(stateDir, 'headers.json'),
    JSON.stringify({
      identity: replay(plain.headers),
      br: replay(br.headers),
      notModified: replay(notModified.headers),
    }),
  );
  const baselineFiles = {
    identityPath: join(stateDir, 'feed.ics'),
    brPath: join(stateDir, 'feed.ics.br'),
    headersPath: join(stateDir, 'headers.json'),
  };
  const baseline =
    BASELINE === 'process'
      ? await start('baseline-server.mjs', {
          BENCH_IDENTITY: baselineFiles.identityPath,
          BENCH_BR: baselineFiles.brPath,
          BENCH_HEADERS: baselineFiles.headersPath,
        })
      : await new Promise((resolve) => {
          service.child.on(
            'message',
            (m) => m.baselinePort && resolve({ url: `http://127.0.0.1:${m.baselinePort}` }),
          );
          service.child.send({ baseline: baselineFiles });
        });
  const baseUrl = `${baseline.url}/feeds/events.ics`;

  const modes = [
    { name: '200 identity', status: 200, headers: {} },
    { name: '200 br', status: 200, headers: { 'Accept-Encoding': 'br' } },
    { name: '304', status: 304, headers: { 'If-None-Match': plain.headers.etag } },
  ];
  const results = [];
  // Warm-up of both (JIT, connections), not recorded.
  for (const url of [baseUrl, feedUrl]) await load({ url, durationMs: 1000, concurrency: CONCURRENCY });
  for (const mode of modes) {
    const runs = { baseline: [], service: [] };
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? ['baseline', 'service'] : ['service', 'baseline'];
      for (const who of order) {
        const url = who === 'baseline' ? baseUrl : feedUrl;
        runs[who].push(
          await load({
            url,
            headers: mode.headers,
            concurrency: CONCURRENCY,
            durationMs: DURATION_MS,
            expectStatus: mode.status,
          }),
        );
      }
    }
    const agg = (xs) => ({
      rps: median(xs.map((x) => x.rps)),
      p99: median(xs.map((x) => x.p99)),
      p50: median(xs.map((x) => x.p50)),
      errors: xs.reduce((n, x) => n + x.errors, 0),
      mbPerSec: median(xs.map((x) => x.mbPerSec)),
    });
    const b = agg(runs.baseline);
    const s = agg(runs.service);
    results.push({
      mode: mode.name,
      baseline: b,
      service: s,
      // Each round's two runs sit side by side in time, so their ratio cancels most of the load
      // other processes put on a shared machine; the median of those ratios is the figure.
      rpsRatio: median(runs.service.map((x, i) => x.rps / runs.baseline[i].rps)),
      p99Ratio: median(runs.service.map((x, i) => x.p99 / runs.baseline[i].p99)),
      rounds: runs,
    });
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${process.platform} ${os.release()}, Node ${process.version}`;
  console.log(`# feed-serving ${new Date().toISOString()}`);
  console.log(`machine: ${machine}`);
  console.log(
    `feed: ${events} events, ${plain.body.length} bytes identity, ${br.body.length} bytes br; concurrency ${CONCURRENCY}, ${ROUNDS} rounds × ${DURATION_MS} ms each, alternating`,
  );
  console.log(
    `baseline: plain node:http ${BASELINE === 'same' ? "in the service's process" : 'in a process of its own'}`,
  );
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    'req/s and p99: medians of the rounds; ratios: medians of the per-round ratios (service ÷ baseline)',
  );
  console.log(
    '| answer | baseline req/s | service req/s | ratio | baseline p99 ms | service p99 ms | p99 ratio | errors |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.mode} | ${r.baseline.rps.toFixed(0)} | ${r.service.rps.toFixed(0)} | ${r.rpsRatio.toFixed(2)} | ${r.baseline.p99.toFixed(2)} | ${r.service.p99.toFixed(2)} | ${r.p99Ratio.toFixed(2)} | ${r.baseline.errors + r.service.errors} |`,
    );
  }
  if (process.env.BENCH_JSON)
    writeFileSync(process.env.BENCH_JSON, JSON.stringify({ machine, events, results }, null, 2));
} finally {
  for (const c of children) if (c.connected) c.send('stop');
  await new Promise((r) => setTimeout(r, 300));
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await ferret.stop();
  rmSync(stateDir, { recursive: true, force: true });
}
