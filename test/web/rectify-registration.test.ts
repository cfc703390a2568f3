import type { Browser, Page } from 'playwright-core';
import {
  Event,
  Registration,
  cancelRegistration,
  createEvent,
  eventsDepsOf,
  manageTokenOf,
  publishEvent,
  registerAttendee,
} from '@qn/events';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { startWebStack, type WebStack } from './support/web-stack';
import { eventFields } from '../events/events-fixtures';

/**
 * Rectification (DSGVO Art. 16) on the manage page in the browser: the registrant corrects
 * name, organisation and accessibility needs; bad input shows the page again and changes
 * nothing; unknown links are 404; cancelled registrations and past events get the 409 page.
 */
jest.setTimeout(180_000);

let stack: WebStack;
let browser: Browser;
let eventId: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webrect'), launchBrowser()]);
  const deps = eventsDepsOf(stack.aio.rt);
  const e = await createEvent(deps, { ...eventFields({ capacity: 1 }), organisationId: 'stadt-nuertingen' });
  eventId = String(e._id);
  await publishEvent(deps, { eventId });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function registered(email: string, extra: { organisation?: string; accessibilityNeeds?: string } = {}) {
  const r = await registerAttendee(eventsDepsOf(stack.aio.rt), {
    eventId,
    name: 'Erika Erste',
    email,
    companions: 0,
    source: 'self',
    ...extra,
  });
  return { id: String(r.registration._id), token: r.manageToken, status: r.registration.status };
}

async function openManage(token: string): Promise<Page> {
  const ctx = await newVisitor(browser);
  const page = await ctx.newPage();
  const res = await page.goto(stack.url(`/veranstaltungen/anmeldung/${token}`));
  expect(res!.status()).toBe(200);
  return page;
}

const stored = (id: string) => Registration.findById(id).lean();

