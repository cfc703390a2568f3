import type { Browser } from 'playwright-core';
import { createEvent, eventsDepsOf, publishEvent, Registration } from '@qn/events';
import { municipalityKey } from '@qn/domain';
import { waitForMail } from '@qn/testing';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { ensureOrganiser, startWebStack, type WebStack } from './support/web-stack';

/**
 * The public events pages in the browser: calendar with filters, event page with the
 * registration form, the mail, and the manage page where cancelling promotes the waiting list.
 */
// A real browser on a machine shared with other test runs: axe over several pages at two widths
// takes a while. A budget, not a timing assertion.
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let eventId: string;

const day = 24 * 3600_000;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webevents'), launchBrowser()]);
  await ensureOrganiser('organisator@example.org', {
    id: 'stadt-nuertingen',
    name: 'Stadt Nürtingen – Seniorenbüro',
  });
  const deps = eventsDepsOf(stack.aio.rt);
  const startsAt = new Date(Date.now() + 10 * day);
  const base = {
    description: 'Austausch der Quartiersakteure.\n\nMit Kaffee und Kuchen.',
    kind: 'vernetzungstreffen',
    fieldsOfAction: ['teilhabe', 'engagement'],
    municipality: municipalityKey('Nürtingen'),
    venue: { name: 'Rathaus Nürtingen', street: 'Marktstraße 7', postalCode: '72622', city: 'Nürtingen' },
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    waitlistEnabled: true,
    promotionMode: 'automatic' as const,
    offerHours: 48,
    maxCompanions: 1,
    contact: { name: 'Seniorenbüro', email: 'senioren@example.org' },
    reminderOffsetsMinutes: [24 * 60],
    organisationId: 'stadt-nuertingen',
  };
  const one = await createEvent(deps, { ...base, title: 'Vernetzungstreffen Nürtingen', capacity: 1 });
  eventId = String(one._id);
  await publishEvent(deps, { eventId });
  const other = await createEvent(deps, {
    ...base,
    title: 'Workshop Digitalisierung Köngen',
    kind: 'workshop',
    fieldsOfAction: ['digitalisierung'],
    municipality: municipalityKey('Köngen'),
    capacity: 30,
  });
  await publishEvent(deps, { eventId: String(other._id) });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function register(name: string, email: string) {
  const ctx = await newVisitor(browser);
  const page = await ctx.newPage();
  await page.goto(stack.url(`/veranstaltungen/${eventId}`));
  await page.getByLabel('Name', { exact: false }).first().fill(name);
  await page.getByLabel(/^E-Mail-Adresse/).fill(email);
  await page.getByLabel(/Ich willige ein/).check();
  await page.getByRole('button', { name: /anmelden|Warteliste/ }).click();
  await page.getByRole('heading', { name: 'Anmeldung eingegangen' }).waitFor();
  const text = await page.locator('main').textContent();
  await ctx.close();
  return text ?? '';
}

