import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AuditEntry } from '@qn/audit';
import { ApiToken, ApiTokenUse, createApiToken, hashToken, Account } from '@qn/auth';
import { createEvent, eventsDepsOf } from '@qn/events';
import { documentedRoutes } from '@qn/http';
import { eventually } from '@qn/testing';
import { auditPage, axeViolations, launchBrowser, newVisitor, screenshot } from './support/browser';
import { ensureOrganiser, signedInVisitor, startWebStack, type WebStack } from './support/web-stack';
import { eventFields } from '../events/events-fixtures';

/**
 * An organiser makes an API token in the console, sees it once, uses it against the events
 * API, sees its last use and revokes it, after which the API refuses it; an admin sees and
 * revokes other accounts' tokens. Every page passes axe.
 */
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let organiser: BrowserContext;
let admin: BrowserContext;
let eventId: string;
const ORGANISER = 'schluessel@example.org';
const TOKENS = '/konsole/zugangsschluessel';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webtokens'), launchBrowser()]);
  await ensureOrganiser(ORGANISER, { id: 'stadt-esslingen', name: 'Stadt Esslingen – Quartiersbüro' });
  const event = await createEvent(eventsDepsOf(stack.aio.rt), {
    ...eventFields({ capacity: 10 }),
    organisationId: 'stadt-esslingen',
  });
  eventId = String(event._id);
  organiser = await signedInVisitor(browser, stack, ORGANISER);
  admin = await signedInVisitor(browser, stack, stack.config.ADMIN_EMAIL);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** An organiser-only JSON API of the all-in-one, asked with the token as a program would. */
function countsWith(token: string): Promise<Response> {
  return fetch(stack.url(`/api/events/${eventId}/counts`), { headers: { Authorization: `Bearer ${token}` } });
}

function rowOf(page: Page, name: string) {
  return page.getByRole('row', { name: new RegExp(`^${name}`) });
}

async function expectNoAxeViolations(page: Page, name: string, context: BrowserContext) {
  expect(await axeViolations(page)).toEqual([]);
  const phone = await newVisitor(browser, { phone: true, storageState: await context.storageState() });
  try {
    expect(await auditPage(browser, page.url(), name, undefined, { desktop: context, phone })).toEqual({
      desktop: [],
      phone: [],
    });
  } finally {
    await phone.close();
  }
}

it('creates a token shown once, uses it, shows its last use, revokes it after confirming', async () => {
  const page = await organiser.newPage();
  await page.goto(stack.url(TOKENS));
  await page.getByRole('heading', { level: 1, name: 'API-Zugangsschlüssel' }).waitFor();
  await page.getByText('Sie haben noch keinen Zugangsschlüssel.').waitFor();

  // Bad names: an error summary naming the field, the entry kept, nothing stored.
  await page.getByRole('button', { name: 'Zugangsschlüssel erstellen' }).click();
  await page
    .getByRole('alert')
    .getByRole('link', { name: /^Name des Schlüssels/ })
    .waitFor();
  expect(await page.title()).toMatch(/^Fehler/);
  await expect(page.getByLabel(/^Name des Schlüssels/).getAttribute('aria-invalid')).resolves.toBe('true');
  await expectNoAxeViolations(page, 'konsole-schluessel-fehler', organiser);
  // The field's maxlength stops a browser at 100; the server holds the limit for other clients.
  await page.evaluate("document.getElementById('f-name').removeAttribute('maxlength')");
  await page.getByLabel(/^Name des Schlüssels/).fill('x'.repeat(101));
  await page.getByRole('button', { name: 'Zugangsschlüssel erstellen' }).click();
  await page
    .getByRole('alert')
    .getByText(/höchstens 100 Zeichen/)
    .waitFor();
  await expect(page.getByLabel(/^Name des Schlüssels/).inputValue()).resolves.toBe('x'.repeat(101));
  expect(await ApiToken.countDocuments()).toBe(0);

  await page.getByLabel(/^Name des Schlüssels/).fill('Import-Skript');
  await page.getByRole('button', { name: 'Zugangsschlüssel erstellen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Zugangsschlüssel erstellt' }).waitFor();
  await page.getByText('Kopieren Sie den Schlüssel jetzt').waitFor();
  const token = await page.getByLabel(/^Ihr neuer Zugangsschlüssel/).inputValue();
  expect(token).toMatch(/^qn_[A-Za-z0-9_-]{43}$/);
  // Shown in the answer to the POST only: not in the address, not stored in clear.
  expect(page.url()).not.toContain(token);
  expect(page.url()).toBe(stack.url(TOKENS));
  const stored = await ApiToken.findById(hashToken(token)).lean();
  expect(stored).toMatchObject({ label: 'Import-Skript' });
  expect(JSON.stringify(await ApiToken.find().lean())).not.toContain(token);
  // The answer to a POST cannot be opened again, so it is checked here, at desktop width only.
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'konsole-schluessel-erstellt-desktop');

  await page.goto(stack.url(TOKENS));
  expect(await page.content()).not.toContain(token);
  await expect(rowOf(page, 'Import-Skript').getByRole('cell').allInnerTexts()).resolves.toEqual([
    expect.any(String),
    'noch nie',
    'aktiv',
    'Widerrufen: Import-Skript',
  ]);

  // The token carries the organiser's rights on the API, and its use shows in the list.
  const used = await countsWith(token);
  expect(used.status).toBe(200);
  await eventually('the last use stamped', () => ApiTokenUse.findById(hashToken(token)).lean());
  await page.reload();
  await expect(rowOf(page, 'Import-Skript').getByRole('cell').nth(1).innerText()).resolves.not.toBe(
    'noch nie',
  );
  await expectNoAxeViolations(page, 'konsole-schluessel', organiser);

  // Revoking asks first; cancelling changes nothing.
  await page.getByRole('link', { name: 'Widerrufen: Import-Skript' }).click();
  await page.getByRole('heading', { level: 1, name: 'Zugangsschlüssel widerrufen?' }).waitFor();
  await expectNoAxeViolations(page, 'konsole-schluessel-widerrufen', organiser);
  await page.getByRole('link', { name: 'Abbrechen' }).click();
  await page.waitForURL(stack.url(TOKENS));
  expect((await countsWith(token)).status).toBe(200);
  await page.getByRole('link', { name: 'Widerrufen: Import-Skript' }).click();
  await page.getByRole('button', { name: 'Endgültig widerrufen' }).click();
  await page.waitForURL(/erledigt=widerrufen/);
  await page.getByText('Der Zugangsschlüssel ist widerrufen.').waitFor();
  await expect(rowOf(page, 'Import-Skript').getByRole('cell').nth(2).innerText()).resolves.toMatch(
    /^widerrufen am /,
  );
  expect(await rowOf(page, 'Import-Skript').getByRole('link').count()).toBe(0);

  const refused = await countsWith(token);
  expect(refused.status).toBe(401);
  expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);

  const id = hashToken(token);
  const audited = await AuditEntry.find({ objectType: 'api-token', objectId: id }).lean();
  expect(audited.map((a) => a.action).sort()).toEqual(['api-token.created', 'api-token.revoked']);
  expect(JSON.stringify(audited)).not.toContain(token);
  await page.close();
});

