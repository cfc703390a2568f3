import type { Browser, BrowserContext } from 'playwright-core';
import { AuditEntry } from '@qn/audit';
import { addressHash } from '@qn/mail';
import { createList, Segment, Subscriber, subscriberIdOf, type NewsletterListDoc } from '@qn/newsletter';
import { listMail, waitForMail } from '@qn/testing';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { signedInVisitor, startWebStack, type WebStack } from './support/web-stack';

/**
 * A segment made in the console (counted in words on the server), a campaign that targets it
 * with {{name}} in subject and text: an unknown placeholder is refused at save, the test send
 * and every recipient get their own name, someone without a name a plain "Guten Tag,", and
 * nobody outside the segment gets the issue.
 */
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let admin: BrowserContext;
let list: NewsletterListDoc;
const ADMIN = 'kampagne-admin@example.org';
const ANNA = 'anna.segment@example.org';
const BERND = 'bernd.segment@example.org';
const CLARA = 'clara.segment@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startWebStack('webnlcampaign', { ADMIN_EMAIL: ADMIN }),
    launchBrowser(),
  ]);
  list = await createList({ name: 'Quartiersbrief', lang: 'de' });
  const add = async (email: string, name: string | undefined, actorType: string, municipality: string) => {
    const hash = addressHash(email, stack.config.SECRET_KEY);
    await Subscriber.create({
      _id: subscriberIdOf(list._id, hash),
      listId: list._id,
      email,
      addressHash: hash,
      ...(name ? { name } : {}),
      lang: 'de',
      status: 'confirmed',
      consent: { at: new Date(), method: 'admin', textVersion: 'v1' },
      attributes: { actorType, municipality, fieldsOfAction: [] },
      confirmedAt: new Date(),
    });
  };
  await add(ANNA, 'Anna <Amsel>', 'verein', 'nuertingen');
  await add(BERND, undefined, 'verein', 'esslingen-am-neckar');
  await add(CLARA, 'Clara Zeisig', 'kommune', 'nuertingen');
  admin = await signedInVisitor(browser, stack, ADMIN);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('makes a segment with a live count and sends it a campaign with {{name}} filled per recipient', async () => {
  const page = await admin.newPage();
  await page.goto(stack.url(`/konsole/newsletter/listen/${list._id}`));
  await page.getByRole('link', { name: 'Segmente' }).click();
  await page.getByRole('link', { name: 'Neues Segment' }).click();
  await page.getByLabel(/^Name des Segments/).fill('Vereine');
  await page.getByLabel('Verein', { exact: true }).check();
  await page.getByRole('button', { name: 'Treffer zählen' }).click();
  await page.getByText('trifft 2 Abonnentinnen und Abonnenten').waitFor();
  expect(await Segment.countDocuments({ listId: list._id })).toBe(0);
  await page.getByLabel('Nürtingen', { exact: true }).check();
  await page.getByRole('button', { name: 'Treffer zählen' }).click();
  await page.getByText('trifft 1 Abonnentin oder Abonnenten').waitFor();
  await page.getByLabel('Nürtingen', { exact: true }).uncheck();
  await page.getByRole('button', { name: 'Speichern' }).click();
  await page.getByText('Das Segment ist angelegt.').waitFor();
  await page.getByText('trifft 2 Abonnentinnen und Abonnenten').waitFor();
  const segment = (await Segment.findOne({ listId: list._id }).lean())!;
  expect(segment.filter).toEqual({ actorTypes: ['verein'], municipalities: [], fieldsOfAction: [] });
  const segmentPage = await auditPage(
    browser,
    stack.url(`/konsole/newsletter/segmente/${segment._id}`),
    'konsole-newsletter-segment',
    undefined,
    {
      desktop: admin,
      phone: await newVisitor(browser, { phone: true, storageState: await admin.storageState() }),
    },
  );
  expect(segmentPage).toEqual({ desktop: [], phone: [] });

  // Compose: an unknown placeholder is refused at save, naming it and the allowed one.
  await page.goto(stack.url('/konsole/newsletter/kampagnen/neu'));
  await page.getByLabel(/^Interner Name/).fill('Einladung Vereine');
  await page.getByLabel(/^Betreff/).fill('Neues für {{vorname}}');
  await page.getByLabel('Quartiersbrief', { exact: true }).check();
  await page.getByLabel(/^Segment/).selectOption({ label: 'Quartiersbrief – Vereine' });
  await page.getByLabel(/^Text/).fill('Guten Tag {{name}},\n\ndas Quartier lädt ein.');
  await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
  await expect(page.getByRole('alert').innerText()).resolves.toContain(
    'Der Platzhalter {{vorname}} ist unbekannt; erlaubt ist {{name}}.',
  );
  await expect(page.getByLabel(/^Betreff/).getAttribute('aria-invalid')).resolves.toBe('true');
  await page.getByLabel(/^Betreff/).fill('Neues für {{name}}');
  await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
  await page.getByText('Der Entwurf ist angelegt.').waitFor();
  await expect(page.getByLabel(/^Segment/).inputValue()).resolves.toBe(segment._id);

  // The test send to a subscriber's address fills that subscriber's name, escaped.
  await page.getByLabel(/Test an/).fill(ANNA);
  await page.getByRole('button', { name: 'Test senden' }).click();
  const [test] = await waitForMail({ to: ANNA, subject: '[TEST] Neues für Anna <Amsel>' });
  expect(test!.text).toContain('Guten Tag Anna <Amsel>,');
  expect(test!.html).toContain('Guten Tag Anna &lt;Amsel&gt;,');

  await page.getByRole('button', { name: 'Versand planen' }).click();
  await page.getByText('Der Versand ist geplant.').waitFor();
  await page.locator('[data-status]').getByText('Gesendet', { exact: true }).waitFor({ timeout: 60_000 });
  await expect(page.locator('[data-figures]').textContent()).resolves.toContain('2 von 2 gesendet');

  const [anna] = await waitForMail({ to: ANNA, subject: 'Neues für Anna <Amsel>' });
  expect(anna!.text).toContain('Guten Tag Anna <Amsel>,');
  expect(anna!.text).not.toContain('{{');
  const [bernd] = await waitForMail({ to: BERND, subject: 'Neues für' });
  expect(bernd!.text).toContain('Guten Tag,\n');
  expect(bernd!.text).not.toContain('{{');
  // Sent means every delivery is recorded: Clara is outside the segment and got nothing.
  expect(await listMail({ to: CLARA })).toEqual([]);

  // The campaign is sent, so the segment may go; deleting asks first.
  await page.goto(stack.url(`/konsole/newsletter/segmente/${segment._id}`));
  await page.getByRole('link', { name: 'Löschen' }).click();
  await page.getByRole('button', { name: 'Segment löschen' }).click();
  await page.getByText('Das Segment ist gelöscht.').waitFor();
  expect(await Segment.countDocuments({ listId: list._id })).toBe(0);
  const actions = (await AuditEntry.find({ objectId: segment._id }).lean()).map((a) => a.action).sort();
  expect(actions).toEqual(['newsletter.segment.create', 'newsletter.segment.delete']);

  // Once in English.
  await page.goto(stack.url(`/konsole/newsletter/listen/${list._id}/segmente/neu?lang=en`));
  await page.getByRole('heading', { name: 'New segment' }).waitFor();
  await page.getByRole('button', { name: 'Count matches' }).waitFor();
  await page.close();
});
