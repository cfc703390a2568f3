import mongoose from 'mongoose';
import { connectDb, closeDb } from '@qn/db';
import { testConfig, uniqueName } from '@qn/testing';
import { AuditEntry, deleteAuditEntriesOlderThan, listAuditEntries, recordAudit } from './index';

/** Listing, filtering, paging and retention of the audit log on the real FerretDB. */
const config = testConfig(uniqueName('audit'));
const day = 24 * 3600 * 1000;
const now = new Date('2026-11-25T10:00:00Z');

beforeAll(async () => {
  await connectDb({ url: config.MONGODB_URL });
  const entries = [];
  for (let i = 0; i < 30; i++) {
    entries.push({
      at: new Date(now.getTime() - i * day),
      actorAccountId: i % 3 === 0 ? 'admin-1' : 'organiser-7',
      actorRole: i % 3 === 0 ? 'admin' : 'organiser',
      action: i % 2 === 0 ? 'event.update' : 'registration.check-in',
      objectType: i % 2 === 0 ? 'event' : 'registration',
      objectId: `obj-${i % 5}`,
      organisationId: 'org-nt',
      ip: '127.0.0.1',
    });
  }
  for (const e of entries) await recordAudit(e);
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await closeDb();
});

describe('listAuditEntries', () => {
  it('lists newest first with a total, paged', async () => {
    const p1 = await listAuditEntries({ pageSize: 7 });
    expect(p1.total).toBe(30);
    expect(p1.items).toHaveLength(7);
    expect(p1.items[0]!.at).toBe(now.toISOString());
    const ats = p1.items.map((e) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const p5 = await listAuditEntries({ pageSize: 7, page: 5 });
    expect(p5.items).toHaveLength(2);
    const all = new Set<string>();
    for (let page = 1; page <= 5; page++) {
      for (const e of (await listAuditEntries({ pageSize: 7, page })).items) all.add(e.id);
    }
    expect(all.size).toBe(30);
  });

  it('filters by actor, action, object and time range, combined', async () => {
    expect((await listAuditEntries({ actorAccountId: 'admin-1' })).total).toBe(10);
    expect((await listAuditEntries({ action: 'registration.check-in' })).total).toBe(15);
    expect((await listAuditEntries({ objectType: 'event', objectId: 'obj-0' })).total).toBe(3);
    const range = await listAuditEntries({
      from: new Date(now.getTime() - 9 * day),
      to: new Date(now.getTime() - 2 * day),
    });
    expect(range.total).toBe(7); // days 3..9 back, from inclusive, to exclusive
    const combined = await listAuditEntries({
      actorAccountId: 'admin-1',
      action: 'event.update',
      from: new Date(now.getTime() - 12 * day),
    });
    expect(combined.items.map((e) => e.at)).toEqual(
      [0, 6, 12].map((d) => new Date(now.getTime() - d * day).toISOString()),
    );
  });

  it('never lets a filter value act as an operator (sanitizeFilter: it cannot match everything)', async () => {
    const sneaky = { $ne: 'x' } as unknown as string;
    await expect(listAuditEntries({ actorAccountId: sneaky })).rejects.toThrow(/Cast/);
  });
});

describe('deleteAuditEntriesOlderThan', () => {
  it('deletes only entries past the retention and refuses a retention under a day', async () => {
    await expect(deleteAuditEntriesOlderThan(0, now)).rejects.toThrow(RangeError);
    const deleted = await deleteAuditEntriesOlderThan(20, now);
    expect(deleted).toBe(9); // 21..29 days back; exactly 20 days back is kept
    expect(await AuditEntry.countDocuments()).toBe(21);
    const oldest = (await listAuditEntries({ page: 1, pageSize: 200 })).items.at(-1)!;
    expect(oldest.at).toBe(new Date(now.getTime() - 20 * day).toISOString());
    expect(await deleteAuditEntriesOlderThan(20, now)).toBe(0);
  });
});
