import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * The browser harness of the web front end's end-to-end tests: Debian's headless Chromium
 * (no download), axe-core injected into each page, and screenshots for reviewers.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(__dirname, '../../../test-results/screenshots');
export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A context as a visitor has it. `bypassCSP` only so axe can be injected as a script tag; the
 * strict policy itself is checked in a context without it (see `cspViolations`).
 */
export function newVisitor(
  browser: Browser,
  opts: {
    phone?: boolean;
    bypassCSP?: boolean;
    storageState?: Awaited<ReturnType<BrowserContext['storageState']>>;
  } = {},
) {
  return browser.newContext({
    viewport: opts.phone ? VIEWPORTS.phone : VIEWPORTS.desktop,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    bypassCSP: opts.bypassCSP ?? true,
    isMobile: opts.phone,
    hasTouch: opts.phone,
    storageState: opts.storageState,
  });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = {
  id: string;
  impact?: string;
  help: string;
  nodes: { target: string[]; html: string }[];
};

/** Runs axe-core in the page for WCAG 2.1 A and AA; returns the violations, compacted for messages. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Strings, not functions: these run in the page, and the tests' type program has no DOM types.
  if (!(await page.evaluate("'axe' in window"))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })",
  );
  const violations = (result as { violations: AxeViolation[] }).violations;
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
  }));
}

/** Full-page screenshot under test-results/screenshots/ (git-ignored) for a reviewer to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Opens `url` at desktop and phone width, asserts axe finds nothing, writes both screenshots.
 * Returns the violations so a failing expectation shows which rule and element.
 */
export async function auditPage(
  browser: Browser,
  url: string,
  name: string,
  prepare?: (page: Page) => Promise<void>,
  context?: { desktop: BrowserContext; phone: BrowserContext },
): Promise<Record<'desktop' | 'phone', AxeViolation[]>> {
  const out = { desktop: [] as AxeViolation[], phone: [] as AxeViolation[] };
  for (const size of ['desktop', 'phone'] as const) {
    const ctx = context?.[size] ?? (await newVisitor(browser, { phone: size === 'phone' }));
    const page = await ctx.newPage();
    try {
      await page.goto(url);
      if (prepare) await prepare(page);
      out[size] = await axeViolations(page);
      await screenshot(page, `${name}-${size}`);
    } finally {
      await page.close();
      if (!context) await ctx.close();
    }
  }
  return out;
}

/** Console messages about blocked resources: with a strict CSP, nothing on our pages may trip it. */
export function collectCspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}
