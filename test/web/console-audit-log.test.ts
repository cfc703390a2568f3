import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { Account } from '@qn/auth';
import { AuditEntry, recordAudit } from '@qn/audit';
import { Event } from '@qn/events';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { ensureOrganiser, signedInVisitor, startWebStack, type WebStack } from './support/web-stack';

/**
 * The admins' audit log: an organiser's changes made through the console show up with who,
 * what and a link to the object; filters by who, what and when (a wrong date is a 400 with
 * an error summary naming the field), paging, the CSV download (itself audited), 403 for
 * organisers, axe at both widths, English once.
 */
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let admin: BrowserContext;
let organiser: BrowserContext;
const ADMIN = 'protokoll-admin@example.org';
const ORGANISER = 'protokoll-organisatorin@example.org';
let eventId: string;

/** dd.mm.yyyy of a day relative to today, as the office's calendar has it. */
function germanDate(offsetDays: number): string {
  return new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

function inDays(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webaudit', { ADMIN_EMAIL: ADMIN }), launchBrowser()]);
  await ensureOrganiser(ORGANISER, { id: 'stadt-kirchheim', name: 'Stadt Kirchheim unter Teck' });
  [admin, organiser] = await Promise.all([
    signedInVisitor(browser, stack, ADMIN),
    signedInVisitor(browser, stack, ORGANISER),
  ]);

  // The organiser's changes, made through the console as a person makes them.
  const page = await organiser.newPage();
  await page.goto(stack.url('/konsole/veranstaltungen/neu'));
  await page.getByLabel(/^Titel/).fill('Vernetzungstreffen Kirchheim');
  await page.getByLabel(/^Beschreibung/).fill('Austausch der Quartiersprojekte.');
  await page.getByLabel(/^Art/).selectOption({ label: 'Vernetzungstreffen' });
  await page
    .getByRole('group', { name: /Handlungsfelder/ })
    .getByLabel('Teilhabe')
    .check();
  await page.getByLabel(/^Beginn/).fill(inDays(10, 15));
  await page.getByLabel(/^Ende/).fill(inDays(10, 17));
  await page.getByLabel(/^Kommune/).selectOption({ label: 'Kirchheim unter Teck' });
  await page.getByLabel(/^Ort \(Name\)/).fill('Rathaus');
  await page.getByLabel(/^Plätze/).fill('20');
  await page.getByLabel(/^Name/).fill('Stadt Kirchheim');
  await page.getByRole('button', { name: 'Als Entwurf anlegen' }).click();
  await page.getByText('als Entwurf angelegt').waitFor();
  eventId = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await page.getByText('Die Veranstaltung ist veröffentlicht.').waitFor();
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('lists the changes newest first with who, what and the object, and filters by who, what and when', async () => {
  const page = await admin.newPage();
  await page.goto(stack.url('/konsole/protokoll'));
  const rows = page.getByRole('region', { name: 'Protokolleinträge' }).locator('tbody tr');
  await expect(rows.first().innerText()).resolves.toMatch(/Veranstaltung veröffentlicht/);
  const published = rows.filter({ hasText: 'Veranstaltung veröffentlicht' });
  await expect(published.innerText()).resolves.toContain(ORGANISER);
  await expect(
    published.getByRole('link', { name: /Vernetzungstreffen Kirchheim/ }).getAttribute('href'),
  ).resolves.toBe(`/konsole/veranstaltungen/${eventId}`);
  await expect(rows.filter({ hasText: 'Veranstaltung angelegt' }).count()).resolves.toBe(1);

  const organiserId = String((await Account.findOne({ email: ORGANISER }).lean())!._id);
  await page.getByLabel('Wer').selectOption(organiserId);
  await page.getByLabel('Was').selectOption({ label: 'Veranstaltung veröffentlicht' });
  await page.getByLabel('Von (Datum)').fill(germanDate(0));
  await page.getByLabel('Bis (Datum)').fill(germanDate(0));
  await page.getByRole('button', { name: 'Filtern' }).click();
  await page.waitForURL(/action=event.publish/);
  await page.getByText('1 Eintrag', { exact: true }).waitFor();
  await expect(rows.count()).resolves.toBe(1);

  // A range that ends yesterday holds none of today's changes.
  await page.getByLabel('Von (Datum)').fill('');
  await page.getByLabel('Bis (Datum)').fill(germanDate(-1));
  await page.getByRole('button', { name: 'Filtern' }).click();
  await page.getByText('Keine Einträge für diese Auswahl.').waitFor();
  await page.close();
});

it('answers a date that does not exist with 400 and an error summary naming the field', async () => {
  const page = await admin.newPage();
  await page.goto(stack.url('/konsole/protokoll'));
  await page.getByLabel('Von (Datum)').fill('31.02.2026');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/konsole/protokoll?')),
    page.getByRole('button', { name: 'Filtern' }).click(),
  ]);
  expect(response.status()).toBe(400);
  const summary = page.getByRole('alert');
  await expect(summary.innerText()).resolves.toContain('Von (Datum): Bitte ein Datum im Format TT.MM.JJJJ');
  await expect(page.getByLabel('Von (Datum)').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(page.getByLabel('Von (Datum)').inputValue()).resolves.toBe('31.02.2026');
  await expect(page.title()).resolves.toMatch(/^Fehler/);
  const violations = await auditPage(
    browser,
    stack.url('/konsole/protokoll?from=31.02.2026&to=x'),
    'konsole-protokoll-fehler',
    undefined,
    {
      desktop: admin,
      phone: await newVisitor(browser, { phone: true, storageState: await admin.storageState() }),
    },
  );
  expect(violations).toEqual({ desktop: [], phone: [] });
  await page.close();
});

it('pages through 50 entries at a time and shows an account that is gone as such', async () => {
  // Older entries of an account that no longer exists, as after the office removed it.
  const at = new Date(Date.now() - 3 * 86_400_000);
  for (let i = 0; i < 55; i++)
    await recordAudit({
      at: new Date(at.getTime() - i * 60_000),
      actorAccountId: '0123456789abcdef01234567',
      actorRole: 'organiser',
      action: 'event.update',
      objectType: 'event',
      objectId: `gone-${i}`,
      fields: ['title', 'capacity'],
    });
  const page = await admin.newPage();
  await page.goto(stack.url('/konsole/protokoll?action=event.update'));
  const rows = page.getByRole('region', { name: 'Protokolleinträge' }).locator('tbody tr');
  await page.getByText('55 Einträge', { exact: true }).waitFor();
  await expect(rows.count()).resolves.toBe(50);
  await expect(rows.first().innerText()).resolves.toMatch(
    /Unbekanntes oder entferntes Konto[\s\S]*Veranstaltung geändert[\s\S]*title, capacity/,
  );
  await page.getByRole('link', { name: 'Nächste Seite' }).click();
  await page.waitForURL(/page=2/);
  expect(new URL(page.url()).searchParams.get('action')).toBe('event.update');
  await page.getByText('Seite 2 von 2').waitFor();
  await expect(rows.count()).resolves.toBe(5);
  await expect(rows.last().innerText()).resolves.toContain('gone-54');
  await page.close();
});

it('downloads the filtered entries as CSV for German Excel, and audits the download', async () => {
  const page = await admin.newPage();
  await page.goto(stack.url(`/konsole/protokoll?org=stadt-kirchheim`));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Gefilterte Einträge als CSV herunterladen' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFFZeitpunkt;Konto;Rolle;Aktion;')).toBe(true);
  const lines = csv.trim().split('\r\n');
  expect(lines).toHaveLength(3); // header, published, created: only Kirchheim's
  expect(lines[1]).toContain(
    `;${ORGANISER};organiser;Veranstaltung veröffentlicht;event.publish;event;${eventId};stadt-kirchheim;`,
  );
  expect(lines[2]).toContain('Veranstaltung angelegt');
  const adminId = String((await Account.findOne({ email: ADMIN }).lean())!._id);
  expect(
    await AuditEntry.find({ action: 'audit-log.exported' }, { actorAccountId: 1, fields: 1, _id: 0 }).lean(),
  ).toEqual([{ actorAccountId: adminId, fields: ['org'] }]);
  // The download appears on the page itself, in words.
  await page.goto(stack.url('/konsole/protokoll'));
  await page.getByRole('cell', { name: 'Protokoll heruntergeladen' }).waitFor();
  await page.close();
});

