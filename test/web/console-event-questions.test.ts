import type { Browser, BrowserContext } from 'playwright-core';
import { AuditEntry } from '@qn/audit';
import { Event, Registration, createEvent, eventsDepsOf, publishEvent } from '@qn/events';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { ensureOrganiser, signedInVisitor, startWebStack, type WebStack } from './support/web-stack';
import { eventFields } from '../events/events-fixtures';

/**
 * Registration questions from end to end: the organiser sets them on their own page (a bad
 * one comes back beside its row), saving the event form keeps them, a person answers them on
 * the public page (a required one left open comes back beside it, nothing stored), and the
 * organiser reads the answers in the attendee list and the CSV export.
 */
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let desktop: BrowserContext;
const ORGANISER = 'fragen@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webquest'), launchBrowser()]);
  await ensureOrganiser(ORGANISER, { id: 'stadt-nuertingen', name: 'Stadt Nürtingen – Seniorenbüro' });
  desktop = await signedInVisitor(browser, stack, ORGANISER);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('asks the questions at registration and shows the answers in the list and the export', async () => {
  const deps = eventsDepsOf(stack.aio.rt);
  const event = await createEvent(deps, {
    ...eventFields({ capacity: 10, maxCompanions: 0 }),
    organisationId: 'stadt-nuertingen',
  });
  const eventId = String(event._id);
  await publishEvent(deps, { eventId });

  const page = await desktop.newPage();
  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}`));
  await page.getByRole('link', { name: 'Anmeldefragen' }).click();
  await page.getByText('Gesundheitsangaben und andere besonders geschützte Daten').waitFor();
  await page.locator('#f-q0_label').fill('Welche Arbeitsgruppe möchten Sie besuchen?');
  await page.locator('#f-q0_type').selectOption('choice');
  await page.locator('#f-q0_options').fill('Wohnen');
  await page.locator('#f-q0_required').check();
  await page.locator('#f-q1_label').fill('Essen Sie mit?');
  await page.locator('#f-q1_type').selectOption('yesno');
  await page.locator('#f-q1_required').check();
  await page.locator('#f-q2_label').fill('Ihre Frage an das Podium');
  await page.getByRole('button', { name: 'Fragen speichern' }).click();
  // One option is not a choice: the row's field says so, nothing is saved.
  await expect(page.locator('#f-q0_options').getAttribute('aria-invalid')).resolves.toBe('true');
  await page.locator('#f-q0_options-error').getByText('2 bis 10').waitFor();
  await expect(page.locator('#f-q1_label').inputValue()).resolves.toBe('Essen Sie mit?');
  expect((await Event.findById(eventId).lean())!.questions).toBeUndefined();

  await page.locator('#f-q0_options').fill('Wohnen\nMobilität');
  await page.getByRole('button', { name: 'Fragen speichern' }).click();
  await page.waitForURL(/fragen\?erledigt=gespeichert/);
  await page.getByText('Die Anmeldefragen wurden gespeichert.').waitFor();
  const saved = (await Event.findById(eventId).lean())!.questions!;
  expect(saved.map((q) => [q.label, q.type, q.required])).toEqual([
    ['Welche Arbeitsgruppe möchten Sie besuchen?', 'choice', true],
    ['Essen Sie mit?', 'yesno', true],
    ['Ihre Frage an das Podium', 'text', false],
  ]);
  expect(await AuditEntry.countDocuments({ action: 'event.questions.update', objectId: eventId })).toBe(1);

  // Saving the event form, which does not show the questions, keeps them.
  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}/bearbeiten`));
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await page.waitForURL(/erledigt=gespeichert/);
  expect((await Event.findById(eventId).lean())!.questions).toEqual(saved);

  const questionViolations = await auditPage(
    browser,
    stack.url(`/konsole/veranstaltungen/${eventId}/fragen`),
    'konsole-anmeldefragen',
    undefined,
    {
      desktop,
      phone: await newVisitor(browser, { phone: true, storageState: await desktop.storageState() }),
    },
  );
  expect(questionViolations).toEqual({ desktop: [], phone: [] });

  // A person registers and leaves the required yes/no question open first.
  const visitor = await newVisitor(browser);
  const pub = await visitor.newPage();
  await pub.goto(stack.url(`/veranstaltungen/${eventId}`));
  await pub.getByLabel(/^Name/).fill('Erika Mustermann');
  await pub.getByLabel(/^E-Mail/).fill('erika.fragen@example.org');
  await pub.getByRole('radio', { name: 'Mobilität' }).check();
  await pub.locator('input[name=consent]').check();
  await pub.getByRole('button', { name: 'Verbindlich anmelden' }).click();
  const summary = pub.locator('.error-summary');
  await summary.getByRole('link', { name: /Essen Sie mit\?/ }).waitFor();
  const lunchId = saved[1]!.id;
  await pub.locator(`#f-answer_${lunchId}-error`).waitFor();
  await expect(pub.getByRole('radio', { name: 'Mobilität' }).isChecked()).resolves.toBe(true);
  expect(await Registration.countDocuments({ eventId })).toBe(0);
  const publicViolations = await auditPage(
    browser,
    stack.url(`/veranstaltungen/${eventId}`),
    'anmeldefragen',
  );
  expect(publicViolations).toEqual({ desktop: [], phone: [] });

  await pub.getByRole('radio', { name: 'Nein' }).check();
  await pub.getByLabel(/^Ihre Frage an das Podium/).fill('Wie kommt man ohne Auto hin?');
  await pub.getByRole('button', { name: 'Verbindlich anmelden' }).click();
  await pub
    .getByRole('heading', { name: /Anmeldung/ })
    .first()
    .waitFor();
  const stored = await Registration.find({ eventId }).lean();
  expect(stored).toHaveLength(1);
  expect(stored[0]!.answers!.map((a) => a.value)).toEqual([
    'Mobilität',
    'no',
    'Wie kommt man ohne Auto hin?',
  ]);

  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}`));
  await page.getByRole('columnheader', { name: 'Antworten' }).waitFor();
  await page.getByText('Welche Arbeitsgruppe möchten Sie besuchen?: Mobilität').waitFor();
  await page.getByText('Essen Sie mit?: Nein').waitFor();
  const csv = await desktop.request.get(stack.url(`/konsole/veranstaltungen/${eventId}/teilnehmende.csv`));
  const [header, row] = (await csv.text()).split('\r\n');
  expect(header).toMatch(
    /;Welche Arbeitsgruppe möchten Sie besuchen\?;Essen Sie mit\?;Ihre Frage an das Podium$/,
  );
  expect(row).toMatch(/^Erika Mustermann;.*;Mobilität;nein;Wie kommt man ohne Auto hin\?$/);

  // English once.
  await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}/fragen?lang=en`));
  await page.getByRole('heading', { name: /^Registration questions:/ }).waitFor();
  await page.getByText('Ask only what the event really needs.').waitFor();
  await page.close();
  await visitor.close();
});
