import type { Browser, BrowserContext } from 'playwright-core';
import { AuditEntry } from '@qn/audit';
import { addressHash, suppressAddress } from '@qn/mail';
import { createList, Subscriber, subscriberIdOf, type NewsletterListDoc } from '@qn/newsletter';
import { auditPage, axeViolations, launchBrowser, newVisitor } from './support/browser';
import { signedInVisitor, startWebStack, type WebStack } from './support/web-stack';

/**
 * The office imports subscribers from a spreadsheet in the console: German column names,
 * labels and dates are understood, a preview names each row's problems in German before
 * anything is stored, consented imports need the office's word that the consents can be
 * proven, and the import skips suppressed and duplicated addresses, audited with counts only.
 */
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let admin: BrowserContext;
let list: NewsletterListDoc;
const ADMIN = 'import-admin@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startWebStack('webnlimport', { ADMIN_EMAIL: ADMIN }),
    launchBrowser(),
  ]);
  list = await createList({ name: 'Quartiersnetz aktuell', lang: 'de' });
  admin = await signedInVisitor(browser, stack, ADMIN);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const CSV = [
  'E-Mail;Name;Art;Kommune;Handlungsfelder;Einwilligung am',
  'anna.amsel@example.org;Anna Amsel;Verein;Nürtingen;Wohnen;01.10.2026',
  'bernd.buchfink@example.org;Bernd Buchfink;Wohlfahrtsverband;Esslingen am Neckar;"Mobilität, Beratung, Pflege und Unterstützung";15.09.2026',
  'kaputt;Kein Mensch;Verein;;;01.10.2026',
  'clara.zeisig@example.org;Clara Zeisig;Sportclub;Atlantis;;01.10.2026',
  'dora.drossel@example.org;Dora Drossel;kommune;nuertingen;;',
  'gesperrt.import@example.org;Gesa Sperling;Initiative;Köngen;;02.10.2026',
  'Anna.Amsel@example.org;Anna doppelt;Verein;Nürtingen;;01.10.2026',
].join('\n');

it('previews German labels with per-row errors, insists on proof of consent, and imports with counts', async () => {
  await suppressAddress('gesperrt.import@example.org', 'unsubscribed', stack.config.SECRET_KEY);
  const page = await admin.newPage();
  await page.goto(stack.url(`/konsole/newsletter/listen/${list._id}`));
  await page.getByRole('link', { name: 'Abonnements importieren (CSV)' }).click();
  await page.getByRole('heading', { name: 'Abonnements importieren: Quartiersnetz aktuell' }).waitFor();
  const form = await auditPage(browser, page.url(), 'konsole-newsletter-import', undefined, {
    desktop: admin,
    phone: await newVisitor(browser, { phone: true, storageState: await admin.storageState() }),
  });
  expect(form).toEqual({ desktop: [], phone: [] });

  // Nothing pasted: the summary names the field.
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(page.getByRole('alert').innerText()).resolves.toContain('CSV-Inhalt');

  // Consented without the office's confirmation of proof: refused, the text kept.
  await page.getByLabel(/^CSV-Inhalt/).fill(CSV);
  await page.getByLabel('Einwilligung liegt vor (mit Datum je Zeile)').check();
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(page.getByRole('alert').innerText()).resolves.toContain(
    'Bitte bestätigen Sie, dass die Einwilligungen nachweisbar vorliegen.',
  );
  await expect(page.getByLabel(/^CSV-Inhalt/).inputValue()).resolves.toContain('anna.amsel@example.org');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel(/Nachweis der Einwilligung/).check();
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await page.getByRole('heading', { name: 'Vorschau des Imports' }).waitFor();
  await page
    .getByText('7 Zeilen: 3 können importiert werden, 3 mit Fehlern, 1 doppelt in der Liste.')
    .waitFor();
  await page.getByText('Zeile 4: E-Mail-Adresse ungültig').waitFor();
  await page
    .getByText(/^Zeile 5: Kommune „Atlantis“ unbekannt; Art „Sportclub“ unbekannt \(erlaubt: Kommune, Verein/)
    .waitFor();
  await page.getByText('Zeile 6: Datum der Einwilligung fehlt oder ist ungültig (TT.MM.JJJJ)').waitFor();
  const bernd = page.getByRole('row', { name: /bernd\.buchfink/ });
  await expect(bernd.innerText()).resolves.toMatch(
    /Wohlfahrtsverband\s+Esslingen am Neckar\s+Mobilität, Beratung, Pflege und Unterstützung\s+15\. September 2026\s+wird importiert/,
  );
  expect(await Subscriber.countDocuments({ listId: list._id })).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  const importForm = page.locator('form[action*="/importieren/"]');
  const action = (await importForm.getAttribute('action'))!;
  const token = importForm.locator('input[type="hidden"]').first();
  const tokenField = { [(await token.getAttribute('name'))!]: (await token.getAttribute('value'))! };
  await page.getByRole('button', { name: 'Importieren' }).click();
  await page.getByRole('heading', { name: 'Ergebnis des Imports' }).waitFor();
  await page
    .getByText(
      'Importiert: 2 (2 bestätigt, 0 warten auf Bestätigung). Übersprungen: 0 schon eingetragen, 1 gesperrt, 1 doppelt, 3 mit Fehlern.',
    )
    .waitFor();
  expect(await axeViolations(page)).toEqual([]);

  const stored = await Subscriber.findById(
    subscriberIdOf(list._id, addressHash('bernd.buchfink@example.org', stack.config.SECRET_KEY)),
  ).lean();
  expect(stored).toMatchObject({
    name: 'Bernd Buchfink',
    status: 'confirmed',
    consent: { method: 'import', at: new Date(Date.UTC(2026, 8, 15)) },
    attributes: {
      actorType: 'wohlfahrt',
      municipality: 'esslingen-am-neckar',
      fieldsOfAction: ['mobilitaet', 'pflege'],
    },
  });
  expect(
    (await Subscriber.find({ listId: list._id }, { email: 1 }).lean()).map((s) => s.email).sort(),
  ).toEqual(['anna.amsel@example.org', 'bernd.buchfink@example.org']);
  const [entry] = await AuditEntry.find({ action: 'newsletter.subscribers.import' }).lean();
  expect(entry).toMatchObject({ objectId: list._id });
  expect(JSON.stringify(entry)).not.toContain('example.org');
  expect(JSON.stringify(entry)).toContain('created:2');

  // The preview was used up: sending the same button again imports nothing twice.
  const again = await page.request.post(stack.url(action), {
    form: tokenField,
    headers: { Origin: new URL(stack.url('/')).origin },
  });
  expect(again.status()).toBe(410);
  await expect(again.text()).resolves.toContain('Vorschau abgelaufen');
  expect(await Subscriber.countDocuments({ listId: list._id })).toBe(2);

  // Once in English.
  await page.goto(stack.url(`/konsole/newsletter/listen/${list._id}/importieren?lang=en`));
  await page.getByRole('heading', { name: 'Import subscribers: Quartiersnetz aktuell' }).waitFor();
  await page.close();
});
