import type { Browser, BrowserContext } from 'playwright-core';
import { Campaign, createList } from '@qn/newsletter';
import { launchBrowser } from '../web/support/browser';
import { signedInVisitor, startWebStack, type WebStack } from '../web/support/web-stack';

/** The console's compose form: click counting is a checkbox, off unless the office ticks it. */
jest.setTimeout(120_000);

let stack: WebStack;
let browser: Browser;
let admin: BrowserContext;
const ADMIN = 'click-admin@example.org';

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startWebStack('nlclickweb', { ADMIN_EMAIL: ADMIN }),
    launchBrowser(),
  ]);
  await createList({ name: 'Klick-Liste', lang: 'de' });
  admin = await signedInVisitor(browser, stack, ADMIN);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function compose(name: string, tick: boolean) {
  const page = await admin.newPage();
  await page.goto(stack.url('/konsole/newsletter/kampagnen/neu'));
  const box = page.getByLabel('Klicks zählen (anonym, pro Link)');
  expect(await box.isChecked()).toBe(false);
  await page.getByLabel(/^Interner Name/).fill(name);
  await page.getByLabel(/^Betreff/).fill(name);
  await page.getByLabel('Klick-Liste').check();
  await page.getByLabel(/^Text/).fill('Mehr unter [Programm](https://example.org/programm).');
  if (tick) await box.check();
  await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
  await page.getByText('Der Entwurf ist angelegt.').waitFor();
  const shown = await page.getByLabel('Klicks zählen (anonym, pro Link)').isChecked();
  await page.close();
  const c = await Campaign.findOne({ name }).lean();
  return { stored: c!.countClicks, shown };
}

describe('click counting in the console', () => {
  it('is off by default and on only when ticked', async () => {
    expect(await compose('Ohne Klicks', false)).toEqual({ stored: false, shown: false });
    expect(await compose('Mit Klicks', true)).toEqual({ stored: true, shown: true });
  });
});
