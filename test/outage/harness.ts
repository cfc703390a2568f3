import request from 'supertest';
import mongoose from 'mongoose';
import type { AllInOne } from '@qn/all-in-one';
import type { Config } from '@qn/config';
import { testConfig, uniqueName } from '@qn/testing';
import type { StoredMessage } from '@qn/infra';
import {
  startOwnFerret,
  startOwnMailbox,
  startOwnRedis,
  type OwnFerret,
  type OwnMailbox,
  type OwnRedis,
} from './own-servers';

export const ADMIN_TOKEN = 'outage-admin-token-0123456789abcdef';

/**
 * Timings for the outage tests: a job lock of 4 s and a stalled check every second, so a
 * killed worker's jobs are back within about 5 s instead of BullMQ's 30 + 15 s.
 */
export const fastRecovery = { WORKER_LOCK_MS: '4000', WORKER_STALLED_INTERVAL_MS: '1000' };

export type Servers = { redis: OwnRedis; ferret: OwnFerret; mailbox: OwnMailbox };

export async function startServers(
  label: string,
  mailboxOpts: Parameters<typeof startOwnMailbox>[0] = {},
): Promise<Servers> {
  const [redis, ferret, mailbox] = await Promise.all([
    startOwnRedis(label),
    startOwnFerret(label),
    startOwnMailbox(mailboxOpts),
  ]);
  return { redis, ferret, mailbox };
}

export function configFor(s: Servers, label: string, overrides: Record<string, string> = {}): Config {
  const db = uniqueName(label);
  return testConfig(db, {
    ADMIN_TOKEN,
    PORT: '0',
    LOG_LEVEL: 'silent',
    MONGODB_URL: `${s.ferret.url}/${db}`,
    REDIS_URL: s.redis.url,
    SMTP_URL: s.mailbox.smtpUrl,
    ...fastRecovery,
    ...overrides,
  });
}

export async function stopAll(aio: AllInOne | undefined, s: Servers | undefined): Promise<void> {
  await mongoose.connection.dropDatabase().catch(() => {});
  await aio?.stop().catch(() => {});
  await Promise.all([s?.redis.close(), s?.ferret.close(), s?.mailbox.close()]);
}

export type PingResult = { to: string; status: number; problem: boolean; detail?: string };

/** One smoke ping; its address is unique, so the mailbox tells which pings were delivered. */
export async function ping(aio: AllInOne, label: string, i: number): Promise<PingResult> {
  const to = `${label}-${i}@outage.example.org`;
  const res = await request(aio.server)
    .post('/api/smoke/pings')
    .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
    .send({ to, message: `Ping ${i}` });
  return {
    to,
    status: res.status,
    problem: /application\/problem\+json/.test(res.headers['content-type'] ?? ''),
  };
}

/** Lost: accepted (202) pings without a mail. Duplicated: mails beyond the first per ping. */
export function tally(accepted: string[], messages: StoredMessage[]): { lost: number; duplicated: number } {
  const perRecipient = new Map<string, number>();
  for (const m of messages)
    for (const to of m.envelope.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
  const lost = accepted.filter((to) => !perRecipient.has(to)).length;
  let duplicated = 0;
  for (const n of perRecipient.values()) duplicated += Math.max(0, n - 1);
  return { lost, duplicated };
}

export function report(name: string, figures: Record<string, number>): void {
  process.stdout.write(
    `outage ${name}: ${Object.entries(figures)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}\n`,
  );
}

/** Waits until every queue of this test is drained (nothing waiting, active or delayed). */
export async function drained(aio: AllInOne): Promise<boolean> {
  const c = await aio.rt.producer.queue('mail').getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  return (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0) === 0;
}
