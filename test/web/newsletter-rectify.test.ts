import type { Browser } from 'playwright-core';
import { addSubscriber, createList, newsletterContext, Subscriber, unsubscribeLink } from '@qn/newsletter';
import { auditPage, launchBrowser, newVisitor } from './support/browser';
import { startWebStack, type WebStack } from './support/web-stack';

/**
 * The newsletter subscriber's details page in the browser (DSGVO Art. 16): reached from the
 * unsubscribe page of the personal link, GET shows and never changes, POST corrects name and
 * attributes; rejected input is shown again and changes nothing; unknown links are 404.
 */
jest.setTimeout(180_000);

let stack: WebStack;
let browser: Browser;
let listId: string;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startWebStack('webnlrect'), launchBrowser()]);
  listId = (await createList({ name: 'Quartiersnetz aktuell', lang: 'de' }))._id;
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function subscriber(email: string) {
  const ctx = newsletterContext(stack.config, stack.aio.rt.redis, stack.aio.rt.producer);
  const sub = await addSubscriber(ctx, listId, {
    email,
    name: 'Lea Leserin',
    attributes: { municipality: 'nuertingen', actorType: 'verein', fieldsOfAction: ['wohnen'] },
    consent: { at: new Date() },
  });
  const token = unsubscribeLink(ctx, sub).token;
  return { id: sub._id, token };
}

const stored = (id: string) => Subscriber.findById(id).lean();

describe('newsletter details page', () => {
  it('is reached from the unsubscribe page, changes nothing on GET, and corrects on POST', async () => {
    const sub = await subscriber('nl-rect-a@example.org');
    const before = await stored(sub.id);
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    await page.goto(stack.url(`/newsletter/abmelden/${sub.token}`));
    await page.getByRole('link', { name: 'Ihre Angaben ansehen oder berichtigen' }).click();
    await page.getByRole('heading', { name: 'Ihre Angaben zum Newsletter' }).waitFor();
    await expect(page.getByLabel(/^Name/).inputValue()).resolves.toBe('Lea Leserin');
    await expect(page.getByLabel('Ihre Kommune').inputValue()).resolves.toBe('nuertingen');
    expect(await page.locator('main').textContent()).toContain('nl-rect-a@example.org');
    expect(await stored(sub.id)).toEqual(before);

    await page.getByLabel(/^Name/).fill('Lea Neumann');
    await page.getByLabel('Ihre Kommune').selectOption({ label: 'Köngen' });
    await page.getByLabel('Sie sind …').selectOption({ value: '' });
    await page.getByLabel('Wohnen').uncheck();
    await page.getByLabel('Mobilität').check();
    await page.getByRole('button', { name: 'Angaben speichern' }).click();
    await page.getByText('Ihre Angaben sind berichtigt.').waitFor();
    await expect(page.getByLabel(/^Name/).inputValue()).resolves.toBe('Lea Neumann');
    const after = await stored(sub.id);
    expect(after).toMatchObject({ name: 'Lea Neumann', status: 'confirmed', email: 'nl-rect-a@example.org' });
    expect(after!.attributes).toMatchObject({ municipality: 'koengen', fieldsOfAction: ['mobilitaet'] });
    expect(after!.attributes.actorType).toBeUndefined();
    expect(after!.consent).toEqual(before!.consent);
    await ctx.close();
  });

  it('shows rejected input again with its messages and changes nothing', async () => {
    const sub = await subscriber('nl-rect-b@example.org');
    const before = await stored(sub.id);
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    await page.goto(stack.url(`/newsletter/angaben/${sub.token}`));
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const url = stack.url(`/newsletter/angaben/${sub.token}`);
    const post = (form: Record<string, string>) =>
      page.request.post(url, { form: { _csrf: csrf, ...form }, maxRedirects: 0 });
    const long = await post({ name: 'x'.repeat(201) });
    expect(long.status()).toBe(400);
    expect(await long.text()).toContain('aria-invalid="true"');
    expect((await post({ name: 'Lea', municipality: 'atlantis' })).status()).toBe(400);
    expect((await post({ name: 'Lea', fieldsOfAction: 'raumfahrt' })).status()).toBe(400);
    const injected = await page.request.post(url, {
      data: { _csrf: csrf, name: { $gt: '' }, municipality: { $ne: null } },
      maxRedirects: 0,
    });
    expect(injected.status()).toBe(400);
    // Without the page's CSRF token nothing is even looked at.
    expect((await page.request.post(url, { form: { name: 'Lea' }, maxRedirects: 0 })).status()).toBe(403);
    expect(await stored(sub.id)).toEqual(before);
    await ctx.close();
  });

  it('answers 404 for an unknown or forged link', async () => {
    const sub = await subscriber('nl-rect-c@example.org');
    const ctx = await newVisitor(browser);
    const page = await ctx.newPage();
    await page.goto(stack.url(`/newsletter/angaben/${sub.token}`));
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const forged = sub.token.replace(/\.[A-Za-z0-9_-]{22}$/, '.AAAAAAAAAAAAAAAAAAAAAA');
    for (const token of [forged, 'kaputt']) {
      expect((await page.goto(stack.url(`/newsletter/angaben/${token}`)))!.status()).toBe(404);
      const res = await page.request.post(stack.url(`/newsletter/angaben/${token}`), {
        form: { _csrf: csrf, name: 'X' },
        maxRedirects: 0,
      });
      expect(res.status()).toBe(404);
    }
    expect((await stored(sub.id))!.name).toBe('Lea Leserin');
    await ctx.close();
  });

  it('passes axe, also with errors', async () => {
    const sub = await subscriber('nl-rect-axe@example.org');
    const url = stack.url(`/newsletter/angaben/${sub.token}`);
    const plain = await auditPage(browser, url, 'newsletter-angaben');
    const rejected = await auditPage(browser, url, 'newsletter-angaben-fehler', async (page) => {
      // A value no browser offers: what a crafted post would send.
      await page.evaluate(
        "(() => { const s = document.querySelector('select[name=municipality]'); s.options[1].value = 'atlantis'; s.selectedIndex = 1; })()",
      );
      await page.getByRole('button', { name: 'Angaben speichern' }).click();
      await page.getByRole('alert').waitFor();
    });
    for (const v of [plain, rejected]) expect(v).toEqual({ desktop: [], phone: [] });
  });
});
