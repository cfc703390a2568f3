// Newsletter throughput: N recipients (default 50,000) through the whole delivery path —
// fan-out, BullMQ queue with its limiter, claim/outcome records on FerretDB, rendering, DKIM
// signing, pooled SMTP — into Postfix's smtp-sink on a loopback port, beside smtp-source
// (same package) pushing as many messages of the same size into the same sink, in the same run
// (rounds alternate which goes first; medians and per-round ratios). Then a rate phase: a campaign at NEWSLETTER_RATE
// RATE/s held for more than 60 s, counted in the middle 60 s. RSS and CPU per message of each
// process sampled throughout. Figures go to docs/bench/newsletter-throughput.md, never into tests.
// Also: NO_DKIM=1 (unsigned), WORKER_NODE_FLAGS="…" (default: the worker's own NODE_FLAGS; "none"),
// BASELINE=0 (no smtp-source, for memory experiments), BENCH_MEM=1 (heap figures every 5 s),
// BENCH_PROFILE=<dir>; BENCH_SINK=mailbox (the project's dev mailbox as the sink instead of
// smtp-sink: for the tiny smoke run in `npm test`, with BASELINE=0 RATE=0 N=30 ROUNDS=1).
//
//   npx turbo run build --filter=@qn/worker-newsletter... --filter=@qn/infra
//   node bench/newsletter-throughput/run.mjs     # N=50000 ROUNDS=3 WORKERS=1 CONCURRENCY=200 SMTP_CONNECTIONS=10 RATE=200 RATE_SECONDS=75
import { execFileSync, fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { startFerretDb, ensureRedis, freePort, waitForTcp, repoRoot, startMailbox } = require('@qn/infra');
const { connectDb, closeDb } = require('@qn/db');
const { addressHash } = require('@qn/mail');
const { Producer, createProducerConnection } = require('@qn/queue');
const nl = require('@qn/newsletter');
const { NODE_FLAGS } = require('@qn/worker-newsletter');

const N = Number(process.env.N ?? 50_000);
const WORKERS = Number(process.env.WORKERS ?? 1);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 200);
const SMTP_CONNECTIONS = Number(process.env.SMTP_CONNECTIONS ?? 10);
const RATE = Number(process.env.RATE ?? 200);
const RATE_SECONDS = Number(process.env.RATE_SECONDS ?? 75);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET_KEY = 'bench-secret-key-that-is-long-enough-0123456789';
const here = new URL('.', import.meta.url).pathname;
// The worker's production flags (workers/newsletter/src/node-flags.ts) unless WORKER_NODE_FLAGS
// says otherwise ("none": V8's defaults).
const workerNodeFlags =
  process.env.WORKER_NODE_FLAGS === undefined
    ? [...NODE_FLAGS]
    : process.env.WORKER_NODE_FLAGS.split(/\s+/).filter((f) => f && f !== 'none');
const log = (...a) => process.stderr.write(`[bench] ${a.join(' ')}\n`);

// -- Postfix's smtp-sink and smtp-source (Debian package postfix) ---------------------------
function ensurePostfixTools() {
  if (existsSync('/usr/sbin/smtp-sink') && existsSync('/usr/sbin/smtp-source')) return;
  if (process.getuid?.() !== 0) throw new Error('smtp-sink missing: apt-get install -y postfix (as root)');
  log('installing postfix for smtp-sink and smtp-source');
  const apt = (...args) =>
    execFileSync('apt-get', args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  try {
    apt('install', '-y', 'postfix');
  } catch {
    // A fresh machine or image may have no package lists yet.
    apt('update', '-qq');
    apt('install', '-y', 'postfix');
  }
}

const children = [];
const USE_MAILBOX = process.env.BENCH_SINK === 'mailbox';
let mailbox;
async function startSink() {
  if (USE_MAILBOX) {
    mailbox = await startMailbox({ smtpPort: 0, httpPort: 0 });
    children.push({ pid: process.pid, exitCode: 0, kill: () => undefined });
    return mailbox.smtpPort;
  }
  const port = await freePort();
  // -u nobody: required when started as root; 1000: listen backlog.
  const sink = spawn('/usr/sbin/smtp-sink', ['-4', '-u', 'nobody', `127.0.0.1:${port}`, '1000'], {
    stdio: 'ignore',
  });
  children.push(sink);
  await waitForTcp(port, '127.0.0.1', 10_000);
  return port;
}

function smtpSource(port, { sessions, count, bodyBytes, keepConnection }) {
  const args = ['-4', '-s', String(sessions), '-m', String(count), '-l', String(bodyBytes)];
  if (keepConnection) args.push('-d');
  args.push('-f', 'quartier@example.org', '-t', 'sink@example.org', `127.0.0.1:${port}`);
  const t0 = process.hrtime.bigint();
  execFileSync('/usr/sbin/smtp-source', args, { stdio: 'inherit' });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds: s, perSecond: count / s };
}

