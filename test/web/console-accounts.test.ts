import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AuditEntry } from '@qn/audit';
import { Account, Organisation } from '@qn/auth';
import { createEvent, eventsDepsOf, publishEvent } from '@qn/events';
import { listMail, waitForMail } from '@qn/testing';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { linkFromMail, signInInBrowser, startWebStack, type WebStack } from './support/web-stack';
import { eventFields } from '../events/events-fixtures';

/**
 * The office sets up the network from the console alone: creates and renames an organisation,
 * invites a person by mail as a viewer, who signs in with the invitation's link and may read
 * but not change; gives them the organiser role and a second organisation; deactivates the
 * organisation, then the account, and removes it. Every change is audited.
 */
jest.setTimeout(300_000);

const ADMIN = 'konten-admin@example.org';
const PERSON = 'ilse.invite@example.org';
let stack: WebStack;
let browser: Browser;
let office: BrowserContext;
let admin: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startWebStack('webaccounts', { ADMIN_EMAIL: ADMIN }),
    launchBrowser(),
  ]);
  office = await newVisitor(browser);
  admin = await office.newPage();
  await signInInBrowser(admin, stack, ADMIN);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const actions = async () => (await AuditEntry.find().lean()).map((a) => a.action);

/** Follows the link of the newest invitation mail, as the invited person would. */
async function acceptInvitation(page: Page, email: string, after: number): Promise<void> {
  const link = new URL(await linkFromMail(email, '/anmelden/link', { after }));
  await page.goto(stack.url(link.pathname + link.search));
  await page.getByRole('button', { name: 'Jetzt anmelden' }).click();
  await page.waitForURL(/\/konsole$/);
}

it('creates, checks and renames an organisation', async () => {
  await admin.goto(stack.url('/konsole'));
  await admin.getByRole('link', { name: 'Organisationen' }).click();
  await admin.getByRole('heading', { name: 'Neue Organisation' }).waitFor();

  // Nothing entered: the error names the field, nothing is stored.
  await admin.getByRole('button', { name: 'Organisation anlegen' }).click();
  await admin.getByRole('heading', { name: /korrigieren/ }).waitFor();
  await expect(admin.getByLabel(/^Name/).getAttribute('aria-invalid')).resolves.toBe('true');
  expect(await Organisation.countDocuments()).toBe(0);

  await admin.getByLabel(/^Name/).fill('Seniorenrat Wendlingen');
  await admin.getByLabel(/^Art/).selectOption({ label: 'Verein' });
  await admin.getByLabel(/^Kommune/).selectOption({ label: 'Wendlingen am Neckar' });
  await admin.getByRole('button', { name: 'Organisation anlegen' }).click();
  await admin.getByText('Die Organisation ist angelegt.').waitFor();
  expect(await Organisation.findById('seniorenrat-wendlingen').lean()).toMatchObject({
    name: 'Seniorenrat Wendlingen',
    actorType: 'verein',
    municipality: 'wendlingen-am-neckar',
  });

  // The same name again is refused beside the field.
  await admin.goto(stack.url('/konsole/organisationen'));
  await admin.getByLabel(/^Name/).fill('Seniorenrat  Wendlingen');
  await admin.getByLabel(/^Art/).selectOption({ label: 'Verein' });
  await admin.getByRole('button', { name: 'Organisation anlegen' }).click();
  await admin.getByRole('link', { name: /gibt es schon/ }).waitFor();

  await admin.goto(stack.url('/konsole/organisationen/seniorenrat-wendlingen'));
  await admin.getByLabel(/^Name/).fill('Seniorenrat Wendlingen e. V.');
  await admin.getByRole('button', { name: 'Speichern' }).click();
  await admin.getByText('Die Änderungen sind gespeichert.').waitFor();
  expect((await Organisation.findById('seniorenrat-wendlingen').lean())!.name).toBe(
    'Seniorenrat Wendlingen e. V.',
  );
  const renamed = await AuditEntry.findOne({ action: 'organisation.update' }).lean();
  expect(renamed).toMatchObject({ objectId: 'seniorenrat-wendlingen', fields: ['name'] });

  await Organisation.create({ _id: 'stadt-plochingen', name: 'Stadt Plochingen', actorType: 'kommune' });
  expect(
    await auditPage(browser, stack.url('/konsole/organisationen'), 'konsole-organisationen', undefined, {
      desktop: office,
      phone: await newVisitor(browser, { phone: true, storageState: await office.storageState() }),
    }),
  ).toEqual({ desktop: [], phone: [] });
});

