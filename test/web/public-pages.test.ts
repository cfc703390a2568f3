import type { Browser } from 'playwright-core';
import {
  auditPage,
  axeViolations,
  collectCspViolations,
  launchBrowser,
  newVisitor,
  screenshot,
} from './support/browser';
import { signInInBrowser, startWebStack, type WebStack } from './support/web-stack';
import { listMail, waitForMail } from '@qn/testing';

/**
 * The shell of the web front end in a real browser: WCAG 2.1 A/AA by axe-core on each page at
 * desktop and phone width, keyboard access, the strict CSP, language switch, and the
 * magic-link sign-in as a person does it.
 */
// A real browser on a machine shared with other test runs: axe over several pages at two widths
// takes a while. A budget, not a timing assertion.
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
const ADMIN = 'browser-admin@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webpublic', { ADMIN_EMAIL: ADMIN }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const pages: [path: string, name: string][] = [
  ['/', 'home'],
  ['/datenschutz', 'datenschutz'],
  ['/impressum', 'impressum'],
  ['/barrierefreiheit', 'barrierefreiheit'],
  ['/anmelden', 'anmelden'],
  ['/datenschutz/anfrage', 'datenschutz-anfrage'],
  ['/?lang=en', 'home-en'],
  ['/datenschutz?lang=en', 'datenschutz-en'],
  ['/gibt-es-nicht', 'not-found'],
];

describe('axe-core: no WCAG 2.1 A/AA violations', () => {
  it.each(pages)('%s', async (path, name) => {
    const v = await auditPage(browser, stack.url(path), name);
    expect(v).toEqual({ desktop: [], phone: [] });
  });

  it('on a form that came back with errors', async () => {
    const v = await auditPage(browser, stack.url('/anmelden'), 'anmelden-fehler', async (page) => {
      await page.getByLabel('E-Mail-Adresse').fill('keine-adresse');
      await page.getByRole('button', { name: 'Anmeldelink anfordern' }).click();
      await page.getByRole('heading', { name: /korrigieren/ }).waitFor();
    });
    expect(v).toEqual({ desktop: [], phone: [] });
  });
});

describe('in the browser', () => {
  it('loads under the strict CSP without a single blocked resource', async () => {
    const ctx = await newVisitor(browser, { bypassCSP: false });
    const page = await ctx.newPage();
    const blocked = collectCspViolations(page);
    await page.goto(stack.url('/'));
    // The stylesheet applied: the header has its dark background.
    const bg = await page.evaluate("getComputedStyle(document.querySelector('header')).backgroundColor");
    expect(bg).toBe('rgb(7, 55, 99)');
    expect(blocked).toEqual([]);
    await ctx.close();
  });

  it('offers the skip link first and moves focus to the main content', async () => {
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    await page.goto(stack.url('/impressum'));
    await page.keyboard.press('Tab');
    const focused = await page.evaluate('document.activeElement.textContent.trim()');
    expect(focused).toBe('Zum Inhalt springen');
    // The focus ring is visible (an outline, not `none`).
    const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    await ctx.close();
  });

  it('switches language and keeps it across pages', async () => {
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    await page.goto(stack.url('/datenschutz'));
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Privacy');
    await page.getByRole('link', { name: 'Legal notice' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: 'Deutsch' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await ctx.close();
  });

  it('keeps the typed address and puts the error beside the field, without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(stack.url('/anmelden'));
    await page.getByLabel('E-Mail-Adresse').fill('keine-adresse');
    await page.getByRole('button', { name: 'Anmeldelink anfordern' }).click();
    const field = page.getByLabel('E-Mail-Adresse');
    await expect(field.inputValue()).resolves.toBe('keine-adresse');
    const describedBy = await field.getAttribute('aria-describedby');
    await expect(page.locator(`#${describedBy}`).textContent()).resolves.toContain('gültige E-Mail-Adresse');
    await ctx.close();
  });

  it('takes an access request from the privacy page and mails the address', async () => {
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    const to = 'auskunft-browser@example.org';
    const before = (await listMail({ to })).length;
    await page.goto(stack.url('/datenschutz'));
    await page.getByRole('link', { name: /Auskunft oder Löschung/ }).click();
    await page.getByLabel(/^Ihre E-Mail-Adresse/).fill(to);
    await page.getByLabel(/^Auskunft/).check();
    await page.getByRole('button', { name: 'Antrag absenden' }).click();
    await page.getByRole('heading', { name: 'Bitte prüfen Sie Ihr Postfach' }).waitFor();
    await waitForMail({ to }, { count: before + 1 });
    await ctx.close();
  });

  it('signs an admin in by magic link and out again', async () => {
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    await signInInBrowser(page, stack, ADMIN);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Konsole');
    const v = await axeViolations(page);
    expect(v).toEqual([]);
    await screenshot(page, 'konsole-desktop');
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByText('Sie sind abgemeldet.').waitFor();
    await page.goto(stack.url('/konsole'));
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    await ctx.close();
  });
});
