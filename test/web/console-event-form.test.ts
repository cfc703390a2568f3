import type { Browser, BrowserContext } from 'playwright-core';
import { Event, createEvent, eventsDepsOf } from '@qn/events';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { ensureOrganiser, signedInVisitor, startWebStack, type WebStack } from './support/web-stack';
import { eventFields } from '../events/events-fixtures';

/**
 * The console's event form shows reminder times and the offer deadline, and saving it never
 * changes what the organiser did not change (it used to reset reminders and offer hours set
 * through the API to the form's defaults).
 */
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let desktop: BrowserContext;
const ORGANISER = 'formular@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webevform'), launchBrowser()]);
  await ensureOrganiser(ORGANISER, { id: 'stadt-nuertingen', name: 'Stadt Nürtingen – Seniorenbüro' });
  desktop = await signedInVisitor(browser, stack, ORGANISER);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('keeps API-set reminders and offer hours on an unchanged save, and edits them when asked', async () => {
  // Whole minutes, as a datetime-local field has them.
  const startsAt = new Date(Math.floor((Date.now() + 10 * 86_400_000) / 60_000) * 60_000);
  const created = await createEvent(eventsDepsOf(stack.aio.rt), {
    ...eventFields({
      reminderOffsetsMinutes: [10_080, 90],
      offerHours: 12,
      promotionMode: 'offer',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7_200_000),
    }),
    organisationId: 'stadt-nuertingen',
  });
  const id = String(created._id);
  const before = (await Event.findById(id).lean())!;
  const page = await desktop.newPage();
  await page.goto(stack.url(`/konsole/veranstaltungen/${id}/bearbeiten`));
  await expect(page.getByLabel(/^Erinnerungen/).inputValue()).resolves.toBe('168, 1.5');
  await expect(page.getByLabel(/^Frist für ein Platzangebot/).inputValue()).resolves.toBe('12');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.waitForURL(/erledigt=gespeichert/);
  const unchanged = (await Event.findById(id).lean())!;
  expect(unchanged.reminderOffsetsMinutes).toEqual([10_080, 90]);
  expect(unchanged.offerHours).toBe(12);
  expect(unchanged.sequence).toBe(before.sequence);

  await page.goto(stack.url(`/konsole/veranstaltungen/${id}/bearbeiten`));
  await page.getByLabel(/^Erinnerungen/).fill('drei Tage');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByRole('heading', { name: /korrigieren/ }).waitFor();
  await expect(page.getByLabel(/^Erinnerungen/).getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(page.getByLabel(/^Erinnerungen/).inputValue()).resolves.toBe('drei Tage');
  expect((await Event.findById(id).lean())!.reminderOffsetsMinutes).toEqual([10_080, 90]);

  await page.getByLabel(/^Erinnerungen/).fill('2; 48');
  await page.getByLabel(/^Frist für ein Platzangebot/).fill('24');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.waitForURL(/erledigt=gespeichert/);
  const changed = (await Event.findById(id).lean())!;
  expect(changed.reminderOffsetsMinutes).toEqual([2880, 120]);
  expect(changed.offerHours).toBe(24);
  await page.close();

  const phone = await newVisitor(browser, { phone: true, storageState: await desktop.storageState() });
  const violations = await auditPage(
    browser,
    stack.url(`/konsole/veranstaltungen/${id}/bearbeiten`),
    'konsole-veranstaltung-formular',
    undefined,
    { desktop, phone },
  );
  expect(violations).toEqual({ desktop: [], phone: [] });
});
