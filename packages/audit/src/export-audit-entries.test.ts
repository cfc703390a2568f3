import mongoose from 'mongoose';
import { connectDb, closeDb } from '@qn/db';
import { testConfig, uniqueName } from '@qn/testing';
import { auditCsv, exportAuditEntries, listAuditEntries, recordAudit } from './index';

/** The audit download: the same selection as the page, capped, and safe to open in Excel. */
const config = testConfig(uniqueName('auditcsv'));
const now = new Date('2026-12-03T10:00:00Z');

beforeAll(async () => {
  await connectDb({ url: config.MONGODB_URL });
  for (let i = 0; i < 12; i++)
    await recordAudit({
      at: new Date(now.getTime() - i * 60_000),
      actorAccountId: i % 2 ? 'admin-1' : 'organiser-2',
      actorRole: i % 2 ? 'admin' : 'organiser',
      action: i % 3 ? 'event.update' : 'event.publish',
      objectType: 'event',
      objectId: `e-${i}`,
      fields: i === 0 ? ['=HYPERLINK("x")', 'title; subtitle'] : undefined,
    });
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await closeDb();
});

it('exports what the page lists for the same filter, newest first, and says when it was capped', async () => {
  const filter = { actorAccountId: 'organiser-2', from: new Date(now.getTime() - 8 * 60_000) };
  const page = await listAuditEntries({ ...filter, pageSize: 200 });
  const all = await exportAuditEntries(filter);
  expect(all.items.map((e) => e.id)).toEqual(page.items.map((e) => e.id));
  expect(all.truncated).toBe(false);
  const capped = await exportAuditEntries({}, 5);
  expect(capped.items.map((e) => e.objectId)).toEqual(['e-0', 'e-1', 'e-2', 'e-3', 'e-4']);
  expect(capped.truncated).toBe(true);
});

it('writes CSV for German Excel: BOM, semicolons, CRLF, formulas defused', async () => {
  const { items } = await exportAuditEntries({}, 1);
  const csv = auditCsv(items, {
    header: ['Zeitpunkt', 'Konto', 'Rolle', 'Aktion', 'Schlüssel', 'Art', 'Objekt', 'Organisation', 'Felder'],
    at: (e) => e.at,
    actor: () => '@jemand',
    action: () => 'Veröffentlicht',
  });
  expect(csv).toBe(
    '\uFEFFZeitpunkt;Konto;Rolle;Aktion;Schlüssel;Art;Objekt;Organisation;Felder\r\n' +
      `${now.toISOString()};'@jemand;organiser;Veröffentlicht;event.publish;event;e-0;;"'=HYPERLINK(""x""), title; subtitle"\r\n`,
  );
});