describe('manage page: correct one’s own details', () => {
  it('corrects a confirmed and a waitlisted registration and shows the result', async () => {
    const a = await registered('rect-a@example.org', { organisation: 'Stadt Nürtingen' });
    const b = await registered('rect-b@example.org', { accessibilityNeeds: 'Rollstuhl' });
    expect([a.status, b.status]).toEqual(['confirmed', 'waitlisted']);

    const page = await openManage(a.token);
    await page.getByText(/E-Mail-Adresse lässt sich nicht ändern/).waitFor();
    await expect(page.getByLabel(/^Organisation/).inputValue()).resolves.toBe('Stadt Nürtingen');
    await page.getByLabel(/^Name/).fill('Erika Erste-Neu');
    await page.getByLabel(/^Organisation/).fill('Seniorenrat Nürtingen');
    await page.getByLabel(/Hinweise zur Barrierefreiheit/).fill('Hörschleife');
    await page.getByRole('button', { name: 'Angaben speichern' }).click();
    await page.getByText('Ihre Angaben sind berichtigt.').waitFor();
    const main = await page.locator('main').textContent();
    expect(main).toContain('Erika Erste-Neu');
    expect(main).toContain('Seniorenrat Nürtingen');
    expect(await stored(a.id)).toMatchObject({
      name: 'Erika Erste-Neu',
      organisation: 'Seniorenrat Nürtingen',
      accessibilityNeeds: 'Hörschleife',
      status: 'confirmed',
    });
    await page.context().close();

    // An emptied optional field deletes the entry; the waiting-list place is kept.
    const wait = await openManage(b.token);
    await wait.getByText(/Sie sind Nr\. \d+ auf der Warteliste\./).waitFor();
    await wait.getByLabel(/Hinweise zur Barrierefreiheit/).fill('');
    await wait.getByLabel(/^Name/).fill('Zora Zweite');
    await wait.getByRole('button', { name: 'Angaben speichern' }).click();
    await wait.getByText('Ihre Angaben sind berichtigt.').waitFor();
    const after = await stored(b.id);
    expect(after).toMatchObject({ name: 'Zora Zweite', status: 'waitlisted' });
    expect(after!.accessibilityNeeds).toBeUndefined();
    await wait.context().close();
  });

  it('shows rejected input again with its messages and changes nothing', async () => {
    const r = await registered('rect-c@example.org', { organisation: 'Kirchengemeinde' });
    const before = await stored(r.id);
    const page = await openManage(r.token);
    await page.getByLabel(/^Name/).fill('   ');
    await page.getByRole('button', { name: 'Angaben speichern' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByLabel(/^Name/).getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await page.title()).toMatch(/^Fehler/);

    // What a browser's maxlength would stop, and an operator object posted as JSON.
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const url = stack.url(`/veranstaltungen/anmeldung/${r.token}/berichtigen`);
    const long = await page.request.post(url, {
      form: { _csrf: csrf, name: 'x'.repeat(201), organisation: 'y', accessibilityNeeds: '' },
      maxRedirects: 0,
    });
    expect(long.status()).toBe(400);
    const injected = await page.request.post(url, {
      data: { _csrf: csrf, name: { $gt: '' }, organisation: { $ne: null } },
      maxRedirects: 0,
    });
    expect(injected.status()).toBe(400);
    expect(await injected.text()).toContain('aria-invalid="true"');
    expect(await stored(r.id)).toEqual(before);
    await page.context().close();
  });

  it('answers 404 for an unknown link and 409 for a cancelled registration or a past event', async () => {
    const unknown = manageTokenOf('not-the-secret-not-the-secret-not-the', '65f0c0ffee0000000000abcd');
    const cancelled = await registered('rect-d@example.org');
    const page = await openManage(cancelled.token);
    expect((await page.request.get(stack.url(`/veranstaltungen/anmeldung/${unknown}`))).status()).toBe(404);
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const post = (token: string, name: string) =>
      page.request.post(stack.url(`/veranstaltungen/anmeldung/${token}/berichtigen`), {
        form: { _csrf: csrf, name },
        maxRedirects: 0,
      });
    expect((await post(unknown, 'Niemand')).status()).toBe(404);

    await cancelRegistration(eventsDepsOf(stack.aio.rt), { registrationId: cancelled.id });
    expect((await post(cancelled.token, 'Dora')).status()).toBe(409);
    // Also with input that would be rejected: there is no form left to show its errors in.
    expect((await post(cancelled.token, '')).status()).toBe(409);
    expect((await stored(cancelled.id))!.name).toBe('Erika Erste');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Angaben speichern' }).count()).resolves.toBe(0);

    const late = await registered('rect-f@example.org');
    const past = new Date(Date.now() - 2 * 86_400_000);
    await Event.updateOne(
      { _id: eventId },
      { $set: { startsAt: past, endsAt: new Date(past.getTime() + 3600_000) } },
    );
    expect((await post(late.token, 'Emil')).status()).toBe(409);
    expect((await stored(late.id))!.name).toBe('Erika Erste');
    await page.context().close();
  });
});

describe('privacy notice', () => {
  it('says how to correct one’s details, in German and English', async () => {
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    await page.goto(stack.url('/datenschutz'));
    expect(await page.locator('main').textContent()).toMatch(/Falsche Angaben berichtigen Sie selbst/);
    await page.goto(stack.url('/datenschutz?lang=en'));
    expect(await page.locator('main').textContent()).toMatch(/You correct wrong details yourself/);
    await ctx.close();
  });
});

describe('manage page: accessibility', () => {
  it('passes axe with the correction form, also after a rejected post', async () => {
    const deps = eventsDepsOf(stack.aio.rt);
    const e = await createEvent(deps, {
      ...eventFields({ capacity: 5 }),
      organisationId: 'stadt-nuertingen',
    });
    await publishEvent(deps, { eventId: String(e._id) });
    const r = await registerAttendee(deps, {
      eventId: String(e._id),
      name: 'Axel Axe',
      email: 'rect-axe@example.org',
      companions: 0,
      source: 'self',
    });
    const url = stack.url(`/veranstaltungen/anmeldung/${r.manageToken}`);
    const plain = await auditPage(browser, url, 'anmeldung-berichtigen');
    const rejected = await auditPage(browser, url, 'anmeldung-berichtigen-fehler', async (page) => {
      await page.getByLabel(/^Name/).fill('');
      await page.getByRole('button', { name: 'Angaben speichern' }).click();
      await page.getByRole('alert').waitFor();
    });
    for (const v of [plain, rejected]) expect(v).toEqual({ desktop: [], phone: [] });
  });
});
