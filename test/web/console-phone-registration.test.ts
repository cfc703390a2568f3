import type { Browser, BrowserContext } from 'playwright-core';
import { AuditEntry } from '@qn/audit';
import { MailLedger } from '@qn/mail';
import { Event, Registration, Seat, createEvent, eventsDepsOf, publishEvent } from '@qn/events';
import { listMail, waitForMail } from '@qn/testing';
import { auditPage, axeViolations, launchBrowser, newVisitor } from './support/browser';
import { ensureOrganiser, signedInVisitor, startWebStack, type WebStack } from './support/web-stack';
import { eventFields } from '../events/events-fixtures';

/**
 * Someone calls who has no e-mail address: the organiser registers them with a phone number
 * (or a postal address). The registration takes its seat, shows with its contact in the list
 * and the CSV export, gets no mail, and when it moves up from the waiting list the page tells
 * the organiser to phone them.
 */
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let desktop: BrowserContext;
const ORGANISER = 'telefon-anmeldung@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webphone'), launchBrowser()]);
  await ensureOrganiser(ORGANISER, { id: 'stadt-nuertingen', name: 'Stadt Nürtingen – Seniorenbüro' });
  desktop = await signedInVisitor(browser, stack, ORGANISER);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Mail ledger rows of one registration: none means nothing was ever queued for it. */
const ledgerRowsOf = (registrationId: string) =>
  MailLedger.countDocuments({ _id: new RegExp(`:${registrationId}:`) });

