import type { Browser } from 'playwright-core';
import { createEvent, eventsDepsOf, publishEvent, registerAttendee } from '@qn/events';
import { municipalityKey } from '@qn/domain';
import { auditPage, axeViolations, launchBrowser, newVisitor, screenshot } from './support/browser';
import { ensureOrganiser, linkFromMail, startWebStack, type WebStack } from './support/web-stack';

/**
 * A privacy request from the web form to its result: the mailed confirmation page and the
 * erasure result are pages of the site (its header, menu and footer), with dates as Germans
 * write them.
 */
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
const person = 'loeschen-bitte@example.org';
// "Mi., 2. Dez. 2026, 13:40": weekday, day, month and year in German, no seconds.
const GERMAN_DATE_TIME = /[A-Z][a-z]\.?, \d{1,2}\. [A-ZÄÖÜ][a-zäöü]{2,3}\.? \d{4}, \d{1,2}:\d{2}/;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webprivacypages'), launchBrowser()]);
  await ensureOrganiser('organisator@example.org', { id: 'stadt-ostfildern', name: 'Stadt Ostfildern' });
  const deps = eventsDepsOf(stack.aio.rt);
  const startsAt = new Date(Date.now() + 8 * 24 * 3600_000);
  const event = await createEvent(deps, {
    title: 'Quartiersspaziergang Ostfildern',
    description: 'Wege im Quartier gemeinsam ansehen.',
    kind: 'vernetzungstreffen',
    fieldsOfAction: ['teilhabe'],
    municipality: municipalityKey('Ostfildern'),
    venue: { name: 'Stadtplatz', city: 'Ostfildern' },
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3600_000),
    capacity: 10,
    waitlistEnabled: false,
    promotionMode: 'automatic',
    offerHours: 48,
    maxCompanions: 0,
    contact: { name: 'Stadt', email: 'stadt@example.org' },
    reminderOffsetsMinutes: [],
    organisationId: 'stadt-ostfildern',
  });
  await publishEvent(deps, { eventId: String(event._id) });
  await registerAttendee(deps, { eventId: String(event._id), name: 'Lena Löschen', email: person });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('confirms and shows an erasure in the site layout with German dates', async () => {
  const ctx = await newVisitor(browser);
  const page = await ctx.newPage();
  await page.goto(stack.url('/datenschutz/anfrage'));
  await page.getByLabel(/Ihre E-Mail-Adresse/).fill(person);
  await page.getByLabel(/Löschung/).check();
  await page.getByRole('button', { name: 'Antrag absenden' }).click();
  await page.getByRole('heading', { name: 'Bitte prüfen Sie Ihr Postfach' }).waitFor();

  const link = new URL(await linkFromMail(person, '/api/privacy/requests/'));
  const confirmPath = link.pathname + link.search;
  await page.goto(stack.url(confirmPath));
  await page.getByRole('heading', { level: 1, name: 'Löschung Ihrer Daten' }).waitFor();
  // The site's own frame: menu and footer, as on every other page.
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).count()).resolves.toBe(1);
  await expect(page.getByRole('link', { name: 'Impressum' }).count()).resolves.toBe(1);
  const validity = await page.getByText('Der Link gilt einmal, bis').textContent();
  expect(validity).toMatch(GERMAN_DATE_TIME);
  expect(validity).not.toMatch(/\d{1,2}:\d{2}:\d{2}/);

  // The GET does nothing: axe may look at it at both widths before it is used.
  const audit = await auditPage(browser, stack.url(confirmPath), 'datenschutz-bestaetigen');
  expect(audit).toEqual({ desktop: [], phone: [] });

  await page.getByRole('button', { name: 'Endgültig löschen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ihre Daten sind gelöscht' }).waitFor();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).count()).resolves.toBe(1);
  const done = await page.getByText('Abgeschlossen am').textContent();
  expect(done).toMatch(GERMAN_DATE_TIME);
  expect(done).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  await expect(axeViolations(page)).resolves.toEqual([]);
  await screenshot(page, 'datenschutz-geloescht');
  await ctx.close();
});
