import type { Browser } from 'playwright-core';
import { createProgramme, Programme, publishProgramme, Subscription } from '@qn/funding';
import { waitForMail } from '@qn/testing';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { signInInBrowser, startWebStack, type WebStack } from './support/web-stack';

/**
 * Funding pages in the browser: search with filters and detail; alerts: subscribe, confirm by
 * the mailed link, change filters, unsubscribe; axe on each page.
 */
// A real browser on a machine shared with other test runs: axe over several pages at two widths
// takes a while. A budget, not a timing assertion.
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let programmeId: string;
const EMAIL = 'alerts-browser@example.org';
const ADMIN = 'funding-admin@example.org';

function nextYear(monthDay: string): string {
  return `${new Date().getUTCFullYear() + 1}-${monthDay}`;
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startWebStack('webfunding', { ADMIN_EMAIL: ADMIN }),
    launchBrowser(),
  ]);
  const p = await createProgramme({
    input: {
      title: 'Quartiersimpulse',
      provider: 'land',
      providerName: 'Ministerium für Soziales, Gesundheit und Integration',
      summary: 'Förderung von Beteiligungsprozessen in Quartieren.',
      fieldsOfAction: ['teilhabe', 'engagement'],
      applicantTypes: ['kommune', 'verein'],
      region: { scope: 'state' },
      amount: { max: 100_000 },
      deadlines: [nextYear('03-31')],
      links: [{ label: 'Allianz für Beteiligung', url: 'https://allianz-fuer-beteiligung.de' }],
    },
  });
  programmeId = p._id;
  await publishProgramme({ id: programmeId, producer: stack.aio.rt.producer });
  await createProgramme({
    input: {
      title: 'Digitalisierung im Ehrenamt',
      provider: 'stiftung',
      providerName: 'Stiftung Digital',
      summary: 'Geräte und Schulungen für Vereine.',
      fieldsOfAction: ['digitalisierung'],
      applicantTypes: ['verein'],
      region: { scope: 'county' },
      rolling: true,
      links: [{ label: 'Stiftung', url: 'https://example.org/stiftung' }],
    },
  }).then((d) => publishProgramme({ id: d._id, producer: stack.aio.rt.producer }));
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('funding pages', () => {
  it('searches and filters programmes without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(stack.url('/foerderprogramme'));
    await page.getByLabel('Fördergeber').selectOption({ label: 'Stiftung' });
    await page.getByRole('button', { name: 'Filtern' }).click();
    await expect(
      page.getByRole('heading', { level: 2, name: 'Digitalisierung im Ehrenamt' }).count(),
    ).resolves.toBe(1);
    await expect(page.getByRole('heading', { level: 2, name: 'Quartiersimpulse' }).count()).resolves.toBe(0);
    await page.goto(stack.url('/foerderprogramme?q=Beteiligung'));
    await page.getByRole('link', { name: 'Quartiersimpulse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quartiersimpulse' }).waitFor();
    const google = await page.getByRole('link', { name: 'Google Kalender' }).getAttribute('href');
    expect(google).toContain('calendar.google.com');
    await ctx.close();
  });

  it('subscribes, confirms, changes the filters and unsubscribes', async () => {
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    await page.goto(stack.url('/foerderprogramme/benachrichtigungen'));
    await page.getByLabel(/^E-Mail-Adresse/).fill(EMAIL);
    await page.getByRole('group', { name: 'Handlungsfelder' }).getByLabel('Wohnen').check();
    await page.getByLabel('Stichwörter').fill('Pflege, Nachbarschaft');
    await page.getByLabel(/Ich möchte vom Landratsamt/).check();
    await page.getByRole('button', { name: 'Benachrichtigungen bestellen' }).click();
    await page.getByRole('heading', { name: 'Bitte bestätigen Sie Ihre Anmeldung' }).waitFor();

    const [mail] = await waitForMail({ to: EMAIL, subject: 'Bitte bestätigen' });
    // The mail links this page itself, not the API's.
    const confirm = new URL(
      /https?:\/\/\S+\/foerderprogramme\/benachrichtigungen\/bestaetigen\/[A-Za-z0-9_-]{43}/.exec(
        mail!.text,
      )![0],
    ).pathname;
    // Opening the link changes nothing, so axe can look at the page first.
    const confirmPage = await auditPage(browser, stack.url(confirm), 'benachrichtigungen-bestaetigen');
    expect(confirmPage).toEqual({ desktop: [], phone: [] });
    await page.goto(stack.url(confirm));
    await page.getByRole('button', { name: 'Ja, Anmeldung bestätigen' }).click();
    await page.getByRole('heading', { name: 'Anmeldung bestätigt' }).waitFor();
    expect((await Subscription.findOne({ email: EMAIL }).lean())!.status).toBe('confirmed');

    await page.getByRole('link', { name: 'Auswahl ändern' }).click();
    const fields = page.getByRole('group', { name: 'Handlungsfelder' });
    await expect(fields.getByLabel('Wohnen').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Stichwörter').inputValue()).resolves.toBe('pflege, nachbarschaft');
    await fields.getByLabel('Mobilität').check();
    await page.getByLabel('Einmal pro Woche als Zusammenfassung').check();
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.getByText('Ihre Auswahl ist gespeichert.').waitFor();
    const changed = (await Subscription.findOne({ email: EMAIL, status: 'confirmed' }).lean())!;
    expect(changed.match.fieldsOfAction.sort()).toEqual(['mobilitaet', 'wohnen']);
    expect(changed.frequency).toBe('weekly');

    const managePage = await auditPage(browser, page.url(), 'benachrichtigungen-verwalten');
    expect(managePage).toEqual({ desktop: [], phone: [] });
    await page.getByRole('button', { name: 'Abbestellen' }).click();
    await page.getByText('Sie sind abgemeldet').waitFor();
    expect((await Subscription.findById(changed._id).lean())!.status).toBe('unsubscribed');
    await ctx.close();
  });

  it('shows an invalid link as such', async () => {
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    const res = await page.goto(
      stack.url(`/foerderprogramme/benachrichtigungen/verwalten/${'x'.repeat(43)}`),
    );
    expect(res!.status()).toBe(404);
    await page.getByRole('heading', { name: 'Link ungültig' }).waitFor();
    await ctx.close();
  });

  it('passes axe on list, detail, sign-up (also with errors) and the English list', async () => {
    const results = [
      await auditPage(browser, stack.url('/foerderprogramme'), 'foerderprogramme'),
      await auditPage(browser, stack.url(`/foerderprogramme/${programmeId}`), 'foerderprogramm'),
      await auditPage(browser, stack.url('/foerderprogramme/benachrichtigungen'), 'benachrichtigungen'),
      await auditPage(
        browser,
        stack.url('/foerderprogramme/benachrichtigungen'),
        'benachrichtigungen-fehler',
        async (page) => {
          await page.getByLabel(/^E-Mail-Adresse/).fill('falsch');
          await page.getByRole('button', { name: 'Benachrichtigungen bestellen' }).click();
          await page.getByRole('heading', { name: /korrigieren/ }).waitFor();
        },
      ),
      await auditPage(browser, stack.url('/foerderprogramme?lang=en'), 'foerderprogramme-en'),
    ];
    for (const v of results) expect(v).toEqual({ desktop: [], phone: [] });
  });
});