it('shows an admin every account’s tokens with the address, and lets the admin revoke them', async () => {
  const owner = await Account.findOne({ email: ORGANISER }).lean();
  const made = await createApiToken({ accountId: owner!._id, name: 'Kalender-Abgleich' });
  const page = await admin.newPage();
  await page.goto(stack.url(TOKENS));
  await page.getByRole('heading', { level: 2, name: 'Zugangsschlüssel aller Konten' }).waitFor();
  await expect(rowOf(page, 'Kalender-Abgleich').getByRole('cell').first().innerText()).resolves.toBe(
    ORGANISER,
  );
  await expectNoAxeViolations(page, 'konsole-schluessel-admin', admin);

  // The organiser sees no other account's tokens.
  const own = await organiser.newPage();
  await own.goto(stack.url(TOKENS));
  expect(await own.getByRole('heading', { name: 'Zugangsschlüssel aller Konten' }).count()).toBe(0);
  await own.close();

  await page.getByRole('link', { name: 'Widerrufen: Kalender-Abgleich' }).click();
  await page.getByText(ORGANISER).waitFor();
  await page.getByRole('button', { name: 'Endgültig widerrufen' }).click();
  await page.waitForURL(/erledigt=widerrufen/);
  expect((await countsWith(made.token)).status).toBe(401);
  expect(await AuditEntry.countDocuments({ action: 'api-token.revoked', objectId: made.id })).toBe(1);
  await page.close();
});

it('refuses another account’s token id as unknown', async () => {
  const adminAccount = await Account.findOne({ email: stack.config.ADMIN_EMAIL }).lean();
  const made = await createApiToken({ accountId: adminAccount!._id, name: 'Büro' });
  const page = await organiser.newPage();
  const answer = await page.goto(stack.url(`${TOKENS}/${made.id}/widerrufen`));
  expect(answer!.status()).toBe(404);
  await page.close();
  expect((await countsWith(made.token)).status).toBe(200);
});

it('speaks English when asked', async () => {
  const page = await organiser.newPage();
  await page.goto(stack.url(`${TOKENS}?lang=en`));
  await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
  await page.getByRole('button', { name: 'Create token' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.goto(stack.url(`${TOKENS}?lang=de`));
  await page.close();
});

it('answers strangers as the API document says: sign in first, no form post without CSRF', async () => {
  const routes = documentedRoutes().filter((r) => r.path.startsWith(TOKENS));
  expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
    `get ${TOKENS}`,
    `get ${TOKENS}/:id/widerrufen`,
    `post ${TOKENS}`,
    `post ${TOKENS}/:id/widerrufen`,
  ]);
  for (const r of routes) {
    const url = stack.url(r.path.replace(':id', 'a'.repeat(64)));
    const res =
      r.method === 'get'
        ? await fetch(url, { redirect: 'manual' })
        : await fetch(url, { method: 'POST', body: new URLSearchParams({ name: 'x' }), redirect: 'manual' });
    const expected = r.method === 'get' ? 303 : 403;
    expect([r.path, res.status]).toEqual([r.path, expected]);
    expect(
      Object.keys(r.responses)
        .map(Number)
        .concat(r.errors ?? []),
    ).toContain(expected);
  }
});
