import type { Browser, BrowserContext } from 'playwright-core';
import { Event, Registration, registerAttendee, eventsDepsOf } from '@qn/events';
import { auditPage, launchBrowser, newVisitor, screenshot } from './support/browser';
import { ensureOrganiser, signedInVisitor, startWebStack, type WebStack } from './support/web-stack';

/**
 * An organiser signs in by magic link, creates and publishes an event, sees the attendee list
 * and checks an attendee in on a phone; axe on the console pages at both widths.
 */
// A real browser on a machine shared with other test runs: axe over several pages at two widths
// takes a while. A budget, not a timing assertion.
jest.setTimeout(240_000);

let stack: WebStack;
let browser: Browser;
let desktop: BrowserContext;
let phone: BrowserContext;
const ORGANISER = 'organisator@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webconsole'), launchBrowser()]);
  await ensureOrganiser(ORGANISER, { id: 'stadt-nuertingen', name: 'Stadt Nürtingen – Seniorenbüro' });
  desktop = await signedInVisitor(browser, stack, ORGANISER);
  phone = await newVisitor(browser, { phone: true, storageState: await desktop.storageState() });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

function inDays(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

describe('organiser console: events', () => {
  let eventId: string;

  it('creates an event through the form, shows errors beside fields, and publishes it', async () => {
    const page = await desktop.newPage();
    await page.goto(stack.url('/konsole/veranstaltungen'));
    await page.getByRole('link', { name: 'Neue Veranstaltung' }).click();
    await page.getByLabel(/^Titel/).fill('Fachgespräch Wohnen im Alter');
    await page.getByLabel(/^Beschreibung/).fill('Wie bleiben ältere Menschen im Quartier zu Hause?');
    await page.getByLabel(/^Art/).selectOption({ label: 'Fachgespräch' });
    await page
      .getByRole('group', { name: /Handlungsfelder/ })
      .getByLabel('Wohnen')
      .check();
    await page.getByLabel(/^Beginn/).fill(inDays(14, 15));
    await page.getByLabel(/^Ende/).fill(inDays(14, 14)); // before the start: the domain refuses
    await page.getByLabel(/^Kommune/).selectOption({ label: 'Nürtingen' });
    await page.getByLabel(/^Ort \(Name\)/).fill('Bürgertreff');
    await page.getByLabel(/^Plätze/).fill('2');
    await page.getByLabel(/^Name/).fill('Seniorenbüro Nürtingen');
    await page.getByRole('button', { name: 'Als Entwurf anlegen' }).click();
    await page.getByRole('heading', { name: /korrigieren/ }).waitFor();
    await expect(page.getByLabel(/^Ende/).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel(/^Titel/).inputValue()).resolves.toBe('Fachgespräch Wohnen im Alter');
    await screenshot(page, 'konsole-veranstaltung-fehler-desktop');

    await page.getByLabel(/^Ende/).fill(inDays(14, 17));
    await page.getByRole('button', { name: 'Als Entwurf anlegen' }).click();
    await page.getByText('als Entwurf angelegt').waitFor();
    eventId = new URL(page.url()).pathname.split('/').pop()!;
    const stored = (await Event.findById(eventId).lean())!;
    expect(stored.organisationId).toBe('stadt-nuertingen');
    expect(stored.status).toBe('draft');

    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await page.getByText('Die Veranstaltung ist veröffentlicht.').waitFor();
    expect((await Event.findById(eventId).lean())!.status).toBe('published');
    await page.close();
  });

  it('checks an attendee in at the door on a phone', async () => {
    const deps = eventsDepsOf(stack.aio.rt);
    await registerAttendee(deps, { eventId, name: 'Paula Pünktlich', email: 'paula@example.org' });
    await registerAttendee(deps, { eventId, name: 'Bernd Besucher', email: 'bernd@example.org' });
    const page = await phone.newPage();
    await page.goto(stack.url(`/konsole/veranstaltungen/${eventId}/check-in`));
    await page.getByText('0 von 2 eingecheckt').waitFor();
    await page.getByRole('button', { name: 'Einchecken: Paula Pünktlich' }).click();
    await page.getByText('Paula Pünktlich ist eingecheckt.').waitFor();
    await page.getByText('1 von 2 eingecheckt').waitFor();
    await screenshot(page, 'konsole-check-in-phone');
    const paula = (await Registration.findOne({ email: 'paula@example.org' }).lean())!;
    expect(paula.checkedInAt).toBeInstanceOf(Date);
    await page.close();
  });

  it('exports the attendee list as CSV', async () => {
    const res = await desktop.request.get(stack.url(`/konsole/veranstaltungen/${eventId}/teilnehmende.csv`));
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/text\/csv/);
    expect(await res.text()).toContain('Paula Pünktlich');
  });

  it('passes axe on the console pages at desktop and phone width', async () => {
    const ctxs = { desktop, phone };
    const results = [
      await auditPage(browser, stack.url('/konsole'), 'konsole-start', undefined, ctxs),
      await auditPage(
        browser,
        stack.url('/konsole/veranstaltungen'),
        'konsole-veranstaltungen',
        undefined,
        ctxs,
      ),
      await auditPage(
        browser,
        stack.url('/konsole/veranstaltungen/neu'),
        'konsole-veranstaltung-neu',
        undefined,
        ctxs,
      ),
      await auditPage(
        browser,
        stack.url(`/konsole/veranstaltungen/${eventId}`),
        'konsole-veranstaltung',
        undefined,
        ctxs,
      ),
      await auditPage(
        browser,
        stack.url(`/konsole/veranstaltungen/${eventId}/check-in`),
        'konsole-check-in',
        undefined,
        ctxs,
      ),
      await auditPage(
        browser,
        stack.url(`/konsole/veranstaltungen/${eventId}/bearbeiten`),
        'konsole-veranstaltung-bearbeiten',
        undefined,
        ctxs,
      ),
    ];
    for (const v of results) expect(v).toEqual({ desktop: [], phone: [] });
  });
});