it('registers by phone without e-mail: in the list and export, no mail, moved up with a note to call', async () => {
  const deps = eventsDepsOf(stack.aio.rt);
  const event = await createEvent(deps, {
    ...eventFields({ capacity: 1, maxCompanions: 0 }),
    organisationId: 'stadt-nuertingen',
  });
  const eventId = String(event._id);
  await publishEvent(deps, { eventId });
  const page = await desktop.newPage();
  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}`));
  await page.getByRole('link', { name: 'Jemanden anmelden' }).click();

  // No contact at all, then a phone number that is none: refused beside the fields.
  await page.getByLabel(/^Name/).fill('Erna Ehrlich');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('heading', { name: /korrigieren/ }).waitFor();
  await page
    .getByText('Bitte geben Sie eine E-Mail-Adresse, eine Telefonnummer oder eine Anschrift an.')
    .first()
    .waitFor();
  await expect(page.getByLabel(/^E-Mail-Adresse/).getAttribute('aria-invalid')).resolves.toBe('true');
  await page.getByLabel(/^Telefon/).fill('ruft an');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.getByRole('heading', { name: /korrigieren/ }).waitFor();
  await expect(page.getByLabel(/^Telefon/).getAttribute('aria-invalid')).resolves.toBe('true');
  expect(await axeViolations(page)).toEqual([]);
  expect(await Registration.countDocuments({ eventId })).toBe(0);

  await page.getByLabel(/^Telefon/).fill('07022 75-1234');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL(/erledigt=ohne-email/);
  await page.getByText(/Ohne E-Mail-Adresse wird nichts verschickt/).waitFor();
  await page.getByRole('cell', { name: '07022 75-1234' }).waitFor();
  const erna = (await Registration.findOne({ eventId, name: 'Erna Ehrlich' }).lean())!;
  expect(erna).toMatchObject({ status: 'confirmed', source: 'organiser', phone: '07022 75-1234' });
  expect(await Seat.countDocuments({ eventId })).toBe(1);

  // The event is full: the next caller, with a postal address, goes on the waiting list.
  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}/anmelden`));
  await page.getByLabel(/^Name/).fill('Paul Post');
  await page.getByLabel(/^Anschrift/).fill('Kirchstraße 3\n72622 Nürtingen');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL(/erledigt=ohne-email/);
  const paul = (await Registration.findOne({ eventId, name: 'Paul Post' }).lean())!;
  expect(paul.status).toBe('waitlisted');

  // The export carries the contacts.
  const csv = await page.request.get(stack.url(`/konsole/veranstaltungen/${eventId}/teilnehmende.csv`));
  const text = await csv.text();
  expect(text).toContain('Telefon;Anschrift');
  expect(text).toContain('07022 75-1234');
  expect(text).toContain('"Kirchstraße 3\n72622 Nürtingen"');
  expect(text).not.toContain('@invalid');

  // One more seat: the organiser moves Paul up and is told to let him know.
  await Event.updateOne({ _id: eventId }, { $set: { capacity: 2 } });
  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}`));
  await page.getByRole('button', { name: 'Nachrücken lassen: Paul Post' }).click();
  await page.waitForURL(/erledigt=nachgerueckt-anrufen/);
  await page.getByText(/Paul Post ist von der Warteliste nachgerückt und hat keine E-Mail-Adresse/).waitFor();
  expect((await Registration.findById(paul._id).lean())!.status).toBe('confirmed');
  const violations = await axeViolations(page);
  expect(violations).toEqual([]);

  // Full again: Karl waits; when Erna cancels, her seat goes to him and the page says to call him.
  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}/anmelden`));
  await page.getByLabel(/^Name/).fill('Karl Kurz');
  await page.getByLabel(/^Telefon/).fill('0711 987654');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL(/erledigt=ohne-email/);
  const karl = (await Registration.findOne({ eventId, name: 'Karl Kurz' }).lean())!;
  expect(karl.status).toBe('waitlisted');
  await page.getByRole('button', { name: 'Stornieren: Erna Ehrlich' }).click();
  await page.waitForURL(/erledigt=storniert-anrufen/);
  await page.getByText(/bitte benachrichtigen Sie selbst: Karl Kurz \(0711 987654\)/).waitFor();
  expect((await Registration.findById(karl._id).lean())!.status).toBe('confirmed');

  // Someone with an address afterwards: once that mail is in, the queue is past the others.
  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}/anmelden`));
  await page.getByLabel(/^Name/).fill('Mia Mail');
  await page.getByLabel(/^E-Mail-Adresse/).fill('mia.mail@example.org');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL(/erledigt=angemeldet/);
  // Confirmed or waitlisted (the seat pool need not know the raised capacity): mailed either way.
  await waitForMail({ to: 'mia.mail@example.org' });
  expect(await ledgerRowsOf(String(erna._id))).toBe(0);
  expect(await ledgerRowsOf(String(paul._id))).toBe(0);
  expect(await ledgerRowsOf(String(karl._id))).toBe(0);
  expect(await listMail({ to: `ohne-e-mail-${String(erna._id)}@invalid` })).toEqual([]);
  const actions = await AuditEntry.find({ organisationId: 'stadt-nuertingen' }).lean();
  expect(actions.filter((a) => a.action === 'event.registration.create')).toHaveLength(4);
  expect(actions.map((a) => a.action)).toEqual(
    expect.arrayContaining(['event.registration.promote', 'event.registration.cancel']),
  );
  await page.close();

  const phone = await newVisitor(browser, { phone: true, storageState: await desktop.storageState() });
  expect(
    await auditPage(
      browser,
      stack.url(`/konsole/veranstaltungen/${eventId}`),
      'konsole-telefon-anmeldung-liste',
      undefined,
      { desktop, phone },
    ),
  ).toEqual({ desktop: [], phone: [] });

  // A new venue is mailed to registrants; the page names whom the organiser has to tell.
  const edit = await desktop.newPage();
  await edit.goto(stack.url(`/konsole/veranstaltungen/${eventId}/bearbeiten`));
  await edit.getByLabel(/^Ort \(Name\)/).fill('Bürgertreff Roßdorf');
  await edit.getByRole('button', { name: 'Speichern' }).click();
  await edit.waitForURL(/erledigt=geaendert-anrufen/);
  await edit.getByText(/erfahren davon nur durch Sie: .*Karl Kurz \(0711 987654\)/).waitFor();
  await edit.close();

  // Cancelling the event: the confirmation names whom nobody can mail.
  const cancel = await desktop.newPage();
  await cancel.goto(stack.url(`/konsole/veranstaltungen/${eventId}/absagen`));
  await cancel.getByText(/keine E-Mail-Adresse und erfahren von der Absage nur durch Sie/).waitFor();
  await cancel.getByRole('listitem').filter({ hasText: 'Karl Kurz: 0711 987654' }).waitFor();
  await cancel.getByRole('listitem').filter({ hasText: 'Paul Post: Kirchstraße 3' }).waitFor();
  expect(await cancel.getByRole('listitem').filter({ hasText: 'Erna Ehrlich' }).count()).toBe(0);
  expect(await axeViolations(cancel)).toEqual([]);
  await cancel.close();

  // Once in English.
  const en = await desktop.newPage();
  await en.goto(stack.url(`/konsole/veranstaltungen/${eventId}/anmelden?lang=en`));
  await en.getByLabel(/^Phone/).waitFor();
  await en.getByLabel(/^Postal address/).waitFor();
  expect(await axeViolations(en)).toEqual([]);
  await en.close();
});