it('invites a viewer by mail, who reads but changes nothing, then organises two organisations', async () => {
  const deps = eventsDepsOf(stack.aio.rt);
  const event = await createEvent(deps, {
    ...eventFields({ capacity: 5 }),
    organisationId: 'seniorenrat-wendlingen',
  });
  const eventId = String(event._id);
  await publishEvent(deps, { eventId });

  await admin.goto(stack.url('/konsole/konten'));
  // An organiser or viewer needs an organisation.
  await admin.getByLabel(/^E-Mail-Adresse/).fill(PERSON);
  await admin.getByLabel('Nur ansehen').check();
  await admin.getByRole('button', { name: 'Einladung senden' }).click();
  await admin.getByRole('link', { name: /Bitte wählen Sie die Organisation/ }).waitFor();
  expect(await Account.countDocuments({ email: PERSON })).toBe(0);

  await admin.getByLabel(/^Name/).fill('Ilse Invite');
  await admin.getByLabel(/^Organisation/).selectOption({ label: 'Seniorenrat Wendlingen e. V.' });
  await admin.getByRole('button', { name: 'Einladung senden' }).click();
  await admin.getByText('Die Einladung ist unterwegs.').waitFor();
  const mail = (await waitForMail({ to: PERSON, subject: 'Einladung in die Konsole von Quartiersnetz' }))[0]!;
  expect(mail.text).toContain('Seniorenrat Wendlingen e. V.');
  expect(mail.text).toContain('Nur ansehen');

  const personCtx = await newVisitor(browser);
  const person = await personCtx.newPage();
  await acceptInvitation(person, PERSON, 0);
  expect((await Account.findOne({ email: PERSON }).lean())!.lastSignInAt).toBeDefined();

  // A viewer: the event, its attendees and the export, but no button that changes anything.
  await person.goto(stack.url(`/konsole/veranstaltungen/${eventId}`));
  await person.getByRole('heading', { name: event.title }).waitFor();
  expect(await person.getByRole('link', { name: 'Bearbeiten' }).count()).toBe(0);
  expect(await person.getByRole('link', { name: 'Jemanden anmelden' }).count()).toBe(0);
  const csv = await person.request.get(stack.url(`/konsole/veranstaltungen/${eventId}/teilnehmende.csv`));
  expect(csv.status()).toBe(200);
  expect((await person.goto(stack.url(`/konsole/veranstaltungen/${eventId}/bearbeiten`)))!.status()).toBe(
    403,
  );
  expect((await person.goto(stack.url('/konsole/konten')))!.status()).toBe(403);
  expect((await person.goto(stack.url('/konsole/organisationen')))!.status()).toBe(403);

  // The admin makes the viewer an organiser there, and adds a second organisation.
  const accountId = String((await Account.findOne({ email: PERSON }).lean())!._id);
  await admin.goto(stack.url(`/konsole/konten/${accountId}`));
  await admin.getByRole('button', { name: 'Rolle ändern: Organisieren' }).click();
  await admin.getByText('Die Änderung ist gespeichert.').waitFor();
  await admin.getByLabel(/^Organisation/).selectOption({ label: 'Stadt Plochingen' });
  await admin.getByLabel(/^Zugang/).selectOption({ label: 'Organisieren' });
  await admin.getByRole('button', { name: 'Hinzufügen' }).click();
  await admin.getByText('Die Änderung ist gespeichert.').waitFor();
  expect((await Account.findById(accountId).lean())!.memberships).toEqual([
    { organisationId: 'seniorenrat-wendlingen', role: 'organiser' },
    { organisationId: 'stadt-plochingen', role: 'organiser' },
  ]);

  await person.goto(stack.url(`/konsole/veranstaltungen/${eventId}`));
  await person.getByRole('link', { name: 'Bearbeiten' }).waitFor();
  // With two organisations the new-event form asks which one.
  await person.goto(stack.url('/konsole/veranstaltungen/neu'));
  const options = await person
    .getByLabel(/^Organisation/)
    .locator('option')
    .allTextContents();
  expect(options).toEqual(expect.arrayContaining(['Seniorenrat Wendlingen e. V.', 'Stadt Plochingen']));

  // Deactivated, the organisation's events stay readable to its members but not changeable.
  await admin.goto(stack.url('/konsole/organisationen/seniorenrat-wendlingen'));
  await admin.getByRole('link', { name: 'Organisation deaktivieren' }).click();
  await admin.getByRole('button', { name: 'Organisation deaktivieren' }).click();
  await admin.getByText('Die Organisation ist deaktiviert.').waitFor();
  await person.goto(stack.url(`/konsole/veranstaltungen/${eventId}`));
  await person.getByRole('heading', { name: event.title }).waitFor();
  expect(await person.getByRole('link', { name: 'Bearbeiten' }).count()).toBe(0);
  expect((await person.goto(stack.url(`/konsole/veranstaltungen/${eventId}/bearbeiten`)))!.status()).toBe(
    403,
  );

  // Deactivating the account signs the person out at once; removing it needs a confirmation.
  await admin.goto(stack.url(`/konsole/konten/${accountId}`));
  await admin.getByRole('link', { name: 'Konto deaktivieren' }).click();
  await admin.getByRole('button', { name: 'Konto deaktivieren' }).click();
  await admin.getByText('Das Konto ist deaktiviert.').waitFor();
  await person.goto(stack.url('/konsole'));
  await person.waitForURL(/\/anmelden$/);
  await admin.getByRole('link', { name: 'Konto entfernen' }).click();
  await admin.getByRole('button', { name: 'Konto entfernen' }).click();
  await admin.getByText('Das Konto ist entfernt.').waitFor();
  expect(await Account.countDocuments({ email: PERSON })).toBe(0);

  expect(await actions()).toEqual(
    expect.arrayContaining([
      'organisation.create',
      'organisation.deactivate',
      'account.invite',
      'account.membership.set',
      'account.deactivate',
      'account.remove',
    ]),
  );
  // The audit log keeps ids, never the invited address.
  expect(JSON.stringify(await AuditEntry.find().lean())).not.toContain(PERSON);
  await personCtx.close();
});

