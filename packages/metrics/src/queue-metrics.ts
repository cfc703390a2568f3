import { Gauge, Registry } from 'prom-client';
import type { Queue } from 'bullmq';
import { QueueName } from '@qn/queue';
import { oneReadPerScrape } from './one-read-per-scrape';

const states = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
type Counts = (readonly [QueueName, Record<string, number>])[];

/**
 * Per-queue job counts, read from Redis at scrape time (so they are right whichever process
 * runs the workers). When Redis is down the series are left out of that scrape and
 * `qn_queue_scrape_ok` is 0, rather than failing the whole scrape.
 */
export function queueMetricsRegistry(source: { queue(name: QueueName): Queue }): Registry {
  const registry = new Registry();
  const read = oneReadPerScrape<Counts | null>(
    () =>
      Promise.all(
        Object.values(QueueName).map(
          async (name) => [name, await source.queue(name).getJobCounts(...states)] as const,
        ),
      ),
    null,
  );
  new Gauge({
    name: 'qn_queue_jobs',
    help: 'Jobs per queue and state (waiting, active, delayed, failed, completed)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await read();
      for (const [name, c] of counts ?? [])
        for (const s of states) this.set({ queue: name, state: s }, c[s] ?? 0);
    },
  });
  new Gauge({
    name: 'qn_queue_scrape_ok',
    help: '1 when the queue counts could be read from Redis at this scrape, else 0',
    registers: [registry],
    async collect() {
      this.set((await read()) ? 1 : 0);
    },
  });
  return registry;
}
