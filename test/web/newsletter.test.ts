import type { Browser, BrowserContext } from 'playwright-core';
import { createList, Subscriber } from '@qn/newsletter';
import { waitForMail } from '@qn/testing';
import { auditPage, launchBrowser, newVisitor, screenshot } from './support/browser';
import { signedInVisitor, startWebStack, type WebStack } from './support/web-stack';

/**
 * Newsletter in the browser: a person subscribes and confirms by the mailed link; an admin
 * composes a campaign with the live preview, sends a test, sends it and watches the progress
 * until it is sent; the person gets it and unsubscribes. axe on every page of the way.
 */
// A real browser on a machine shared with other test runs: axe over several pages at two widths
// takes a while. A budget, not a timing assertion.
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let admin: BrowserContext;
const ADMIN = 'newsletter-admin@example.org';
const READER = 'leserin@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startWebStack('webnewsletter', { ADMIN_EMAIL: ADMIN }),
    launchBrowser(),
  ]);
  await createList({ name: 'Quartiersnetz aktuell', description: 'Einmal im Monat.', lang: 'de' });
  admin = await signedInVisitor(browser, stack, ADMIN);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

function pathOf(text: string, pattern: RegExp): string {
  const m = pattern.exec(text);
  if (!m) throw new Error(`no ${pattern} in ${text}`);
  return m[1]!;
}

describe('newsletter', () => {
  it('subscribes and confirms by the mailed link', async () => {
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    await page.goto(stack.url('/newsletter'));
    await page.getByLabel(/^E-Mail-Adresse/).fill(READER);
    await page.getByLabel(/^Name/).fill('Lea Leserin');
    await page.getByLabel('Ihre Kommune').selectOption({ label: 'Köngen' });
    await page.getByLabel(/Ich möchte den Newsletter/).check();
    await page.getByRole('button', { name: 'Newsletter abonnieren' }).click();
    await page.getByRole('heading', { name: 'Bitte bestätigen Sie Ihre Anmeldung' }).waitFor();
    const [mail] = await waitForMail({ to: READER });
    const token = pathOf(mail!.text, /\/(?:confirm|bestaetigen)\/([A-Za-z0-9_.-]+)/);
    const confirmPage = await auditPage(
      browser,
      stack.url(`/newsletter/bestaetigen/${token}`),
      'newsletter-bestaetigen',
    );
    expect(confirmPage).toEqual({ desktop: [], phone: [] });
    await page.goto(stack.url(`/newsletter/bestaetigen/${token}`));
    await page.getByRole('button', { name: 'Ja, Anmeldung bestätigen' }).click();
    await page.getByRole('heading', { name: 'Anmeldung bestätigt' }).waitFor();
    expect((await Subscriber.findOne({ email: READER }).lean())!.status).toBe('confirmed');
    await ctx.close();
  });

  it('lets an admin compose with a live preview, test, send and watch the progress', async () => {
    const page = await admin.newPage();
    await page.goto(stack.url('/konsole/newsletter'));
    await page.getByRole('link', { name: 'Neue Kampagne' }).click();
    await page.getByLabel(/^Interner Name/).fill('Ausgabe Dezember');
    await page.getByLabel(/^Betreff/).fill('Quartiersnetz im Dezember');
    await page.getByLabel('Quartiersnetz aktuell').check();
    await page.getByLabel(/^Text/).fill('# Hallo\n\nNeu: **Quartiersimpulse** 2027.');
    // The live preview follows the typing (JavaScript on).
    const frame = page.frameLocator('#preview-frame');
    await frame.getByText('Quartiersimpulse').waitFor();
    await screenshot(page, 'konsole-newsletter-entwurf-desktop');
    await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await page.getByText('Der Entwurf ist angelegt.').waitFor();

    await page.getByLabel(/Test an/).fill('test-empfang@example.org');
    await page.getByRole('button', { name: 'Test senden' }).click();
    await page.getByText('Testnachricht an 1 Adresse(n) ist unterwegs.').waitFor();
    const [test] = await waitForMail({ to: 'test-empfang@example.org' });
    expect(test!.subject).toBe('[TEST] Quartiersnetz im Dezember');

    await page.getByRole('button', { name: 'Versand planen' }).click();
    await page.getByText('Der Versand ist geplant.').waitFor();
    // The progress script polls until the campaign is sent.
    await page.locator('[data-status]').getByText('Gesendet', { exact: true }).waitFor({ timeout: 30_000 });
    await expect(page.locator('[data-figures]').textContent()).resolves.toContain('1 von 1 gesendet');
    await screenshot(page, 'konsole-newsletter-gesendet-desktop');
    const [issue] = await waitForMail({ to: READER, subject: 'Quartiersnetz im Dezember' });
    expect(issue!.text).toContain('Quartiersimpulse');
    await page.close();

    // The person unsubscribes through the link in the issue.
    const token = pathOf(issue!.text, /\/(?:u|abmelden)\/([A-Za-z0-9_.-]+)/);
    const ctx = await newVisitor(browser);
    const reader = await ctx.newPage();
    const unsubscribePage = await auditPage(
      browser,
      stack.url(`/newsletter/abmelden/${token}`),
      'newsletter-abmelden',
    );
    expect(unsubscribePage).toEqual({ desktop: [], phone: [] });
    await reader.goto(stack.url(`/newsletter/abmelden/${token}`));
    await reader.getByRole('button', { name: 'Abbestellen' }).click();
    await reader.getByText('Sie sind abgemeldet').waitFor();
    expect((await Subscriber.findOne({ email: READER }).lean())!.status).not.toBe('confirmed');
    await ctx.close();
  });

  it('keeps the newsletter console for admins', async () => {
    const res = await admin.request.get(stack.url('/konsole/newsletter'));
    expect(res.status()).toBe(200);
    const anon = await browser.newContext();
    const r = await anon.request.get(stack.url('/konsole/newsletter'), { maxRedirects: 0 });
    expect(r.status()).toBe(303);
    await anon.close();
  });

  it('passes axe on the public and the console pages', async () => {
    const phone = await newVisitor(browser, { phone: true, storageState: await admin.storageState() });
    const ctxs = { desktop: admin, phone };
    const campaignUrl = await (async () => {
      const page = await admin.newPage();
      await page.goto(stack.url('/konsole/newsletter'));
      await page.getByRole('link', { name: 'Ausgabe Dezember' }).click();
      const u = page.url();
      await page.close();
      return u;
    })();
    const results = [
      await auditPage(browser, stack.url('/newsletter'), 'newsletter'),
      await auditPage(browser, stack.url('/newsletter'), 'newsletter-fehler', async (page) => {
        await page.getByRole('button', { name: 'Newsletter abonnieren' }).click();
        await page.getByRole('heading', { name: /korrigieren/ }).waitFor();
      }),
      await auditPage(
        browser,
        stack.url('/newsletter/bestaetigen/ungueltig.token'),
        'newsletter-link-ungueltig',
      ),
      await auditPage(browser, stack.url('/konsole/newsletter'), 'konsole-newsletter', undefined, ctxs),
      await auditPage(
        browser,
        stack.url('/konsole/newsletter/kampagnen/neu'),
        'konsole-newsletter-neu',
        undefined,
        ctxs,
      ),
      await auditPage(browser, campaignUrl, 'konsole-newsletter-kampagne', undefined, ctxs),
    ];
    for (const v of results) expect(v).toEqual({ desktop: [], phone: [] });
    await phone.close();
  });
});
