import { attrs, html, type MessageKey, type PageContext, type SafeHtml } from '@qn/web-ui';

export type ConsoleSection =
  | 'overview'
  | 'events'
  | 'funding'
  | 'newsletter'
  | 'organisations'
  | 'accounts'
  | 'tokens'
  | 'audit'
  | 'queues';

const items: { key: ConsoleSection; href: string; label: MessageKey; adminOnly?: boolean }[] = [
  { key: 'overview', href: '/konsole', label: 'console.nav.overview' },
  { key: 'events', href: '/konsole/veranstaltungen', label: 'console.nav.events' },
  { key: 'funding', href: '/konsole/foerderprogramme', label: 'console.nav.funding', adminOnly: true },
  { key: 'newsletter', href: '/konsole/newsletter', label: 'console.nav.newsletter', adminOnly: true },
  { key: 'organisations', href: '/konsole/organisationen', label: 'console.nav.organisations', adminOnly: true },
  { key: 'accounts', href: '/konsole/konten', label: 'console.nav.accounts', adminOnly: true },
  { key: 'tokens', href: '/konsole/zugangsschluessel', label: 'console.nav.tokens' },
  { key: 'audit', href: '/konsole/protokoll', label: 'console.nav.audit', adminOnly: true },
  { key: 'queues', href: '/konsole/warteschlangen', label: 'console.nav.queues', adminOnly: true },
];

/** The console's own navigation, inside <main>; admin-only areas are not offered to organisers. */
export function consoleNav(ctx: PageContext, current: ConsoleSection): SafeHtml {
  const admin = ctx.principal?.role === 'admin';
  return html`<nav class="sub-nav" aria-label="${ctx.t('console.nav.label')}">
    <ul>
      ${items
        .filter((i) => admin || !i.adminOnly)
        .map(
          (i) =>
            html`<li><a${attrs({ href: i.href, 'aria-current': i.key === current ? 'page' : undefined })}>${ctx.t(i.label)}</a></li>`,
        )}
    </ul>
  </nav>`;
}