it('is for admins only: an organiser gets 403 for the page and the download', async () => {
  const page = await organiser.newPage();
  expect((await page.goto(stack.url('/konsole/protokoll')))!.status()).toBe(403);
  await page.getByRole('heading', { name: 'Keine Berechtigung' }).waitFor();
  expect((await page.request.get(stack.url('/konsole/protokoll.csv'))).status()).toBe(403);
  await page.goto(stack.url('/konsole'));
  await expect(page.getByRole('link', { name: 'Protokoll' }).count()).resolves.toBe(0);
  await page.close();
  expect(await Event.countDocuments({ _id: eventId })).toBe(1);
});

it('passes axe at both widths, and speaks English when asked', async () => {
  const phone = await newVisitor(browser, { phone: true, storageState: await admin.storageState() });
  const violations = await auditPage(
    browser,
    stack.url('/konsole/protokoll'),
    'konsole-protokoll',
    undefined,
    {
      desktop: admin,
      phone,
    },
  );
  expect(violations).toEqual({ desktop: [], phone: [] });
  await phone.close();

  const english = await newVisitor(browser, { storageState: await admin.storageState() });
  const page = await english.newPage();
  await page.goto(stack.url('/konsole/protokoll?lang=en'));
  await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'Event published' }).waitFor();
  await expect(page.getByLabel('From (date)').count()).resolves.toBe(1);
  await english.close();
});