// -- RSS of the worker processes -------------------------------------------------------------
function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (100/s)
  } catch {
    return 0;
  }
}
function redisPid() {
  try {
    return Number(execFileSync('pgrep', ['-o', 'redis-server']).toString().trim());
  } catch {
    return 0;
  }
}

function startWorkers(env, count) {
  return Promise.all(
    Array.from({ length: count }, () => {
      const child = fork(join(here, 'worker.mjs'), {
        env,
        // BENCH_PROFILE=<dir> writes a CPU profile of each worker on exit.
        execArgv: [
          ...workerNodeFlags,
          ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
        ],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      children.push(child);
      return new Promise((resolve, reject) => {
        child.once('message', () => resolve(child));
        child.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
      });
    }),
  );
}

async function stopWorkers(workers) {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise((r) => {
          w.removeAllListeners('exit');
          w.once('exit', r);
          w.send({ type: 'stop' });
          setTimeout(() => w.kill('SIGKILL'), 15_000).unref();
        }),
    ),
  );
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// -- the run ---------------------------------------------------------------------------------
if (!USE_MAILBOX || process.env.BASELINE !== '0') ensurePostfixTools();
const stateDir = join(repoRoot, '.data', `bench-newsletter-${process.pid}`);
mkdirSync(stateDir, { recursive: true });
const prefix = `bench-nl-${process.pid}`;
const redis = await ensureRedis(REDIS_URL, join(stateDir, 'redis'));
const ferret = await startFerretDb({ stateDir });
const mongoUrl = `${ferret.url}/bench_nl_${process.pid}`;
const sinkPort = await startSink();
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const dkimPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const baseEnv = {
  ...process.env,
  NODE_ENV: 'production',
  MONGODB_URL: mongoUrl,
  REDIS_URL,
  QUEUE_PREFIX: prefix,
  SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
  SECRET_KEY,
  PUBLIC_URL: 'https://quartier.example.org',
  LOG_LEVEL: 'warn',
  DKIM_DOMAIN: 'example.org',
  DKIM_SELECTOR: 'bench',
  DKIM_PRIVATE_KEY: dkimPem,
  ...(process.env.NO_DKIM ? { DKIM_DOMAIN: '', DKIM_SELECTOR: '', DKIM_PRIVATE_KEY: '' } : {}),
  BENCH_CONCURRENCY: String(CONCURRENCY),
  BENCH_SMTP_CONNECTIONS: String(SMTP_CONNECTIONS),
};
const redisConn = createProducerConnection(REDIS_URL);
const producer = new Producer(redisConn, prefix);
const ctx = nl.newsletterContext(
  {
    SECRET_KEY,
    PUBLIC_URL: baseEnv.PUBLIC_URL,
    MAIL_FROM: 'Koordination Quartier <quartier@example.org>',
    QUEUE_PREFIX: prefix,
  },
  redisConn,
  producer,
);
const result = {
  date: new Date().toISOString(),
  machine: {},
  config: { N, ROUNDS, WORKERS, CONCURRENCY, SMTP_CONNECTIONS, RATE, workerNodeFlags },
};
try {
  await connectDb({ url: mongoUrl, poolSize: 10 });
  const cpus = os.cpus();
  result.machine = {
    cpus: `${cpus.length} × ${cpus[0]?.model}`,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: os.release(),
    node: process.version,
    loadAvgAtStart: os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' '),
  };

  // Audience: N confirmed subscribers with names and attributes, written directly (fast).
  const makeList = async (name, count, label) => {
    const list = await nl.createList({ name });
    for (let i = 0; i < count; i += 1000) {
      const docs = [];
      for (let j = i; j < Math.min(count, i + 1000); j++) {
        const email = `${label}${j}@example.org`;
        const hash = addressHash(email, SECRET_KEY);
        docs.push({
          _id: nl.subscriberIdOf(list._id, hash),
          listId: list._id,
          email,
          addressHash: hash,
          name: j % 3 ? `Person ${j}` : undefined,
          lang: 'de',
          status: 'confirmed',
          consent: { at: new Date(), method: 'import', textVersion: nl.CONSENT_TEXT_VERSION },
          attributes: { municipality: 'nuertingen', fieldsOfAction: ['wohnen'] },
          confirmedAt: new Date(),
          createdAt: new Date(),
          updatedAt: new Date(),
        });
      }
      await nl.Subscriber.collection.insertMany(docs, { ordered: false });
    }
    return list._id;
  };
  const body = [
    '# Quartiersnetz aktuell – Dezember',
    '',
    ...Array.from(
      { length: 12 },
      (_, i) =>
        `Absatz ${i + 1}: Neues aus den Quartieren in Nürtingen, Köngen und Aichtal, mit einem [Link](https://www.quartier2030-bw.de/seite-${i}) und **Hervorhebung**. Termine, Förderprogramme und Praxishilfen für ältere Menschen im Quartier.`,
    ),
  ].join('\n\n');
  log(`writing ${N} subscribers`);
  const listId = await makeList('Bench', N, 'b');

  // Size of one of our messages (body part, after the headers), for smtp-source's -l.
  const sample = await nl.createCampaign(ctx, {
    name: 'size',
    subject: 'Quartiersnetz aktuell – Dezember',
    bodyMarkdown: body,
    audience: { listIds: [listId] },
  });
  const cc = nl.compileCampaign(sample, ctx);
  const msg = nl.campaignMessage(
    cc,
    { email: 'b1@example.org', name: 'Person 1', addressHash: addressHash('b1@example.org', SECRET_KEY) },
    {
      unsubscribe: nl.unsubscribeLink(ctx, { listId, addressHash: 'x'.repeat(64) }),
      listIdHeader: `${listId}.newsletter.example.org`,
    },
  );
  const raw = (
    await nl.buildMimeMessage(msg, { domainName: 'example.org', keySelector: 'bench', privateKey: dkimPem })
  ).toString('latin1');
  const bodyBytes = raw.length - raw.indexOf('\r\n\r\n');
  result.messageBytes = raw.length;
  result.bodyBytes = bodyBytes;
  log(`message ${raw.length} bytes (body ${bodyBytes})`);

  const runBaseline = () => {
    // BASELINE=0: memory experiments only, no smtp-source (no ratio).
    if (process.env.BASELINE === '0') return { perMessage: NaN, pooled: NaN };
    const perMessage = smtpSource(sinkPort, {
      sessions: 5,
      count: N,
      bodyBytes,
      keepConnection: false,
    }).perSecond;
    const pooled = smtpSource(sinkPort, { sessions: 5, count: N, bodyBytes, keepConnection: true }).perSecond;
    log(`smtp-source: ${perMessage.toFixed(0)}/s (connection per message), ${pooled.toFixed(0)}/s (-d)`);
    return { perMessage, pooled };
  };

  // Ours, unlimited: one campaign to all N per round, the worker process(es) running throughout.
  let workers = await startWorkers({ ...baseEnv, NEWSLETTER_RATE: '0' }, WORKERS);
  const pids = {
    workers: workers.map((w) => w.pid),
    ferretdb: [ferret.process.pid],
    redis: [redisPid()],
    sink: [children[0].pid],
  };
  const cpuOf = () =>
    Object.fromEntries(Object.entries(pids).map(([k, ps]) => [k, ps.reduce((a, p) => a + cpuSeconds(p), 0)]));
  const runOurs = async (round) => {
    let peakRss = 0;
    const tl = [];
    const sampler = setInterval(() => {
      for (const w of workers) {
        const r = rssMb(w.pid);
        tl.push([Date.now(), Math.round(r)]);
        peakRss = Math.max(peakRss, r);
      }
    }, 250);
    const campaign = await nl.createCampaign(ctx, {
      name: `bench ${round}`,
      subject: 'Quartiersnetz aktuell – Dezember',
      bodyMarkdown: body,
      audience: { listIds: [listId] },
    });
    const doneKey = nl.doneCounterKey(prefix, campaign._id);
    const cpu0 = cpuOf();
    const t0 = Date.now();
    await nl.scheduleCampaign(ctx, campaign._id);
    let done = 0;
    const marks = [];
    while (done < N) {
      await new Promise((r) => setTimeout(r, 200));
      done = Number((await redisConn.get(doneKey)) ?? 0);
      marks.push([Date.now() - t0, done]);
    }
    const seconds = (Date.now() - t0) / 1000;
    const cpu1 = cpuOf();
    clearInterval(sampler);
    // CPU milliseconds per message by process (Redis is the machine's: others' load shows there too).
    const cpuMsPerMessage = Object.fromEntries(
      Object.keys(cpu0).map((k) => [k, Math.round(((cpu1[k] - cpu0[k]) * 1000 * 1000) / N) / 1000]),
    );
    // When the first mails went out (fan-out latency) and the pace between 10 % and 90 % done.
    const at = (share) => marks.find(([, d]) => d >= share * N)[0] / 1000;
    const firstMailSeconds = at(1 / N);
    const steadyPerSecond = (0.8 * N) / (at(0.9) - at(0.1));
    const sent = await nl.DeliveryOutcome.countDocuments({ campaignId: campaign._id, status: 'sent' });
    log(`CPU ms per message: ${JSON.stringify(cpuMsPerMessage)}`);
    log(
      `ours: ${N} in ${seconds.toFixed(1)} s = ${(N / seconds).toFixed(0)}/s end to end (first mail after ${firstMailSeconds.toFixed(1)} s, ${steadyPerSecond.toFixed(0)}/s from 10 to 90 %), peak RSS ${peakRss.toFixed(0)} MB, sent records ${sent}`,
    );
    // Each round starts from empty delivery records, like a fresh campaign on a fresh database.
    for (const m of [nl.Delivery, nl.DeliveryClaim, nl.DeliveryOutcome, nl.FanoutState])
      await m.collection.drop().catch(() => undefined);
    return {
      seconds,
      perSecond: N / seconds,
      firstMailSeconds,
      steadyPerSecond,
      sentRecords: sent,
      peakRssMb: peakRss,
      // [seconds since send, RSS MB], every 2 s.
      rssTimeline: tl
        .filter((_x, i) => i % (8 * WORKERS) === 0)
        .map(([t, r]) => [Math.round((t - t0) / 1000), r]),
      cpuMsPerMessage,
    };
  };

  // Rounds alternate which side goes first, so drift on a shared machine hits both alike; each
  // round's ratio is ours against that round's baseline.
  const rounds = [];
  for (let round = 1; round <= ROUNDS; round++) {
    log(`round ${round}/${ROUNDS}`);
    let baseline, ours;
    if (round % 2) {
      baseline = runBaseline();
      ours = await runOurs(round);
    } else {
      ours = await runOurs(round);
      baseline = runBaseline();
    }
    rounds.push({
      baseline,
      ours,
      ratioVsPerMessage: ours.perSecond / baseline.perMessage,
      ratioVsPooled: ours.perSecond / baseline.pooled,
    });
  }
  await stopWorkers(workers);
  result.rounds = rounds;
  result.summary = {
    oursPerSecond: median(rounds.map((r) => r.ours.perSecond)),
    oursSteadyPerSecond: median(rounds.map((r) => r.ours.steadyPerSecond)),
    oursFirstMailSeconds: median(rounds.map((r) => r.ours.firstMailSeconds)),
    baselinePerMessage: median(rounds.map((r) => r.baseline.perMessage)),
    baselinePooled: median(rounds.map((r) => r.baseline.pooled)),
    ratioVsPerMessage: median(rounds.map((r) => r.ratioVsPerMessage)),
    ratioVsPooled: median(rounds.map((r) => r.ratioVsPooled)),
    peakRssMb: Math.max(...rounds.map((r) => r.ours.peakRssMb)),
    cpuMsPerMessage: Object.fromEntries(
      Object.keys(rounds[0].ours.cpuMsPerMessage).map((k) => [
        k,
        median(rounds.map((r) => r.ours.cpuMsPerMessage[k])),
      ]),
    ),
  };
  log(`summary: ${JSON.stringify(result.summary)}`);

  // Rate phase: RATE/s for RATE_SECONDS, counted in the middle 60 s.
  const M = RATE * RATE_SECONDS;
  if (M === 0) throw Object.assign(new Error('rate phase skipped'), { skip: true });
  log(`rate phase: ${M} recipients at ${RATE}/s`);
  const rateList = await makeList('Rate', M, 'r');
  workers = await startWorkers({ ...baseEnv, NEWSLETTER_RATE: String(RATE) }, WORKERS);
  let ratePeakRss = 0;
  const sampler2 = setInterval(() => {
    for (const w of workers) ratePeakRss = Math.max(ratePeakRss, rssMb(w.pid));
  }, 250);
  const rc = await nl.createCampaign(ctx, {
    name: 'rate',
    subject: 'Quartiersnetz aktuell – Dezember',
    bodyMarkdown: body,
    audience: { listIds: [rateList] },
  });
  await nl.scheduleCampaign(ctx, rc._id);
  const rateKey = nl.doneCounterKey(prefix, rc._id);
  while (Number((await redisConn.get(rateKey)) ?? 0) < M) await new Promise((r) => setTimeout(r, 500));
  clearInterval(sampler2);
  await stopWorkers(workers);
  const times = (await nl.DeliveryOutcome.find({ campaignId: rc._id }, { at: 1 }).lean())
    .map((o) => new Date(o.at).getTime())
    .sort((a, b) => a - b);
  const start = times[0] + 5_000;
  const inWindow = times.filter((t) => t >= start && t < start + 60_000).length;
  const perSecond = new Map();
  for (const t of times.filter((x) => x >= start && x < start + 60_000)) {
    const k = Math.floor((t - start) / 1000);
    perSecond.set(k, (perSecond.get(k) ?? 0) + 1);
  }
  const seconds10 = [];
  for (let k = 0; k < 60; k += 10) {
    let c = 0;
    for (let j = k; j < k + 10; j++) c += perSecond.get(j) ?? 0;
    seconds10.push(c / 10);
  }
  result.rate = {
    configured: RATE,
    recipients: M,
    measured60s: inWindow / 60,
    deviationPct: ((inWindow / 60 - RATE) / RATE) * 100,
    per10sWindows: seconds10,
    minSecond: Math.min(...perSecond.values()),
    maxSecond: Math.max(...perSecond.values()),
    peakRssMb: ratePeakRss,
  };
  log(`rate: ${(inWindow / 60).toFixed(1)}/s over 60 s (${result.rate.deviationPct.toFixed(1)} %)`);
} catch (err) {
  if (!err.skip) throw err;
} finally {
  result.machine.loadAvgAtEnd ??= os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await producer.close().catch(() => undefined);
  redisConn.disconnect();
  await closeDb().catch(() => undefined);
  await ferret.stop();
  await mailbox?.stop();
  // Queue keys of this run, before a Redis the bench started itself goes away with them.
  const { Redis } = require('ioredis');
  const r = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await r.del(...keys);
  } while (cursor !== '0');
  r.disconnect();
  redis.stop();
  // All of the run's state (FerretDB's files and log, a Redis of its own), so repeated runs
  // (the smoke run in every `npm test`) leave nothing behind under .data/.
  rmSync(stateDir, { recursive: true, force: true });
}