describe('funding console (admin)', () => {
  it('creates a programme with errors shown beside their fields, then publishes it', async () => {
    const desktop = await newVisitor(browser);
    const page = await desktop.newPage();
    await signInInBrowser(page, stack, ADMIN);
    await page.goto(stack.url('/konsole/foerderprogramme'));
    await page.getByRole('link', { name: 'Neues Förderprogramm' }).first().click();
    await page.getByLabel(/^Titel/).fill('Sonderprogramm Quartier');
    await page.getByLabel(/^Fördergeber \(Art\)/).selectOption({ label: 'Land Baden-Württemberg' });
    await page.getByLabel(/^Fördergeber \(Name\)/).fill('Sozialministerium');
    await page.getByLabel(/^Kurzbeschreibung/).fill('Zu kurz');
    await page
      .getByRole('group', { name: /Handlungsfelder/ })
      .getByLabel('Wohnen')
      .check();
    await page
      .getByRole('group', { name: /Antragsberechtigte/ })
      .getByLabel('Kommune')
      .check();
    await page.getByLabel(/^Antragsfristen/).fill(nextYear('06-30'));
    await page.getByLabel(/Linktext/).fill('Sozialministerium');
    await page.getByLabel(/Adresse \(https/).fill('kein-link');
    await page.getByRole('button', { name: 'Neues Förderprogramm' }).click();
    await page.getByRole('heading', { name: /korrigieren/ }).waitFor();
    await expect(page.getByLabel(/^Kurzbeschreibung/).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel(/Adresse \(https/).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel(/^Titel/).inputValue()).resolves.toBe('Sonderprogramm Quartier');

    await page.getByLabel(/^Kurzbeschreibung/).fill('Förderung von Quartiersprojekten im ganzen Land.');
    await page.getByLabel(/Adresse \(https/).fill('https://sozialministerium.baden-wuerttemberg.de');
    await page.getByRole('button', { name: 'Neues Förderprogramm' }).click();
    await page.getByText('als Entwurf angelegt').waitFor();
    await page.getByRole('button', { name: 'Veröffentlichen: Sonderprogramm Quartier' }).click();
    await page.getByText('ist veröffentlicht').waitFor();
    expect((await Programme.findOne({ title: 'Sonderprogramm Quartier' }).lean())!.status).toBe('published');

    const phone = await newVisitor(browser, { phone: true, storageState: await desktop.storageState() });
    const ctxs = { desktop, phone };
    const results = [
      await auditPage(
        browser,
        stack.url('/konsole/foerderprogramme'),
        'konsole-foerderprogramme',
        undefined,
        ctxs,
      ),
      await auditPage(
        browser,
        stack.url('/konsole/foerderprogramme/neu'),
        'konsole-foerderprogramm-neu',
        undefined,
        ctxs,
      ),
      await auditPage(
        browser,
        stack.url(`/konsole/foerderprogramme/${programmeId}`),
        'konsole-foerderprogramm-bearbeiten',
        undefined,
        ctxs,
      ),
    ];
    for (const v of results) expect(v).toEqual({ desktop: [], phone: [] });
    await phone.close();
    await desktop.close();
  });
});
