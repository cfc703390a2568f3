import type { Browser, BrowserContext } from 'playwright-core';
import { createEvent, eventsDepsOf, publishEvent, registerAttendee } from '@qn/events';
import { createProgramme, LinkCheck, Programme, publishProgramme } from '@qn/funding';
import { Campaign, DeliveryOutcome, FanoutState } from '@qn/newsletter';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { ensureOrganiser, signedInVisitor, startWebStack, type WebStack } from './support/web-stack';
import { eventFields } from '../events/events-fixtures';

/**
 * The console's home page: an organiser sees their own organisation's next events with seats
 * taken and the waiting list, and its latest registrations (nobody else's); an empty
 * organisation gets a plain-words start; admins also see campaigns in progress and the funding
 * programmes that need a look. axe at both widths, English once.
 */
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let organiser: BrowserContext;
let newcomer: BrowserContext;
let admin: BrowserContext;
const ADMIN = 'uebersicht-admin@example.org';
const ORGANISER = 'uebersicht-organisatorin@example.org';
const NEWCOMER = 'uebersicht-neu@example.org';
let ownEventId: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webhome', { ADMIN_EMAIL: ADMIN }), launchBrowser()]);
  await ensureOrganiser(ORGANISER, { id: 'stadt-wendlingen', name: 'Stadt Wendlingen am Neckar' });
  await ensureOrganiser(NEWCOMER, { id: 'verein-neuhausen', name: 'Bürgerverein Neuhausen' });
  [organiser, newcomer, admin] = await Promise.all([
    signedInVisitor(browser, stack, ORGANISER),
    signedInVisitor(browser, stack, NEWCOMER),
    signedInVisitor(browser, stack, ADMIN),
  ]);

  const deps = eventsDepsOf(stack.aio.rt);
  const own = await createEvent(deps, {
    ...eventFields({ title: 'Quartiersspaziergang Wendlingen', capacity: 2, maxCompanions: 0 }),
    organisationId: 'stadt-wendlingen',
  });
  ownEventId = String(own._id);
  await publishEvent(deps, { eventId: ownEventId });
  const other = await createEvent(deps, {
    ...eventFields({ title: 'Fremde Veranstaltung Esslingen' }, 5),
    organisationId: 'stadt-esslingen',
  });
  await publishEvent(deps, { eventId: String(other._id) });
  await registerAttendee(deps, {
    eventId: String(other._id),
    name: 'Fremde Person',
    email: 'fremd@example.org',
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const upcomingRows = (page: import('playwright-core').Page) =>
  page.getByRole('region', { name: 'Anstehende Veranstaltungen mit belegten Plätzen' }).locator('tbody tr');

it("shows an organiser their organisation's upcoming event with seats taken after registrations", async () => {
  const page = await organiser.newPage();
  await page.goto(stack.url('/konsole'));
  await expect(upcomingRows(page).innerText()).resolves.toMatch(
    /Quartiersspaziergang Wendlingen[\s\S]*0 von 2[\s\S]*0/,
  );
  await page.getByText('Noch keine Anmeldungen.').waitFor();

  const deps = eventsDepsOf(stack.aio.rt);
  for (const [name, email] of [
    ['Anna Amsel', 'anna.amsel@example.org'],
    ['Bernd Buchfink', 'bernd.buchfink@example.org'],
    ['Clara Zeisig', 'clara.zeisig@example.org'],
  ])
    await registerAttendee(deps, { eventId: ownEventId, name: name!, email: email! });

  await page.reload();
  const rows = upcomingRows(page);
  await expect(rows.count()).resolves.toBe(1); // Esslingen's event is not theirs
  await expect(rows.locator('td').allInnerTexts()).resolves.toEqual([
    'Quartiersspaziergang Wendlingen',
    expect.any(String),
    '2 von 2',
    '1',
    'Veröffentlicht',
  ]);
  await page.getByRole('link', { name: 'Quartiersspaziergang Wendlingen' }).first().click();
  await page.waitForURL(new RegExp(`/konsole/veranstaltungen/${ownEventId}$`));

  await page.goto(stack.url('/konsole'));
  const recent = page.locator('h2:has-text("Neueste Anmeldungen") + ul > li');
  await expect(recent.count()).resolves.toBe(3);
  await expect(recent.first().innerText()).resolves.toMatch(
    /^Clara Zeisig – Quartiersspaziergang Wendlingen[\s\S]*Warteliste/,
  );
  await expect(page.getByText('Fremde Person').count()).resolves.toBe(0);
  await expect(page.getByRole('heading', { name: 'Laufende Newsletter-Kampagnen' }).count()).resolves.toBe(0);
  await page.close();

  const phone = await newVisitor(browser, { phone: true, storageState: await organiser.storageState() });
  const violations = await auditPage(browser, stack.url('/konsole'), 'konsole-uebersicht', undefined, {
    desktop: organiser,
    phone,
  });
  expect(violations).toEqual({ desktop: [], phone: [] });
  await phone.close();
});

it('starts an organisation without events in plain words', async () => {
  const page = await newcomer.newPage();
  await page.goto(stack.url('/konsole'));
  await page.getByText('Noch keine Veranstaltungen – jetzt eine anlegen').waitFor();
  await page.getByRole('link', { name: 'jetzt eine anlegen' }).click();
  await page.waitForURL(/\/konsole\/veranstaltungen\/neu$/);
  await page.close();
});

it('shows admins all events, campaigns in progress and funding programmes that need a look', async () => {
  await Campaign.create({
    _id: 'kampagne-dezember',
    name: 'Dezember-Rundbrief',
    subject: 'Neues aus den Quartieren',
    from: { name: 'Koordination Quartier', email: 'quartier@example.org' },
    bodyMarkdown: 'Hallo',
    lang: 'de',
    audience: { listIds: [] },
    status: 'paused',
    gen: 1,
    startedAt: new Date(),
    pausedAt: new Date(),
  });
  await FanoutState.create({ _id: 'kampagne-dezember', expanded: true, total: 4 });
  await DeliveryOutcome.create({
    _id: 'kampagne-dezember:1',
    campaignId: 'kampagne-dezember',
    status: 'sent',
    at: new Date(),
  });

  const stale = await createProgramme({
    input: {
      title: 'Quartiersimpulse – Beratung',
      provider: 'land',
      providerName: 'Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg',
      programmeLine: 'Quartier 2030 – Gemeinsam.Gestalten',
      summary: 'Förderung von Quartiersprojekten.',
      fieldsOfAction: ['teilhabe'],
      applicantTypes: ['kommune'],
      region: { scope: 'state' },
      amount: { min: 5_000, max: 100_000 },
      deadlines: ['2099-03-31'],
      links: [{ label: 'Ausschreibung', url: 'https://example.org/quartiersimpulse' }],
    } as Parameters<typeof createProgramme>[0]['input'],
  });
  await publishProgramme({ id: stale._id, producer: stack.aio.rt.producer });
  await Programme.updateOne(
    { _id: stale._id },
    { $set: { reviewedAt: new Date(Date.now() - 400 * 86_400_000) } },
  );
  await LinkCheck.create({
    _id: `${stale._id}:broken`,
    programmeId: stale._id,
    url: 'https://example.org/quartiersimpulse',
    ok: false,
    httpStatus: 404,
    checkedAt: new Date(),
    failingSince: new Date(),
  });

  const page = await admin.newPage();
  await page.goto(stack.url('/konsole'));
  await expect(upcomingRows(page).count()).resolves.toBe(2);
  // Whose event it is, for admins who see all organisations' (Esslingen has no record here).
  await expect(
    upcomingRows(page).filter({ hasText: 'Quartiersspaziergang' }).locator('td').first().innerText(),
  ).resolves.toBe('Quartiersspaziergang Wendlingen\nStadt Wendlingen am Neckar');
  await expect(page.getByText('Fremde Person').count()).resolves.toBe(1);
  await page.getByText('Angehalten · 1 von 4 versendet').waitFor();
  await expect(page.getByRole('link', { name: 'Dezember-Rundbrief' }).getAttribute('href')).resolves.toBe(
    '/konsole/newsletter/kampagnen/kampagne-dezember',
  );
  const programmeLinks = page.getByRole('link', { name: 'Quartiersimpulse – Beratung' });
  await expect(programmeLinks.count()).resolves.toBe(2); // due for review, and its link is broken
  await expect(programmeLinks.first().getAttribute('href')).resolves.toBe(
    `/konsole/foerderprogramme/${stale._id}`,
  );
  await page.getByText('https://example.org/quartiersimpulse').waitFor();
  await page.close();

  const phone = await newVisitor(browser, { phone: true, storageState: await admin.storageState() });
  const violations = await auditPage(browser, stack.url('/konsole'), 'konsole-uebersicht-admin', undefined, {
    desktop: admin,
    phone,
  });
  expect(violations).toEqual({ desktop: [], phone: [] });
  await phone.close();

  const english = await newVisitor(browser, { storageState: await admin.storageState() });
  const en = await english.newPage();
  await en.goto(stack.url('/konsole?lang=en'));
  await en.getByRole('heading', { name: 'Upcoming events' }).waitFor();
  await en.getByText('Paused · 1 of 4 sent').waitFor();
  await en.getByRole('heading', { name: 'Funding programmes due for review' }).waitFor();
  await english.close();
});
