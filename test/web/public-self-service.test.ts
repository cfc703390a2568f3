import type { Browser } from 'playwright-core';
import { cancelRegistration, createEvent, eventsDepsOf, publishEvent, registerAttendee } from '@qn/events';
import { municipalityKey } from '@qn/domain';
import { waitForMail } from '@qn/testing';
import { VIEWPORTS, auditPage, launchBrowser, newVisitor, screenshot } from './support/browser';
import { ensureOrganiser, startWebStack, type WebStack } from './support/web-stack';

/**
 * The public side for registrants: the menu's console sign-in that nobody takes for event
 * registration, the waiting-list place in plain words, and the event list on a phone.
 */
// A real browser on a shared machine: a budget, not a timing assertion.
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let eventId: string;
const day = 24 * 3600_000;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webselfservice'), launchBrowser()]);
  await ensureOrganiser('organisator@example.org', { id: 'stadt-wendlingen', name: 'Stadt Wendlingen' });
  const deps = eventsDepsOf(stack.aio.rt);
  const startsAt = new Date(Date.now() + 12 * day);
  const base = {
    description: 'Gemeinsam planen, was im Quartier gebraucht wird.',
    kind: 'vernetzungstreffen',
    fieldsOfAction: ['teilhabe'],
    municipality: municipalityKey('Wendlingen am Neckar'),
    venue: { name: 'Stadthalle', street: 'Am Marktplatz 2', postalCode: '73240', city: 'Wendlingen' },
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    waitlistEnabled: true,
    promotionMode: 'automatic' as const,
    offerHours: 48,
    maxCompanions: 0,
    contact: { name: 'Stadtverwaltung', email: 'stadt@example.org' },
    reminderOffsetsMinutes: [],
    organisationId: 'stadt-wendlingen',
  };
  const one = await createEvent(deps, { ...base, title: 'Quartierstreffen Wendlingen', capacity: 1 });
  eventId = String(one._id);
  await publishEvent(deps, { eventId });
  for (const title of ['Sprechstunde Pflege', 'Workshop Nachbarschaftshilfe']) {
    const e = await createEvent(deps, { ...base, title, capacity: 20 });
    await publishEvent(deps, { eventId: String(e._id) });
  }
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the top menu', () => {
  it('names the console sign-in for organisers, in German and English', async () => {
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    await page.goto(stack.url('/'));
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(
      nav.getByRole('link', { name: 'Anmeldung für Organisierende' }).getAttribute('href'),
    ).resolves.toBe('/anmelden');
    await expect(nav.getByRole('link', { name: 'Anmelden', exact: true }).count()).resolves.toBe(0);
    await page.goto(stack.url('/?lang=en'));
    await expect(
      page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Sign-in for organisers' })
        .count(),
    ).resolves.toBe(1);
    await ctx.close();
  });
});

describe('the waiting-list place', () => {
  it('says the place in the mail and on the manage page, and moves up when someone leaves', async () => {
    const deps = eventsDepsOf(stack.aio.rt);
    const reg = (name: string, email: string) =>
      registerAttendee(deps, { eventId, name, email, source: 'self' });
    const first = await reg('Anna Erste', 'anna-erste@example.org');
    expect(first.outcome).toBe('confirmed');
    const second = await reg('Bernd Zweiter', 'bernd-zweiter@example.org');
    const third = await reg('Clara Dritte', 'clara-dritte@example.org');
    expect([second.outcome, third.outcome]).toEqual(['waitlisted', 'waitlisted']);

    // The mail points to the manage page for the place: counting it per mail would read the
    // whole waiting list once per registrant of a burst (a scan on FerretDB 1.x).
    const [mail] = await waitForMail({ to: 'clara-dritte@example.org', subject: 'Warteliste' });
    expect(mail!.text).toContain('Ihren aktuellen Platz auf der Liste sehen Sie über den Link unten');

    const manage = `/veranstaltungen/anmeldung/${third.manageToken}`;
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    await page.goto(stack.url(manage));
    await page.getByText('Sie sind Nr. 2 auf der Warteliste.').waitFor();
    await page.goto(stack.url(`${manage}?lang=en`));
    await page.getByText('You are number 2 on the waiting list.').waitFor();

    // The person ahead leaves the list: Clara is next.
    await cancelRegistration(deps, { registrationId: String(second.registration._id) });
    // The language chosen stays with the visitor: back to German by asking for it.
    await page.goto(stack.url(`${manage}?lang=de`));
    await page.getByText('Sie sind Nr. 1 auf der Warteliste.').waitFor();
    await ctx.close();

    const audit = await auditPage(browser, stack.url(manage), 'warteliste-platz');
    expect(audit).toEqual({ desktop: [], phone: [] });
  });
});

describe('the event list on a phone', () => {
  it('shows the first event on the first screen with the filters folded, open on desktop', async () => {
    const phone = await newVisitor(browser, { phone: true });
    const page = await phone.newPage();
    await page.goto(stack.url('/veranstaltungen'));
    const heading = page.getByRole('heading', { level: 2 }).first();
    const box = await heading.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORTS.phone.height);
    await expect(page.getByLabel('Kommune').isVisible()).resolves.toBe(false);
    await screenshot(page, 'veranstaltungen-telefon-erster-bildschirm');
    // Without JavaScript the summary opens the filters.
    await page.getByText('Veranstaltungen filtern').click();
    await expect(page.getByLabel('Kommune').isVisible()).resolves.toBe(true);

    // A filter set: shown open, so the visitor sees what narrows the list.
    await page.goto(stack.url('/veranstaltungen?municipality=wendlingen-am-neckar'));
    await expect(page.getByLabel('Kommune').isVisible()).resolves.toBe(true);
    await phone.close();

    const desktop = await newVisitor(browser);
    const wide = await desktop.newPage();
    await wide.goto(stack.url('/veranstaltungen'));
    await expect(wide.getByLabel('Kommune').isVisible()).resolves.toBe(true);
    await desktop.close();

    const audit = await auditPage(browser, stack.url('/veranstaltungen'), 'veranstaltungen-gefaltet');
    expect(audit).toEqual({ desktop: [], phone: [] });
  });
});
