import request from 'supertest';
import mongoose from 'mongoose';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { testConfig, uniqueName, deleteQueueKeys, eventually, listMail } from '@qn/testing';
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

/**
 * The API path behind a mailed link: mails link the web's pages (`/newsletter/bestaetigen/…`,
 * `/newsletter/abmelden/…`), whose POSTs need the page's form token; the same token works on
 * the API's endpoints, which is where these tests take it.
 */
export function apiPathOf(text: string, kind: 'confirm' | 'unsubscribe'): string {
  const page = linkPath(text, kind === 'confirm' ? '/newsletter/bestaetigen/' : '/newsletter/abmelden/');
  const token = page.slice(page.lastIndexOf('/') + 1);
  return kind === 'confirm' ? `/api/newsletter/confirm/${token}` : `/api/newsletter/u/${token}`;
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

/** Imports consented subscribers into a list through the API (CSV, like an admin would). */
export async function importConsented(
  s: Stack,
  listId: string,
  rows: { email: string; name?: string; municipality?: string; actorType?: string; fields?: string[] }[],
): Promise<void> {
  const csv = [
    'email;name;municipality;actor_type;fields_of_action;consent_at',
    ...rows.map((r) =>
      [
        r.email,
        r.name ?? '',
        r.municipality ?? '',
        r.actorType ?? '',
        (r.fields ?? []).join('|'),
        '2026-01-15T09:00:00Z',
      ].join(';'),
    ),
  ].join('\n');
  const res = await s.http
    .post(`/api/newsletter/lists/${listId}/import?mode=consented`)
    .set(admin)
    .set('Content-Type', 'text/csv')
    .send(csv);
  if (res.status !== 200 || res.body.invalid.length)
    throw new Error(`import failed: ${JSON.stringify(res.body)}`);
}

export async function createList(s: Stack, name: string): Promise<string> {
  const res = await s.http.post('/api/newsletter/lists').set(admin).send({ name });
  if (res.status !== 201) throw new Error(`list: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function createCampaign(s: Stack, body: Record<string, unknown>): Promise<string> {
  const res = await s.http
    .post('/api/newsletter/campaigns')
    .set(admin)
    .send({ name: 'Test', bodyMarkdown: 'Hallo Welt', ...body });
  if (res.status !== 201) throw new Error(`campaign: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function progressOf(s: Stack, id: string) {
  const res = await s.http.get(`/api/newsletter/campaigns/${id}/progress`).set(admin);
  if (res.status !== 200) throw new Error(`progress: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    status: string;
    total: number;
    sent: number;
    failed: number;
    skipped: number;
    remaining: number;
    rate: number;
    eta: string | null;
  };
}

export async function waitSent(s: Stack, id: string, timeoutMs = 60_000) {
  return eventually(`campaign ${id} sent`, () => progressOf(s, id), {
    until: (p) => p.status === 'sent',
    timeoutMs: timeoutMs,
  });
}