it('keeps the last admin, and speaks English when asked', async () => {
  const self = String((await Account.findOne({ email: ADMIN }).lean())!._id);
  await admin.goto(stack.url(`/konsole/konten/${self}`));
  expect(await admin.getByRole('link', { name: 'Konto entfernen' }).count()).toBe(0);
  const [answer] = await Promise.all([
    admin.waitForResponse((r) => r.url().endsWith('/admin') && r.request().method() === 'POST'),
    admin.getByRole('button', { name: 'Administrationsrechte entziehen' }).click(),
  ]);
  expect(answer.status()).toBe(409);
  await admin.getByText(/letzte aktive Admin-Konto/).waitFor();
  expect((await Account.findById(self).lean())!.role).toBe('admin');

  const before = (await listMail({ to: 'second.admin@example.org' })).length;
  await admin.goto(stack.url('/konsole/konten?lang=en'));
  await admin.getByRole('heading', { name: 'Invite a person' }).waitFor();
  await admin.getByLabel(/^Email address/).fill('second.admin@example.org');
  await admin.getByLabel('Administration (coordination office)').check();
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await admin.getByText('The invitation is on its way.').waitFor();
  await waitForMail(
    { to: 'second.admin@example.org', subject: 'Invitation to the Quartiersnetz console' },
    { count: before + 1 },
  );
  expect(
    await auditPage(browser, stack.url('/konsole/konten?lang=en'), 'konsole-konten-en', undefined, {
      desktop: office,
      phone: await newVisitor(browser, { phone: true, storageState: await office.storageState() }),
    }),
  ).toEqual({ desktop: [], phone: [] });
  await admin.goto(stack.url('/konsole?lang=de'));
});
