import request from 'supertest';
import mongoose from 'mongoose';
import { recordAudit, AuditEntry } from '@qn/audit';
import { Account, issueApiToken } from '@qn/auth';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { testConfig, uniqueName, deleteQueueKeys } from '@qn/testing';

/** GET /api/audit on the real stack: admins only, filters and paging, bad input → 400. */
const ADMIN_TOKEN = 'audit-admin-token-0123456789abcdef';
const ORGANISER_TOKEN = 'audit-organiser-token-0123456789abcdef';
const db = uniqueName('auditapi');
const config = testConfig(db, { ADMIN_TOKEN, PORT: '0', LOG_LEVEL: 'silent' });
let aio: AllInOne;
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

beforeAll(async () => {
  aio = await startAllInOne(config);
  const organiser = await Account.create({
    email: 'organisator@example.org',
    role: 'organiser',
    name: 'Organisatorin',
    organisationId: 'stadt-nuertingen',
  });
  await issueApiToken({ accountId: organiser._id, label: 'test', token: ORGANISER_TOKEN });
  for (let i = 0; i < 12; i++) {
    await recordAudit({
      at: new Date(Date.UTC(2026, 10, 1 + i)),
      actorAccountId: i < 4 ? 'acc-a' : 'acc-b',
      actorRole: 'organiser',
      action: i % 2 ? 'event.update' : 'event.create',
      objectType: 'event',
      objectId: `ev-${i}`,
    });
  }
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await aio?.stop();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

describe('GET /api/audit', () => {
  it('lists for admins, filtered and paged', async () => {
    const res = await request(aio.server)
      .get('/api/audit')
      .query({ actor: 'acc-b', action: 'event.update', pageSize: 3, page: 2 })
      .set(admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      objectId: 'ev-5',
      action: 'event.update',
      actorAccountId: 'acc-b',
    });
    const range = await request(aio.server)
      .get('/api/audit')
      .query({ from: '2026-11-03T00:00:00Z', to: '2026-11-06T00:00:00+00:00', objectType: 'event' })
      .set(admin);
    expect(range.body.items.map((e: { objectId: string }) => e.objectId)).toEqual(['ev-4', 'ev-3', 'ev-2']);
    const one = await request(aio.server).get('/api/audit').query({ objectId: 'ev-7' }).set(admin);
    expect(one.body.total).toBe(1);
  });

  it('refuses anonymous callers (401) and organisers (403)', async () => {
    expect((await request(aio.server).get('/api/audit')).status).toBe(401);
    const org = await request(aio.server).get('/api/audit').set('Authorization', `Bearer ${ORGANISER_TOKEN}`);
    expect(org.status).toBe(403);
    expect(org.headers['content-type']).toMatch(/problem\+json/);
  });

  it('answers bad input with 400 problem+json naming every field, and stores nothing', async () => {
    const before = await AuditEntry.countDocuments();
    const res = await request(aio.server)
      .get(
        '/api/audit?page=0&pageSize=1000&from=yesterday&actor=' + 'x'.repeat(201) + '&extra=1&action[$gt]=',
      )
      .set(admin);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['action[$gt]', 'actor', 'extra', 'from', 'page', 'pageSize']);
    const reversed = await request(aio.server)
      .get('/api/audit')
      .query({ from: '2026-11-06T00:00:00Z', to: '2026-11-03T00:00:00Z' })
      .set(admin);
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors.map((e: { field: string }) => e.field)).toEqual(['to']);
    const twice = await request(aio.server).get('/api/audit?actor=a&actor=b').set(admin);
    expect(twice.status).toBe(400);
    expect(await AuditEntry.countDocuments()).toBe(before);
  });
});
