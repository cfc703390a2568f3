import { attrs, html, type SafeHtml } from './html';
import type { Lang, Translate } from './i18n';

export type OfficeDetails = {
  name: string;
  address: string;
  email: string;
  phone: string;
  dpoContact: string;
};

export type NavSection = 'home' | 'events' | 'funding' | 'newsletter' | 'console' | 'legal';

/** What every page needs from the request: language, where it is, who is signed in, the CSRF token. */
export type PageContext = {
  lang: Lang;
  t: Translate;
  /** Path of the current page, for the language switch and `aria-current`. */
  path: string;
  /** Query of the current page without `lang`, kept by the language switch. */
  query: URLSearchParams;
  csrfToken: string;
  principal?: { email: string; role: 'admin' | 'organiser'; name?: string };
  office: OfficeDetails;
};

export type Page = {
  title: string;
  body: SafeHtml;
  section?: NavSection;
  /** Extra scripts from /assets (never inline: the CSP forbids it). They only enhance. */
  scripts?: string[];
};

function navLink(ctx: PageContext, href: string, label: string, current: boolean): SafeHtml {
  return html`<li><a${attrs({ href, 'aria-current': current ? 'page' : undefined })}>${label}</a></li>`;
}

/** A hidden CSRF field: every POST form carries one (checked on every POST). */
export function csrfField(ctx: Pick<PageContext, 'csrfToken'>): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}" />`;
}

export function langSwitchHref(ctx: PageContext): string {
  const q = new URLSearchParams(ctx.query);
  q.set('lang', ctx.lang === 'de' ? 'en' : 'de');
  return `${ctx.path}?${q}`;
}

export function renderPage(ctx: PageContext, page: Page): string {
  const { t } = ctx;
  const other: Lang = ctx.lang === 'de' ? 'en' : 'de';
  const s = page.section;
  const signedIn = !!ctx.principal;
  const doc = html`<!doctype html>
    <html lang="${ctx.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title} – ${t('site.name')}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        ${(page.scripts ?? []).map((src) => html`<script src="/assets/${src}" defer></script>`)}
      </head>
      <body>
        <a class="skip-link" href="#main">${t('skip.main')}</a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/"
              ><span class="brand-name">${t('site.name')}</span>
              <span class="brand-tagline">${t('site.tagline')}</span></a
            >
            <div class="header-tools">
              <a class="lang-switch" href="${langSwitchHref(ctx)}" lang="${other}" hreflang="${other}"
                >${t('lang.other')}</a
              >
              ${
                signedIn
                  ? html`<form class="inline-form" method="post" action="/abmelden">
                      ${csrfField(ctx)}<button type="submit" class="button-link">${t('nav.signOut')}</button>
                    </form>`
                  : ''
              }
            </div>
          </div>
          <nav class="wrap main-nav" aria-label="${t('nav.label')}">
            <ul>
              ${navLink(ctx, '/', t('nav.home'), s === 'home')}
              ${navLink(ctx, '/veranstaltungen', t('nav.events'), s === 'events')}
              ${navLink(ctx, '/foerderprogramme', t('nav.funding'), s === 'funding')}
              ${navLink(ctx, '/newsletter', t('nav.newsletter'), s === 'newsletter')}
              ${navLink(ctx, signedIn ? '/konsole' : '/anmelden', signedIn ? t('nav.console') : t('nav.signIn'), s === 'console')}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap" tabindex="-1">${page.body}</main>
        <footer class="site-footer">
          <div class="wrap">
            <p>${ctx.office.name} · ${ctx.office.address}</p>
            <nav aria-label="${t('footer.label')}">
              <ul>
                <li><a href="/datenschutz">${t('footer.privacy')}</a></li>
                <li><a href="/impressum">${t('footer.imprint')}</a></li>
                <li><a href="/barrierefreiheit">${t('footer.accessibility')}</a></li>
              </ul>
            </nav>
            <p class="small">${t('footer.strategy')}</p>
          </div>
        </footer>
      </body>
    </html> `;
  return doc.value;
}
