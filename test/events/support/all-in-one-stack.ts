import request from 'supertest';
import mongoose from 'mongoose';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { Account, issueApiToken } from '@qn/auth';
import type { Config } from '@qn/config';
import { deleteQueueKeys, testConfig, uniqueName } from '@qn/testing';

export type EventsStack = {
  db: string;
  config: Config;
  /** Set once the file's beforeAll has run. */
  aio: AllInOne;
  api: () => ReturnType<typeof request>;
};

/**
 * The all-in-one for one events test file, on the real FerretDB, Redis, BullMQ and mailbox with
 * the file's own database and queue prefix; started in beforeAll, dropped in afterAll. The
 * per-client limit is raised since every request comes from loopback (the per-address limit
 * stays as configured).
 */
export function eventsStack(label: string, env: Record<string, string> = {}): EventsStack {
  const db = uniqueName(label);
  const config = testConfig(db, { PORT: '0', LOG_LEVEL: 'error', RATE_LIMIT_PER_IP: '10000', ...env });
  const stack = { db, config, api: () => request(stack.aio.server) } as EventsStack;
  beforeAll(async () => {
    stack.aio = await startAllInOne(config);
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await stack.aio.stop();
    await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
  });
  return stack;
}

/** An organiser account of `organisationId` with an API token; the header that sends it. */
export async function organiserToken(
  db: string,
  organisationId: string,
  token: string,
  label = 'organiser',
): Promise<{ Authorization: string }> {
  const account = await Account.create({
    email: `${label}-${db}@example.org`,
    role: 'organiser',
    organisationId,
  });
  await issueApiToken({ accountId: account._id, label: 'test', token });
  return { Authorization: `Bearer ${token}` };
}
