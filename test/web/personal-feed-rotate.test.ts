import type { Browser } from 'playwright-core';
import { createEvent, eventsDepsOf, manageTokenOf, publishEvent, registerAttendee } from '@qn/events';
import { eventually } from '@qn/testing';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { startWebStack, type WebStack } from './support/web-stack';
import { eventFields } from '../events/events-fixtures';

/**
 * A person whose calendar address leaked replaces it from "Alle meine Anmeldungen": the old
 * feed answers 404 at once, the new one serves the registration. The privacy notice states
 * how long each personal link works.
 */
jest.setTimeout(180_000);

let stack: WebStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webfeedrot'), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('replaces a leaked calendar address; the old one stops at once', async () => {
  const deps = eventsDepsOf(stack.aio.rt);
  const event = await createEvent(deps, {
    ...eventFields({ capacity: 3 }),
    organisationId: 'stadt-nuertingen',
  });
  await publishEvent(deps, { eventId: String(event._id) });
  const r = await registerAttendee(deps, {
    eventId: String(event._id),
    name: 'Rita Rotkehl',
    email: 'rita.rotkehl@example.org',
  });
  const token = manageTokenOf(stack.config.SECRET_KEY, String(r.registration._id));
  const ctx = await newVisitor(browser);
  const page = await ctx.newPage();
  await page.goto(stack.url(`/veranstaltungen/meine-anmeldungen/${token}`));
  const feedPath = (url: string) => new URL(url).pathname;
  const before = feedPath(await page.locator('#feed-url').inputValue());
  expect((await page.request.get(stack.url(before))).status()).toBe(200);

  await page.getByRole('button', { name: 'Neue Kalender-Adresse erzeugen' }).click();
  await page.getByText('Die Kalender-Adresse ist neu.').waitFor();
  const after = feedPath(await page.locator('#feed-url').inputValue());
  expect(after).not.toBe(before);
  // Invalidation reaches the feed processes over Redis: wait for it, do not sleep.
  await eventually('old feed refused', async () => (await page.request.get(stack.url(before))).status(), {
    until: (s) => s === 404,
  });
  const fresh = await page.request.get(stack.url(after));
  expect(fresh.status()).toBe(200);
  expect(await fresh.text()).toContain(event.title);

  // A forged manage token changes nothing.
  const forged = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
  const csrf = await page.locator('input[name=_csrf]').first().inputValue();
  const refused = await page.request.post(
    stack.url(`/veranstaltungen/meine-anmeldungen/${forged}/kalender-neu`),
    {
      form: { _csrf: csrf },
    },
  );
  expect(refused.status()).toBe(404);
  expect((await page.request.get(stack.url(after))).status()).toBe(200);

  expect(
    await auditPage(
      browser,
      stack.url(`/veranstaltungen/meine-anmeldungen/${token}?neu=1`),
      'meine-anmeldungen-neu',
    ),
  ).toEqual({ desktop: [], phone: [] });
  await ctx.close();
});

it('says in the privacy notice how long each personal link works', async () => {
  const ctx = await newVisitor(browser);
  const page = await ctx.newPage();
  await page.goto(stack.url('/datenschutz'));
  await page.getByRole('heading', { name: 'Persönliche Links in unseren E-Mails' }).waitFor();
  await page.getByText(/bis wir die Anmeldung anonymisieren\s+\(\d+\s+Tage\s+nach\s+dem\s+Ende/).waitFor();
  await page.goto(stack.url('/datenschutz?lang=en'));
  await page.getByRole('heading', { name: 'Personal links in our emails' }).waitFor();
  await page.goto(stack.url('/datenschutz?lang=de'));
  await ctx.close();
});
