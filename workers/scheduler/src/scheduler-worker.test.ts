import mongoose from 'mongoose';
import { QueueEvents, type Worker } from 'bullmq';
import { AuditEntry, recordAudit } from '@qn/audit';
import { createRuntime, type Runtime } from '@qn/runtime';
import { QueueName } from '@qn/queue';
import { deleteQueueKeys, testConfig, uniqueName } from '@qn/testing';
import { createSchedulerWorker } from './create-scheduler-worker';
import { HOUSEKEEPING_SCHEDULES } from './schedule-housekeeping-jobs';

/** The scheduler worker on the real FerretDB and Redis: its jobs run through the queue. */
const config = testConfig(uniqueName('scheduler'), { AUDIT_RETENTION_DAYS: '30' });
const day = 24 * 3600 * 1000;
let rt: Runtime;
let worker: Worker;
let events: QueueEvents;

beforeAll(async () => {
  rt = await createRuntime(config);
  worker = createSchedulerWorker({
    config,
    connection: rt.workerConnection(),
    logger: rt.logger,
    producer: rt.producer,
  });
  events = new QueueEvents(QueueName.scheduler, {
    connection: rt.workerConnection(),
    prefix: config.QUEUE_PREFIX,
  });
  await events.waitUntilReady();
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await events.close();
  await worker.close();
  await rt.close();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

const entry = (at: Date, objectId: string) => ({
  at,
  actorAccountId: 'admin-1',
  actorRole: 'admin',
  action: 'event.update',
  objectType: 'event',
  objectId,
});

async function runRetention(payload: { now?: string } = {}) {
  const id = await rt.producer.enqueue('scheduler.delete-audit-entries', payload);
  const job = await rt.producer.queue(QueueName.scheduler).getJob(id!);
  await job!.waitUntilFinished(events, 30_000);
}

describe('scheduler.delete-audit-entries', () => {
  it('deletes entries past AUDIT_RETENTION_DAYS and keeps the newer ones', async () => {
    const now = Date.now();
    await recordAudit(entry(new Date(now - 400 * day), 'ancient'));
    await recordAudit(entry(new Date(now - 31 * day), 'just-past'));
    await recordAudit(entry(new Date(now - 29 * day), 'just-within'));
    await recordAudit(entry(new Date(now - 60_000), 'fresh'));

    await runRetention();

    const left = (await AuditEntry.find({}, { objectId: 1 }).lean()).map((e) => e.objectId).sort();
    expect(left).toEqual(['fresh', 'just-within']);
  });

  it('counts from the given day and is harmless when run again', async () => {
    // Forty days on, "just-within" (29 days old) is 69 days old and goes; "fresh" is 40 and goes too.
    await recordAudit(entry(new Date(Date.now() + 20 * day), 'future-ish'));
    const later = new Date(Date.now() + 40 * day).toISOString();
    await runRetention({ now: later });
    await runRetention({ now: later });
    const left = (await AuditEntry.find({}, { objectId: 1 }).lean()).map((e) => e.objectId);
    expect(left).toEqual(['future-ish']);
  });

  it('installs no schedule under NODE_ENV=test unless asked', async () => {
    const queue = rt.producer.queue(QueueName.scheduler);
    expect(await queue.getJobSchedulers()).toEqual([]);
  });
});

describe('housekeeping schedules', () => {
  it('installs each schedule once in the office time zone, however many workers start', async () => {
    const started = [1, 2].map(() =>
      createSchedulerWorker({
        config,
        connection: rt.workerConnection(),
        logger: rt.logger,
        producer: rt.producer,
        schedule: true,
      }),
    );
    try {
      const queue = rt.producer.queue(QueueName.scheduler);
      let schedulers = await queue.getJobSchedulers();
      for (let i = 0; i < 50 && schedulers.length < HOUSEKEEPING_SCHEDULES.length; i++) {
        await new Promise((r) => setTimeout(r, 100));
        schedulers = await queue.getJobSchedulers();
      }
      expect(schedulers.map((s) => ({ key: s.key, name: s.name, pattern: s.pattern, tz: s.tz }))).toEqual([
        {
          key: 'scheduler-audit-retention',
          name: 'scheduler.delete-audit-entries',
          pattern: '10 4 * * *',
          tz: 'Europe/Berlin',
        },
      ]);
    } finally {
      await Promise.all(started.map((w) => w.close()));
    }
  });
});
