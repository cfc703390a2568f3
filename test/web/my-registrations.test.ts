import type { Browser } from 'playwright-core';
import { eventUid } from '@qn/calendar';
import { cancelRegistration, createEvent, eventsDepsOf, publishEvent, registerAttendee } from '@qn/events';
import { waitForMail, type ReceivedMail } from '@qn/testing';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { ensureOrganiser, startWebStack, type WebStack } from './support/web-stack';
import { eventFields } from '../events/events-fixtures';

/**
 * One person registers for two events with the same address (one of them full), opens the
 * manage link from the real confirmation mail, follows "Alle meine Anmeldungen" and finds both
 * with their status in words and the personal calendar feed, whose entries carry the same UIDs
 * as the invitation mails.
 */
// A real browser on a machine shared with other test runs. A budget, not a timing assertion.
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let openId: string;
let fullId: string;
let firstInFull: string;

const PERSON = 'mehrfach-angemeldet@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webmyregs'), launchBrowser()]);
  await ensureOrganiser('organisator-meine@example.org', {
    id: 'stadt-nuertingen',
    name: 'Stadt Nürtingen – Seniorenbüro',
  });
  const deps = eventsDepsOf(stack.aio.rt);
  const open = await createEvent(deps, {
    ...eventFields({ title: 'Fachgespräch Wohnen im Alter', capacity: 20 }, 8),
    organisationId: 'stadt-nuertingen',
  });
  const full = await createEvent(deps, {
    ...eventFields({ title: 'Workshop Nachbarschaftshilfe', capacity: 1, maxCompanions: 0 }, 15),
    organisationId: 'stadt-nuertingen',
  });
  openId = String(open._id);
  fullId = String(full._id);
  await publishEvent(deps, { eventId: openId });
  await publishEvent(deps, { eventId: fullId });
  const first = await registerAttendee(deps, {
    eventId: fullId,
    name: 'Erik Erster',
    email: 'erik-erster@example.org',
  });
  firstInFull = String(first.registration._id);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function registerInBrowser(eventId: string): Promise<string> {
  const ctx = await newVisitor(browser);
  const page = await ctx.newPage();
  await page.goto(stack.url(`/veranstaltungen/${eventId}`));
  await page.getByLabel('Name', { exact: false }).first().fill('Mira Mehrfach');
  await page.getByLabel(/^E-Mail-Adresse/).fill(PERSON);
  await page.getByLabel(/Ich willige ein/).check();
  await page.getByRole('button', { name: /anmelden|Warteliste/ }).click();
  await page.getByRole('heading', { name: 'Anmeldung eingegangen' }).waitFor();
  const text = (await page.locator('main').textContent()) ?? '';
  await ctx.close();
  return text;
}

/** The UID of the invitation (.ics) a mail carries. */
function invitationUid(mail: ReceivedMail): string {
  const ics = mail.attachments.find((a) => a.content.includes('BEGIN:VCALENDAR'))!.content;
  return /^UID:(.+)$/m.exec(ics.replace(/\r\n[ \t]/g, ''))![1]!.trim();
}

/** Mail and page links carry PUBLIC_URL; the test server listens elsewhere. */
const onStack = (link: string) => {
  const u = new URL(link);
  return stack.url(u.pathname + u.search);
};

