// Redis memory and time for a newsletter campaign's queued jobs: N `newsletter.send`-shaped jobs
// added in batches as the fan-out does (addBulk), their keys' memory summed with MEMORY USAGE
// (so other processes on the same Redis don't blur the figure), then drained by one worker with
// a no-op handler. Usage: node bench/capacity/queue-memory.mjs [N=50000] [BATCH=1000]
// REDIS_URL defaults to redis://127.0.0.1:6379; everything lives under its own prefix and is
// deleted at the end.
import { randomBytes, createHash } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

const N = Number(process.argv[2] ?? 50_000);
const BATCH = Number(process.argv[3] ?? 1_000);
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `qnbench:${randomBytes(4).toString('hex')}`;
const connection = new Redis(url, { maxRetriesPerRequest: null });
const queue = new Queue('newsletter', { connection, prefix });

async function keysMemory() {
  let cursor = '0';
  let bytes = 0;
  let keys = 0;
  do {
    const [next, batch] = await connection.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (batch.length) {
      const p = connection.pipeline();
      for (const k of batch) p.memory('USAGE', k, 'SAMPLES', '0');
      for (const [, v] of await p.exec()) bytes += Number(v ?? 0);
      keys += batch.length;
    }
  } while (cursor !== '0');
  return { bytes, keys };
}

const campaignId = 'c'.repeat(24);
const job = (i) => {
  const hash = createHash('sha256').update(String(i)).digest('base64url');
  const deliveryId = `${campaignId}:${hash}`;
  return {
    name: 'newsletter.send',
    data: {
      payload: {
        campaignId,
        gen: 1,
        deliveryId,
        listId: 'l'.repeat(24),
        to: `abonnentin.${i}@gemeinde-beispiel.de`,
        name: `Vorname Nachname ${i}`,
        lang: 'de',
      },
      meta: { requestId: '00000000-0000-4000-8000-000000000000', enqueuedAt: new Date().toISOString() },
    },
    opts: {
      jobId: `nl-send|${deliveryId.replaceAll(':', '|')}|1`,
      attempts: 6,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600, count: 50_000 },
    },
  };
};

try {
  const t0 = performance.now();
  for (let i = 0; i < N; i += BATCH) {
    await queue.addBulk(Array.from({ length: Math.min(BATCH, N - i) }, (_, k) => job(i + k)));
  }
  const addMs = performance.now() - t0;
  const mem = await keysMemory();

  let done = 0;
  const workerConnection = new Redis(url, { maxRetriesPerRequest: null });
  const t1 = performance.now();
  const finished = new Promise((resolve) => {
    const worker = new Worker('newsletter', async () => {}, {
      connection: workerConnection,
      prefix,
      concurrency: 50,
    });
    worker.on('completed', () => {
      if (++done === N) resolve(worker);
    });
  });
  const worker = await finished;
  const drainMs = performance.now() - t1;
  await worker.close();
  workerConnection.disconnect();
  const after = await keysMemory();

  const r = (x) => Math.round(x).toLocaleString('en');
  console.log(
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        jobs: N,
        batch: BATCH,
        addPerSecond: r((N / addMs) * 1000),
        queuedKeys: mem.keys,
        queuedMiB: +(mem.bytes / 2 ** 20).toFixed(1),
        bytesPerJob: r(mem.bytes / N),
        drainPerSecond: r((N / drainMs) * 1000),
        keysAfterDrain: after.keys,
        miBAfterDrain: +(after.bytes / 2 ** 20).toFixed(2),
      },
      null,
      2,
    ),
  );
} finally {
  await queue.obliterate({ force: true }).catch(() => {});
  await queue.close();
  let cursor = '0';
  do {
    const [next, keys] = await connection.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await connection.del(...keys);
  } while (cursor !== '0');
  connection.disconnect();
}
