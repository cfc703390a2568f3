import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { jobs, type JobName, type PayloadOf } from './registry';
import type { QueueName } from './queue-names';
import { orUnavailable } from './or-unavailable';

export type EnqueueOptions = { delay?: number; requestId?: string; jobId?: string; priority?: number };

/** What travels in Redis: the validated payload plus metadata that is not part of the contract. */
export type JobEnvelope<P = unknown> = { payload: P; meta: { requestId?: string; enqueuedAt: string } };

/** Completed jobs are kept briefly (dedup window and debugging), failed ones longer; both bounded. */
export const retentionDefaults: JobsOptions = {
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 50_000 },
};

/**
 * BullMQ refuses ids containing ':' (its key separator), while natural keys read best with it
 * (`reminder:<registration>`). Every id passes through here, on add and on remove alike.
 */
export function toJobId(naturalKey: string): string {
  return naturalKey.replaceAll(':', '|');
}

export class Producer {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {}

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, {
        connection: this.connection,
        prefix: this.prefix,
        defaultJobOptions: retentionDefaults,
      });
      // Without a listener BullMQ prints every connection error of an outage to the console;
      // the connection's own 'error' listener (createRuntime) already logs it once.
      q.on('error', () => {});
      this.queues.set(name, q);
    }
    return q;
  }

  private build<N extends JobName>(name: N, payload: PayloadOf<N>, opts: EnqueueOptions = {}) {
    const def = jobs[name];
    // Parse on the way in as well as on the way out: a producer bug fails at its source.
    const data = def.schema.parse(payload) as PayloadOf<N>;
    const envelope: JobEnvelope<PayloadOf<N>> = {
      payload: data,
      meta: { requestId: opts.requestId, enqueuedAt: new Date().toISOString() },
    };
    const key = opts.jobId ?? (def.jobId as ((p: PayloadOf<N>) => string) | undefined)?.(data);
    const jobId = key === undefined ? undefined : toJobId(key);
    return {
      queue: def.queue,
      name,
      data: envelope,
      opts: { ...def.options, jobId, delay: opts.delay, priority: opts.priority },
    };
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: PayloadOf<N>,
    opts?: EnqueueOptions,
  ): Promise<string | undefined> {
    const j = this.build(name, payload, opts);
    const job = await orUnavailable(this.connection, () => this.queue(j.queue).add(j.name, j.data, j.opts));
    return job.id;
  }

  /** Fan-out: one round trip per batch. All items must go to the same queue. */
  async enqueueBulk<N extends JobName>(
    name: N,
    items: { payload: PayloadOf<N>; opts?: EnqueueOptions }[],
  ): Promise<void> {
    if (items.length === 0) return;
    const built = items.map((i) => this.build(name, i.payload, i.opts));
    await orUnavailable(this.connection, () =>
      this.queue(built[0]!.queue).addBulk(built.map(({ name: n, data, opts }) => ({ name: n, data, opts }))),
    );
  }

  /** Removes a delayed or waiting job (a reminder whose subject changed). Active jobs stay. */
  async remove(queueName: QueueName, jobId: string): Promise<boolean> {
    const job = await orUnavailable(this.connection, () => this.queue(queueName).getJob(toJobId(jobId)));
    if (!job) return false;
    try {
      await job.remove();
      return true;
    } catch {
      return false; // locked by a worker: it is running now and will see the new state
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
