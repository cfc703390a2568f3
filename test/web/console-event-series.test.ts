import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Event, EventSeries, Registration, occurrenceId } from '@qn/events';
import { AuditEntry } from '@qn/audit';
import { eventually, listMail, waitForMail } from '@qn/testing';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { ensureOrganiser, signedInVisitor, startWebStack, type WebStack } from './support/web-stack';
import { parseIcs } from '../calendar/parse-ics';

/**
 * A weekly series in the console: preview, create, publish; someone registers for one date on
 * the public page; all future dates get a new title (their registrant a change notice), one
 * date is cancelled; the public feed, read by an independent parser, holds one UID per date
 * at 18:00 local time on both sides of the change to summer time.
 */
jest.setTimeout(300_000);

let stack: WebStack;
let browser: Browser;
let desktop: BrowserContext;
const ORGANISER = 'reihen@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webseries'), launchBrowser()]);
  await ensureOrganiser(ORGANISER, { id: 'stadt-nuertingen', name: 'Stadt Nürtingen – Seniorenbüro' });
  desktop = await signedInVisitor(browser, stack, ORGANISER);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Tuesdays from mid-March of the next spring on: Europe/Berlin changes to summer time between. */
function springYear(now = new Date()): number {
  return now.getUTCMonth() >= 2 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
}

/** The series form as an organiser fills it: weekly on Tuesdays at 18:00, four dates. */
async function fillSeriesForm(p: Page, year: number): Promise<void> {
  await p.getByLabel(/^Titel/).fill('Offener Quartierstreff');
  await p.getByLabel(/^Beschreibung/).fill('Jeden Dienstag: Austausch und Kaffee im Quartier.');
  await p.getByLabel(/^Art/).selectOption('vernetzungstreffen');
  await p.getByRole('checkbox', { name: 'Teilhabe' }).check();
  await p.getByLabel(/^Kommune/).selectOption('nuertingen');
  await p.getByLabel(/^Ort \(Name\)/).fill('Bürgertreff Roßdorf');
  await p.getByLabel(/^Beginn/).fill(`${year}-03-16T18:00`);
  await p.getByLabel(/^Ende/).fill(`${year}-03-16T19:30`);
  await p.getByLabel(/^Wochentag/).selectOption('2');
  await p.getByLabel(/^Oder: Anzahl der Termine/).fill('4');
  await p.getByLabel(/^Name/).fill('Seniorenbüro Nürtingen');
}

