import request from 'supertest';
import mongoose from 'mongoose';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { testConfig, uniqueName, deleteQueueKeys, listMail } from '@qn/testing';
import type { Config } from '@qn/config';

export const ADMIN_TOKEN = 'newsletter-admin-token-0123456789abcdef';
export const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

export type Stack = {
  aio: AllInOne;
  config: Config;
  db: string;
  http: ReturnType<typeof request>;
  stop: () => Promise<void>;
};

/** The whole all-in-one on the real servers, with its own database and queue prefix. */
export async function startStack(label: string, overrides: Record<string, string> = {}): Promise<Stack> {
  const db = uniqueName(label);
  const config = testConfig(db, { ADMIN_TOKEN, PORT: '0', LOG_LEVEL: 'error', ...overrides });
  const aio = await startAllInOne(config);
  return {
    aio,
    config,
    db,
    http: request(aio.server),
    stop: async () => {
      await mongoose.connection.dropDatabase();
      await aio.stop();
      await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
    },
  };
}

/** The path of the first link in a mail text that contains `part` (mails link to PUBLIC_URL). */
export function linkPath(text: string, part: string): string {
  const url = text.match(/https?:\/\/[^\s>)"]+/g)?.find((u) => u.includes(part));
  if (!url) throw new Error(`no link with ${part} in:\n${text}`);
  return new URL(url).pathname;
}

/** Waits until `check` holds, polling; fails with the last value seen. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (v: T) => boolean,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let v = await read();
  while (!check(v)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 150));
    v = await read();
  }
  return v;
}

/** Mails per recipient address among `addresses`, for a subject. */
export async function mailCounts(subject: string, addresses: string[]): Promise<Map<string, number>> {
  const all = await listMail({ subject });
  const wanted = new Set(addresses.map((a) => a.toLowerCase()));
  const counts = new Map<string, number>();
  for (const m of all)
    for (const to of m.envelope.to) {
      const t = to.toLowerCase();
      if (wanted.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  return counts;
}
