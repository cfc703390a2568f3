import type { Browser, BrowserContext } from 'playwright-core';
import { AuditEntry } from '@qn/audit';
import { MailLedger } from '@qn/mail';
import { Registration, createEvent, eventsDepsOf, publishEvent } from '@qn/events';
import { waitForMail } from '@qn/testing';
import { auditPage, axeViolations, launchBrowser, newVisitor } from './support/browser';
import { ensureOrganiser, signedInVisitor, startWebStack, type WebStack } from './support/web-stack';
import { eventFields } from '../events/events-fixtures';

/**
 * An organiser pastes an attendee list from Excel: the preview shows each row as it would be
 * registered and the bad ones with their reasons, nothing stored; "Importieren" registers the
 * good rows (mails go to those with an address), and the same list again registers nobody twice.
 */
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let desktop: BrowserContext;
const ORGANISER = 'liste-import@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webimport'), launchBrowser()]);
  await ensureOrganiser(ORGANISER, { id: 'stadt-nuertingen', name: 'Stadt Nürtingen – Seniorenbüro' });
  desktop = await signedInVisitor(browser, stack, ORGANISER);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const CSV = [
  '\uFEFFName;E-Mail;Organisation;Telefon;Begleitung',
  'Anna Amsel;anna.amsel@example.org;Seniorenrat;;1',
  'Bruno Bach;;;0711 123456;0',
  'Carla Cello;keine-adresse;;;0',
  'Dieter Dur;;;;0',
  'Frieda Fink;frieda.fink@example.org;;;0',
].join('\r\n');

it('previews with row errors, imports only the good rows, and reports them as known the second time', async () => {
  const deps = eventsDepsOf(stack.aio.rt);
  const event = await createEvent(deps, {
    ...eventFields({ capacity: 3, maxCompanions: 1 }),
    organisationId: 'stadt-nuertingen',
  });
  const eventId = String(event._id);
  await publishEvent(deps, { eventId });
  const page = await desktop.newPage();
  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}`));
  await page.getByRole('link', { name: 'Teilnehmende importieren (CSV)' }).click();

  // A list without a name column is refused as a whole, beside the field.
  await page.getByLabel(/^CSV-Inhalt/).fill('Vorname;Mail\nAnna;anna@example.org');
  await page.getByLabel(/^Alle aufgeführten Personen/).check();
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await page.getByRole('heading', { name: /korrigieren/ }).waitFor();
  await expect(page.getByLabel(/^CSV-Inhalt/).getAttribute('aria-invalid')).resolves.toBe('true');
  expect(await axeViolations(page)).toEqual([]);

  const preview = async (p: typeof page) => {
    await p.goto(stack.url(`/konsole/veranstaltungen/${eventId}/importieren`));
    await p.getByLabel(/^CSV-Inhalt/).fill(CSV);
    await p.getByLabel(/^Alle aufgeführten Personen/).check();
    await p.getByRole('button', { name: 'Vorschau anzeigen' }).click();
    await p.getByRole('heading', { name: 'Vorschau des Imports', level: 1 }).waitFor();
  };
  await preview(page);
  // A second tab with the same list, imported after the first: a double import.
  const twin = await desktop.newPage();
  await preview(twin);
  await page.getByText('Zeile 4: E-Mail-Adresse ungültig').waitFor();
  await page.getByText('Zeile 5: E-Mail-Adresse, Telefonnummer oder Anschrift fehlt').waitFor();
  await page.getByText('2 bestätigt, 1 auf der Warteliste, 0 schon angemeldet, 2 mit Fehlern.').waitFor();
  expect(await axeViolations(page)).toEqual([]);
  expect(await Registration.countDocuments({ eventId })).toBe(0);

  await page.getByRole('button', { name: 'Importieren' }).click();
  await page.getByRole('heading', { name: 'Ergebnis des Imports', level: 1 }).waitFor();
  await page.getByText(/Importiert: 2 bestätigt, 1 auf der Warteliste/).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  const stored = await Registration.find({ eventId }).lean();
  expect(stored.map((r) => [r.name, r.status, r.source]).sort()).toEqual([
    ['Anna Amsel', 'confirmed', 'import'],
    ['Bruno Bach', 'confirmed', 'import'],
    ['Frieda Fink', 'waitlisted', 'import'],
  ]);
  await waitForMail({ to: 'anna.amsel@example.org', subject: 'Anmeldung bestätigt' });
  await waitForMail({ to: 'frieda.fink@example.org', subject: 'Warteliste' });
  const bruno = stored.find((r) => r.name === 'Bruno Bach')!;
  expect(await MailLedger.countDocuments({ _id: new RegExp(`:${String(bruno._id)}:`) })).toBe(0);
  const audits = await AuditEntry.find({ action: 'event.attendees.import', objectId: eventId }).lean();
  expect(audits).toHaveLength(1);
  expect(audits[0]!.fields).toEqual(['rows:5', 'registered:3', 'existing:0', 'rejected:2']);

  // The twin tab's import of the same list: everyone good is known, nobody registered twice.
  await twin.getByRole('button', { name: 'Importieren' }).click();
  await twin.getByRole('heading', { name: 'Ergebnis des Imports', level: 1 }).waitFor();
  await twin.getByText(/Importiert: 0 bestätigt, 0 auf der Warteliste. 3 schon angemeldet/).waitFor();
  await twin.getByRole('cell', { name: 'schon angemeldet' }).first().waitFor();
  expect(await Registration.countDocuments({ eventId })).toBe(3);
  await twin.close();

  // A fresh preview says so before anything is done, and offers nothing to import.
  await preview(page);
  await page.getByText('0 bestätigt, 0 auf der Warteliste, 3 schon angemeldet, 2 mit Fehlern.').waitFor();
  await page.getByText('Keine Zeile kann importiert werden.').waitFor();
  expect(await page.getByRole('button', { name: 'Importieren' }).count()).toBe(0);
  await page.close();

  const phone = await newVisitor(browser, { phone: true, storageState: await desktop.storageState() });
  expect(
    await auditPage(
      browser,
      stack.url(`/konsole/veranstaltungen/${eventId}/importieren`),
      'konsole-teilnehmende-importieren',
      undefined,
      { desktop, phone },
    ),
  ).toEqual({ desktop: [], phone: [] });

  // Once in English, up to the preview.
  const en = await desktop.newPage();
  await en.goto(stack.url(`/konsole/veranstaltungen/${eventId}/importieren?lang=en`));
  await en.getByRole('heading', { name: 'Import attendees' }).waitFor();
  await en.getByLabel(/^CSV content/).fill(CSV);
  await en.getByLabel(/^Everyone listed agreed/).check();
  await en.getByRole('button', { name: 'Show preview' }).click();
  await en.getByText('Row 4: E-mail address invalid').waitFor();
  expect(await axeViolations(en)).toEqual([]);
  await en.close();
});
