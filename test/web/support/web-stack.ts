import mongoose from 'mongoose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { testConfig, uniqueName, waitForMail, listMail, deleteQueueKeys } from '@qn/testing';
import type { Config } from '@qn/config';
import { Account, Organisation } from '@qn/auth';
import { newVisitor } from './browser';

/** One all-in-one on the real FerretDB, Redis and mailbox for a browser test file. */
export async function startWebStack(label: string, overrides: Record<string, string> = {}) {
  const db = uniqueName(label);
  const config: Config = testConfig(db, { PORT: '0', LOG_LEVEL: 'error', ...overrides });
  const aio: AllInOne = await startAllInOne(config);
  return {
    db,
    config,
    aio,
    url: (path: string) => `${aio.url}${path}`,
    stop: async () => {
      await mongoose.connection.dropDatabase();
      await aio.stop();
      await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
    },
  };
}

export type WebStack = Awaited<ReturnType<typeof startWebStack>>;

/** The link in the newest mail to `to` whose text contains `pathPart`. */
export async function linkFromMail(
  to: string,
  pathPart: string,
  opts: { after?: number } = {},
): Promise<string> {
  const mails = await waitForMail({ to }, { count: (opts.after ?? 0) + 1 });
  const text = mails[mails.length - 1]!.text;
  const m = new RegExp(`(https?://\\S*${pathPart.replace(/[/?]/g, (c) => `\\${c}`)}\\S*)`).exec(text);
  if (!m) throw new Error(`no link with ${pathPart} in mail to ${to}: ${text}`);
  return m[1]!;
}

/** Signs in through the real form and the real magic-link mail, as a person would. */
export async function signInInBrowser(page: Page, stack: WebStack, email: string): Promise<void> {
  const before = (await listMail({ to: email })).length;
  await page.goto(stack.url('/anmelden'));
  await page.getByLabel(/E-Mail-Adresse|Email address/).fill(email);
  await page.getByRole('button', { name: /Anmeldelink anfordern|Send sign-in link/ }).click();
  await page.getByRole('heading', { name: /Postfach|inbox/ }).waitFor();
  const link = await linkFromMail(email, '/anmelden/link', { after: before });
  // Mail links carry PUBLIC_URL; the test server listens elsewhere, so keep path and query.
  const u = new URL(link);
  await page.goto(stack.url(u.pathname + u.search));
  await page.getByRole('button', { name: /Jetzt anmelden|Sign in now/ }).click();
  await page.waitForURL(/\/konsole$/);
}

/** A desktop browser context signed in to the console as `email` (the session cookie kept). */
export async function signedInVisitor(
  browser: Browser,
  stack: WebStack,
  email: string,
): Promise<BrowserContext> {
  const ctx = await newVisitor(browser);
  const page = await ctx.newPage();
  await signInInBrowser(page, stack, email);
  await page.close();
  return ctx;
}

/** An organisation and its organiser account, as the office would set them up. */
export async function ensureOrganiser(
  email: string,
  organisation: { id: string; name: string },
): Promise<void> {
  await Organisation.updateOne(
    { _id: organisation.id },
    { $setOnInsert: { name: organisation.name, actorType: 'kommune' } },
    { upsert: true },
  );
  await Account.updateOne(
    { email },
    { $setOnInsert: { email, role: 'organiser', name: 'Organisatorin', organisationId: organisation.id } },
    { upsert: true },
  );
}
