import type { Browser, BrowserContext } from 'playwright-core';
import { AuditEntry } from '@qn/audit';
import {
  Event,
  Registration,
  Seat,
  createEvent,
  eventsDepsOf,
  publishEvent,
  registerAttendee,
} from '@qn/events';
import { waitForMail } from '@qn/testing';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { ensureOrganiser, signedInVisitor, startWebStack, type WebStack } from './support/web-stack';
import { eventFields } from '../events/events-fixtures';

/**
 * An organiser changes single registrations from the event page: moves someone from the
 * waiting list out of turn (never beyond the capacity) and cancels a registration, which
 * moves the waiting list up; the people concerned get their mails, every change is audited.
 */
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let desktop: BrowserContext;
const ORGANISER = 'teilnehmende@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webattend'), launchBrowser()]);
  await ensureOrganiser(ORGANISER, { id: 'stadt-nuertingen', name: 'Stadt Nürtingen – Seniorenbüro' });
  desktop = await signedInVisitor(browser, stack, ORGANISER);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('promotes out of turn, refuses beyond the capacity, cancels and moves the list up', async () => {
  const deps = eventsDepsOf(stack.aio.rt);
  const event = await createEvent(deps, {
    ...eventFields({ capacity: 1, maxCompanions: 0 }),
    organisationId: 'stadt-nuertingen',
  });
  const eventId = String(event._id);
  await publishEvent(deps, { eventId });
  const reg = (name: string, email: string) => registerAttendee(deps, { eventId, name, email });
  const anna = await reg('Anna Amsel', 'anna.amsel@example.org');
  const bernd = await reg('Bernd Buchfink', 'bernd.buchfink@example.org');
  const clara = await reg('Clara Zeisig', 'clara.zeisig@example.org');
  expect([anna, bernd, clara].map((r) => r.registration.status)).toEqual([
    'confirmed',
    'waitlisted',
    'waitlisted',
  ]);

  const page = await desktop.newPage();
  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}`));
  // Full: moving Clara up is refused and changes nothing.
  const refused = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/nachruecken')),
    page.getByRole('button', { name: 'Nachrücken lassen: Clara Zeisig' }).click(),
  ]);
  expect(refused[0].status()).toBe(409);
  expect((await Registration.findById(clara.registration._id).lean())!.status).toBe('waitlisted');

  // One more seat (as if the capacity were raised without touching the list): Clara, not Bernd.
  await Event.updateOne({ _id: eventId }, { $set: { capacity: 2 } });
  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}`));
  await page.getByRole('button', { name: 'Nachrücken lassen: Clara Zeisig' }).click();
  await page.waitForURL(/erledigt=nachgerueckt/);
  await page.getByText('Die Person ist von der Warteliste nachgerückt.').waitFor();
  await waitForMail({ to: 'clara.zeisig@example.org', subject: 'Ein Platz ist frei geworden' });
  expect((await Registration.findById(clara.registration._id).lean())!.status).toBe('confirmed');
  expect((await Registration.findById(bernd.registration._id).lean())!.status).toBe('waitlisted');
  expect(await Seat.countDocuments({ eventId })).toBe(2);

  // Anna cancels by phone: her seat goes to Bernd, the next on the list.
  await page.getByRole('button', { name: 'Stornieren: Anna Amsel' }).click();
  await page.waitForURL(/erledigt=storniert/);
  await waitForMail({ to: 'anna.amsel@example.org', subject: 'Abmeldung bestätigt' });
  await waitForMail({ to: 'bernd.buchfink@example.org', subject: 'Ein Platz ist frei geworden' });
  expect((await Registration.findById(anna.registration._id).lean())!.status).toBe('cancelled');
  expect((await Registration.findById(bernd.registration._id).lean())!.status).toBe('confirmed');
  expect(await Seat.countDocuments({ eventId })).toBe(2);
  const actions = (await AuditEntry.find({ organisationId: 'stadt-nuertingen' }).lean()).map((a) => a.action);
  expect(actions).toEqual(
    expect.arrayContaining(['event.registration.promote', 'event.registration.cancel']),
  );
  await page.close();

  const phone = await newVisitor(browser, { phone: true, storageState: await desktop.storageState() });
  const violations = await auditPage(
    browser,
    stack.url(`/konsole/veranstaltungen/${eventId}`),
    'konsole-teilnehmende',
    undefined,
    { desktop, phone },
  );
  expect(violations).toEqual({ desktop: [], phone: [] });
});

it('registers someone on their behalf, with errors beside the fields and a known address told apart', async () => {
  const deps = eventsDepsOf(stack.aio.rt);
  const event = await createEvent(deps, {
    ...eventFields({ capacity: 5, maxCompanions: 1 }),
    organisationId: 'stadt-nuertingen',
  });
  const eventId = String(event._id);
  await publishEvent(deps, { eventId });
  const page = await desktop.newPage();
  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}`));
  await page.getByRole('link', { name: 'Jemanden anmelden' }).click();
  await page.getByLabel(/^Name/).fill('Dora Drossel');
  await page.getByLabel(/^E-Mail-Adresse/).fill('keine-adresse');
  await page.getByLabel(/^Begleitung/).fill('1');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('heading', { name: /korrigieren/ }).waitFor();
  await expect(page.getByLabel(/^E-Mail-Adresse/).getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(page.getByLabel(/^Name/).inputValue()).resolves.toBe('Dora Drossel');
  expect(await Registration.countDocuments({ eventId })).toBe(0);

  await page.getByLabel(/^E-Mail-Adresse/).fill('Dora.Drossel@Example.org');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL(/erledigt=angemeldet/);
  await waitForMail({ to: 'dora.drossel@example.org', subject: 'Anmeldung bestätigt' });
  const stored = (await Registration.find({ eventId }).lean())!;
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ status: 'confirmed', source: 'organiser', companions: 1 });
  expect(await Seat.countDocuments({ eventId })).toBe(2);
  expect(
    await AuditEntry.countDocuments({
      action: 'event.registration.create',
      objectId: String(stored[0]!._id),
    }),
  ).toBe(1);

  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}/anmelden`));
  await page.getByLabel(/^Name/).fill('Dora Drossel');
  await page.getByLabel(/^E-Mail-Adresse/).fill('dora.drossel@example.org');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL(/erledigt=bekannt/);
  expect(await Registration.countDocuments({ eventId })).toBe(1);
  await page.close();

  const phone = await newVisitor(browser, { phone: true, storageState: await desktop.storageState() });
  const violations = await auditPage(
    browser,
    stack.url(`/konsole/veranstaltungen/${eventId}/anmelden`),
    'konsole-jemanden-anmelden',
    undefined,
    { desktop, phone },
  );
  expect(violations).toEqual({ desktop: [], phone: [] });
});