describe('public event pages', () => {
  it('filters the calendar without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(stack.url('/veranstaltungen'));
    await page.getByLabel('Kommune').selectOption({ label: 'Köngen' });
    await page.getByRole('button', { name: 'Filtern' }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: 'Workshop Digitalisierung Köngen' }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('heading', { level: 2, name: 'Vernetzungstreffen Nürtingen' }).count(),
    ).resolves.toBe(0);
    // The subscribe links follow the filter.
    const webcal = await page.getByRole('link', { name: /Abonnieren/ }).getAttribute('href');
    expect(webcal).toMatch(/^webcal:\/\/.*\/feeds\/events\.ics\?municipality=koengen$/);
    await ctx.close();
  });

  it('registers, mails, and promotes the waiting list when the first person cancels', async () => {
    const a = 'erste-person@example.org';
    const b = 'zweite-person@example.org';
    expect(await register('Erika Erste', a)).toContain('Danke für Ihre Anmeldung');
    const [confirmed] = await waitForMail({ to: a, subject: 'Anmeldung bestätigt' });
    expect(confirmed!.subject).toContain('Vernetzungstreffen Nürtingen');
    expect(await register('Zora Zweite', b)).toContain('Warteliste');
    await waitForMail({ to: b, subject: 'Warteliste' });

    // The personal link from the mail opens the manage page on the web front end.
    const token = /(?:manage|anmeldung)\/([A-Za-z0-9_-]{43})/.exec(confirmed!.text)![1]!;
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    await page.goto(stack.url(`/veranstaltungen/anmeldung/${token}`));
    await page.getByText('Ihre Anmeldung ist bestätigt.').waitFor();
    await page.getByRole('button', { name: 'Anmeldung stornieren' }).click();
    await page.getByText('Sie sind abgemeldet. Ihr Platz wird weitergegeben.').waitFor();
    await ctx.close();

    await waitForMail({ to: b, subject: 'Ein Platz ist frei geworden' });
    const promoted = await Registration.findOne({ email: b }).lean();
    expect(promoted!.status).toBe('confirmed');
  });

  it('shows a known address the same page as a new one; the owner gets the note by mail', async () => {
    const owner = 'zweite-person@example.org';
    const stranger = `neu-${Date.now()}@example.org`;
    const normalise = (text: string, email: string) => text.replace(email, '<email>');
    const known = normalise(await register('Mallory Neugier', owner), owner);
    const fresh = normalise(await register('Mallory Neugier', stranger), stranger);
    expect(known).toBe(fresh);
    expect(known).not.toContain('Zora');
    const [note] = await waitForMail({ to: owner, subject: 'Sie sind bereits angemeldet' });
    expect(note!.text).toContain('Guten Tag Zora Zweite');
    expect(note!.text).toMatch(/\/veranstaltungen\/anmeldung\/[A-Za-z0-9_-]{43}/);
  });

  it('keeps every entry and shows each error beside its field', async () => {
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    await page.goto(stack.url(`/veranstaltungen/${eventId}`));
    await page.getByLabel('Name', { exact: false }).first().fill('Olaf Ohne');
    await page.getByLabel(/^E-Mail-Adresse/).fill('olaf-at-example');
    await page.getByLabel(/Was brauchen Sie/).fill('Stufenloser Zugang');
    await page.getByRole('button', { name: /anmelden|Warteliste/ }).click();
    await page.getByRole('heading', { name: /korrigieren/ }).waitFor();
    await expect(page.getByLabel(/Was brauchen Sie/).inputValue()).resolves.toBe('Stufenloser Zugang');
    await expect(page.getByLabel(/^E-Mail-Adresse/).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#f-consent-error').textContent()).resolves.toContain('Einwilligung');
    expect(await Registration.countDocuments({ email: 'olaf-at-example' })).toBe(0);
    await ctx.close();
  });

  it('passes axe on the calendar, the event page, a form with errors and the manage page', async () => {
    const list = await auditPage(browser, stack.url('/veranstaltungen'), 'veranstaltungen');
    const detail = await auditPage(browser, stack.url(`/veranstaltungen/${eventId}`), 'veranstaltung');
    const errors = await auditPage(
      browser,
      stack.url(`/veranstaltungen/${eventId}`),
      'veranstaltung-fehler',
      async (page) => {
        await page.getByRole('button', { name: /anmelden|Warteliste/ }).click();
        await page.getByRole('heading', { name: /korrigieren/ }).waitFor();
      },
    );
    const [mail] = await waitForMail({
      to: 'zweite-person@example.org',
      subject: 'Ein Platz ist frei geworden',
    });
    const token = /(?:manage|anmeldung)\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    const manage = await auditPage(
      browser,
      stack.url(`/veranstaltungen/anmeldung/${token}`),
      'anmeldung-verwalten',
    );
    const en = await auditPage(browser, stack.url(`/veranstaltungen/${eventId}?lang=en`), 'veranstaltung-en');
    for (const v of [list, detail, errors, manage, en]) expect(v).toEqual({ desktop: [], phone: [] });
  });
});
