import { html, type PageContext, type SafeHtml } from '@qn/web-ui';

/** Previous/next links that keep the current filters. */
export function pager(ctx: PageContext, path: string, page: number, pages: number): SafeHtml {
  if (pages <= 1) return html``;
  const link = (p: number) => {
    const q = new URLSearchParams(ctx.query);
    q.set('page', String(p));
    return `${path}?${q}`;
  };
  return html`<nav aria-label="${ctx.t('events.pagination')}" class="actions">
    ${page > 1 ? html`<a href="${link(page - 1)}">${ctx.t('events.prev')}</a>` : ''}
    <span>${ctx.t('events.page', { page, pages })}</span>
    ${page < pages ? html`<a href="${link(page + 1)}">${ctx.t('events.next')}</a>` : ''}
  </nav>`;
}