it('creates, publishes, edits and cancels dates of a weekly series; the feed carries each date', async () => {
  const year = springYear();
  const page = await desktop.newPage();
  await page.goto(stack.url('/konsole/veranstaltungen'));
  await page.getByRole('link', { name: 'Neue Reihe' }).click();
  await fillSeriesForm(page, year);

  // Neither end nor count: the field is named, nothing stored.
  await page.getByLabel(/^Oder: Anzahl der Termine/).fill('');
  await page.getByRole('button', { name: 'Termine anzeigen' }).click();
  await page
    .locator('.error-summary')
    .getByRole('link', { name: /Wiederholen bis/ })
    .waitFor();
  expect(await EventSeries.countDocuments({})).toBe(0);

  await page.getByLabel(/^Oder: Anzahl der Termine/).fill('4');
  await page.getByRole('button', { name: 'Termine anzeigen' }).click();
  await page.getByRole('heading', { name: 'Vorschau: 4 Termine' }).waitFor();
  const preview = await page.locator('.series-preview li').allInnerTexts();
  expect(preview).toHaveLength(4);
  expect(preview.every((d) => d.includes('18:00'))).toBe(true);
  expect(await EventSeries.countDocuments({})).toBe(0);
  const violations = await auditPage(
    browser,
    stack.url('/konsole/reihen/neu'),
    'konsole-reihe-vorschau',
    async (p) => {
      await fillSeriesForm(p, year);
      await p.getByRole('button', { name: 'Termine anzeigen' }).click();
      await p.getByRole('heading', { name: 'Vorschau: 4 Termine' }).waitFor();
    },
    {
      desktop,
      phone: await newVisitor(browser, { phone: true, storageState: await desktop.storageState() }),
    },
  );
  expect(violations).toEqual({ desktop: [], phone: [] });

  await page.getByRole('button', { name: 'Reihe anlegen' }).click();
  await page.waitForURL(/\/konsole\/reihen\/[0-9a-f]{24}\?erledigt=angelegt/);
  const seriesId = /reihen\/([0-9a-f]{24})/.exec(page.url())![1]!;
  const ids = [0, 1, 2, 3].map((i) => occurrenceId(seriesId, i));
  expect(await Event.countDocuments({ seriesId })).toBe(4);
  await page.getByRole('button', { name: 'Reihe veröffentlichen' }).click();
  await page.waitForURL(/erledigt=veroeffentlicht/);
  await page.getByText('4 Termine wurden veröffentlicht.').waitFor();

  // Registration is per date: Hanna takes the second one on its public page.
  const visitor = await newVisitor(browser);
  const pub = await visitor.newPage();
  await pub.goto(stack.url(`/veranstaltungen/${ids[1]}`));
  await pub.getByRole('heading', { name: /Dieser Termin gehört zur Reihe/ }).waitFor();
  expect(await pub.locator('.series-note li a').count()).toBe(2);
  const hanna = `hanna-${stack.db}@example.org`;
  await pub.getByLabel(/^Name/).fill('Hanna Hummel');
  await pub.getByLabel(/^E-Mail-Adresse/).fill(hanna);
  await pub.getByLabel(/Ich willige ein/).check();
  await pub.getByRole('button', { name: 'Verbindlich anmelden' }).click();
  await waitForMail({ to: hanna, subject: 'Anmeldung bestätigt' });
  expect(await Registration.countDocuments({ eventId: ids[1] })).toBe(1);
  const publicAudit = await auditPage(browser, stack.url(`/veranstaltungen/${ids[1]}`), 'reihe-termin');
  expect(publicAudit).toEqual({ desktop: [], phone: [] });

  // All future dates get a new title; Hanna hears of hers.
  await page.goto(stack.url(`/konsole/veranstaltungen/${ids[1]}`));
  await page.getByText('Teil der Reihe').waitFor();
  await page.getByRole('link', { name: 'Alle künftigen Termine bearbeiten' }).click();
  await page.getByLabel(/^Titel/).fill('Offener Quartierstreff (mit Kaffee)');
  await page.getByRole('button', { name: 'Künftige Termine speichern' }).click();
  await page.waitForURL(/erledigt=gespeichert/);
  await waitForMail({ to: hanna, subject: 'Änderung: Offener Quartierstreff (mit Kaffee)' });
  const titles = await Promise.all(ids.map((id) => Event.findById(id).lean()));
  expect(titles.map((e) => e!.title)).toEqual(Array(4).fill('Offener Quartierstreff (mit Kaffee)'));

  // The third date is cancelled on its own page.
  await page.goto(stack.url(`/konsole/veranstaltungen/${ids[2]}`));
  await page.getByRole('link', { name: 'Veranstaltung absagen' }).click();
  await page.getByRole('button', { name: 'Veranstaltung absagen' }).click();
  await page.waitForURL(/erledigt=abgesagt/);
  await page.goto(stack.url(`/konsole/reihen/${seriesId}`));
  const rows = await page.locator('tbody tr').allInnerTexts();
  expect(rows).toHaveLength(4);
  expect(rows[1]).toContain('1 / 30');
  expect(rows[2]).toContain('Abgesagt');
  const seriesAudit = await auditPage(browser, page.url(), 'konsole-reihe', undefined, {
    desktop,
    phone: await newVisitor(browser, { phone: true, storageState: await desktop.storageState() }),
  });
  expect(seriesAudit).toEqual({ desktop: [], phone: [] });

  // English once.
  await page.goto(stack.url(`/konsole/reihen/${seriesId}?lang=en`));
  await page.getByRole('columnheader', { name: 'Seats taken' }).waitFor();
  await page.getByRole('link', { name: 'Edit all future dates' }).waitFor();

  // The public feed, read by ical.js: one UID per live date, at 18:00 Berlin time in winter and summer.
  const feed = await eventually(
    'the feed following the series',
    async () => {
      const text = await (await fetch(stack.url('/feeds/events.ics'))).text();
      return parseIcs(text).entries.filter((x) => ids.some((id) => x.uid === `event-${id}@quartiersnetz`));
    },
    {
      until: (entries) =>
        entries.filter((x) => x.summary === 'Offener Quartierstreff (mit Kaffee)').length >= 3,
    },
  );
  const live = feed.filter((x) => x.uid !== `event-${ids[2]}@quartiersnetz`);
  expect(new Set(live.map((x) => x.uid)).size).toBe(3);
  expect(live.map((x) => x.startLocal.slice(11, 16))).toEqual(['18:00', '18:00', '18:00']);
  expect(live.every((x) => x.startTzid === 'Europe/Berlin')).toBe(true);
  const utcHours = live.map((x) => x.start.getUTCHours());
  expect(utcHours[0]).toBe(17);
  expect(utcHours[utcHours.length - 1]).toBe(16);
  const cancelled = feed.find((x) => x.uid === `event-${ids[2]}@quartiersnetz`);
  if (cancelled) expect(cancelled.status).toBe('CANCELLED');

  const actions = (await AuditEntry.find({ objectId: seriesId }).lean()).map((a) => a.action);
  expect(actions).toEqual(
    expect.arrayContaining(['event-series.create', 'event-series.publish', 'event-series.update']),
  );
  expect(await listMail({ to: hanna, subject: 'Abgesagt' })).toHaveLength(0);
});
