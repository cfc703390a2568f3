import type { Response } from 'express';
import { escapeHtml } from '@qn/mail';

/**
 * The few pages a subscriber reaches from a mail link: plain German HTML, no scripts, no
 * cookies, forms that post back to the same URL (CSP form-action 'self').
 */
export function sendPage(res: Response, status: number, title: string, bodyHtml: string): void {
  res
    .status(status)
    .type('html')
    .setHeader('Cache-Control', 'no-store')
    .setHeader('Referrer-Policy', 'no-referrer')
    .send(
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} – Quartiersnetz</title></head><body><main><h1>${escapeHtml(title)}</h1>${bodyHtml}</main></body></html>`,
    );
}

export function p(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

/** A button that posts to the page's own URL; `fields` become hidden inputs. */
export function postButton(label: string, fields: Record<string, string> = {}): string {
  const hidden = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return `<form method="post">${hidden}<button type="submit">${escapeHtml(label)}</button></form>`;
}

export function notFoundPage(res: Response): void {
  sendPage(res, 404, 'Link ungültig', p('Dieser Link ist ungültig oder abgelaufen.'));
}

/** Pages for browsers, JSON for API clients: decided by the Accept header. */
export function wantsHtml(req: { accepts: (types: string[]) => string | false }): boolean {
  return req.accepts(['json', 'html']) === 'html';
}