it('lists both registrations with their status and the personal feed, in German and English', async () => {
  expect(await registerInBrowser(openId)).toContain('Danke für Ihre Anmeldung');
  expect(await registerInBrowser(fullId)).toContain('Warteliste');
  const [confirmed] = await waitForMail({ to: PERSON, subject: 'Anmeldung bestätigt' });
  await waitForMail({ to: PERSON, subject: 'Sie stehen auf der Warteliste' });

  const manageLink = /(https?:\/\/\S*\/veranstaltungen\/anmeldung\/[A-Za-z0-9_-]{43})/.exec(
    confirmed!.text,
  )![1]!;
  const ctx = await newVisitor(browser);
  const page = await ctx.newPage();
  await page.goto(onStack(manageLink));
  await page.getByText('Ihre Anmeldung ist bestätigt.').waitFor();
  await page.getByRole('link', { name: 'Alle meine Anmeldungen' }).click();
  await page.waitForURL(/\/veranstaltungen\/meine-anmeldungen\/[A-Za-z0-9_-]{43}$/);
  const myUrl = page.url();

  await page.getByRole('heading', { name: 'Alle meine Anmeldungen', level: 1 }).waitFor();
  const items = page.locator('main .list > li');
  await expect(items.count()).resolves.toBe(2);
  // Soonest first, each with its own status and its own manage link.
  await expect(items.nth(0).textContent()).resolves.toContain('Ihre Anmeldung ist bestätigt.');
  await expect(items.nth(1).textContent()).resolves.toContain('Sie sind Nr. 1 auf der Warteliste.');
  await page.getByRole('link', { name: 'Fachgespräch Wohnen im Alter' }).waitFor();
  await page.getByRole('link', { name: 'Workshop Nachbarschaftshilfe' }).waitFor();
  await expect(items.nth(0).textContent()).resolves.toMatch(/\d{1,2}\. \w+\.? \d{4}/);
  await expect(page.locator('main').textContent()).resolves.not.toContain(PERSON);

  const webcal = await page.getByRole('link', { name: 'Kalender abonnieren (webcal)' }).getAttribute('href');
  expect(webcal).toMatch(/^webcal:\/\/.+\/feeds\/personal\/[A-Za-z0-9_-]{43}\.ics$/);
  const feedUrl = await page.getByLabel('Adresse des Kalenders zum Kopieren').inputValue();
  expect(feedUrl).toMatch(/^https?:\/\/.+\/feeds\/personal\/[A-Za-z0-9_-]{43}\.ics$/);
  expect(webcal!.slice('webcal://'.length)).toBe(feedUrl.replace(/^https?:\/\//, ''));
  for (const client of ['Outlook', 'Google Kalender', 'Thunderbird'])
    await page.getByText(client).first().waitFor();

  // The same page, opened again, names the same feed (the link is derived, not new each time).
  await page.reload();
  await expect(page.getByLabel('Adresse des Kalenders zum Kopieren').inputValue()).resolves.toBe(feedUrl);

  const audit = await auditPage(browser, myUrl, 'meine-anmeldungen');
  expect(audit).toEqual({ desktop: [], phone: [] });

  await page.goto(`${myUrl}?lang=en`);
  await page.getByRole('heading', { name: 'All my registrations', level: 1 }).waitFor();
  await page.getByText('You are number 1 on the waiting list.').waitFor();
  await page.getByText('Your registration is confirmed.').waitFor();
  await page.getByRole('link', { name: 'Subscribe to the calendar (webcal)' }).waitFor();
  await page.goto(`${myUrl}?lang=de`);
  await ctx.close();

  // The feed holds both events, under the UIDs the invitation mails use.
  const feed = await (await fetch(onStack(feedUrl))).text();
  const uids = [...feed.replace(/\r\n[ \t]/g, '').matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim());
  expect(uids.sort()).toEqual([eventUid(openId), eventUid(fullId)].sort());
  expect(uids).toContain(invitationUid(confirmed!));
  // The waiting one gets its invitation when a seat comes free: the same UID again.
  await cancelRegistration(eventsDepsOf(stack.aio.rt), { registrationId: firstInFull });
  const [promoted] = await waitForMail({ to: PERSON, subject: 'Ein Platz ist frei geworden' });
  expect(uids).toContain(invitationUid(promoted!));
  expect(invitationUid(promoted!)).toBe(eventUid(fullId));
});

it('answers a bad or unknown link with the not-found page', async () => {
  const ctx = await newVisitor(browser);
  const page = await ctx.newPage();
  for (const token of ['A'.repeat(43), 'kein-gueltiger-link']) {
    const res = await page.goto(stack.url(`/veranstaltungen/meine-anmeldungen/${token}`));
    expect(res!.status()).toBe(404);
    await page.getByRole('heading', { name: 'Seite nicht gefunden' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.not.toContain('/feeds/personal/');
  }
  await ctx.close();
});
