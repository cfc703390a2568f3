import type { Response } from 'express';
import { escapeHtml } from '@qn/mail';
import type { Lang } from '@qn/newsletter';

/**
 * The few pages a subscriber reaches from a mail link: plain HTML (the site's stylesheet when
 * the web service is mounted), no scripts, no cookies, forms that post back to the same URL.
 */
export function sendPage(res: Response, status: number, lang: Lang, title: string, bodyHtml: string): void {
  res
    .status(status)
    .type('html')
    .setHeader('Cache-Control', 'no-store')
    .setHeader('Referrer-Policy', 'no-referrer')
    .setHeader('X-Robots-Tag', 'noindex')
    .send(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} – Quartiersnetz</title><link rel="stylesheet" href="/assets/site.css"></head><body><main id="main" class="wrap"><h1>${escapeHtml(title)}</h1>${bodyHtml}</main></body></html>`,
    );
}

export function p(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

export function postButton(label: string, fields: Record<string, string> = {}): string {
  const hidden = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return `<form method="post">${hidden}<button type="submit">${escapeHtml(label)}</button></form>`;
}

export function link(href: string, label: string): string {
  return `<p><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>`;
}

export const words = {
  de: {
    confirmTitle: 'Anmeldung bestätigen',
    confirmAsk: (list?: string) =>
      `Bitte bestätigen Sie Ihre Anmeldung zum Newsletter${list ? ` „${list}“` : ''}.`,
    confirmButton: 'Ja, Anmeldung bestätigen',
    confirmedTitle: 'Anmeldung bestätigt',
    confirmed: (list?: string) => `Danke! Sie erhalten ab jetzt den Newsletter${list ? ` „${list}“` : ''}.`,
    expiredTitle: 'Link abgelaufen',
    expired: 'Dieser Bestätigungslink ist abgelaufen. Bitte melden Sie sich erneut an.',
    invalidTitle: 'Link ungültig',
    invalid: 'Dieser Link ist ungültig oder wurde durch einen neueren ersetzt.',
    unsubTitle: 'Newsletter abbestellen',
    unsubAsk: (list?: string) =>
      `Möchten Sie den Newsletter${list ? ` „${list}“` : ''} abbestellen? Danach erhalten Sie keine Newsletter der Koordination Quartier mehr an diese Adresse.`,
    unsubButton: 'Abbestellen',
    detailsLink: 'Ihre Angaben ansehen oder berichtigen',
    unsubDoneTitle: 'Abgemeldet',
    unsubDone:
      'Sie wurden abgemeldet und erhalten keine Newsletter mehr an diese Adresse. Wenn Sie später wieder einen möchten, melden Sie sich einfach neu an.',
    testTitle: 'Testversand',
    test: 'Dies war ein Testversand. Der Link ändert nichts.',
  },
  en: {
    confirmTitle: 'Confirm subscription',
    confirmAsk: (list?: string) =>
      `Please confirm your subscription to the newsletter${list ? ` "${list}"` : ''}.`,
    confirmButton: 'Yes, confirm my subscription',
    confirmedTitle: 'Subscription confirmed',
    confirmed: (list?: string) =>
      `Thank you! You will receive the newsletter${list ? ` "${list}"` : ''} from now on.`,
    expiredTitle: 'Link expired',
    expired: 'This confirmation link has expired. Please sign up again.',
    invalidTitle: 'Invalid link',
    invalid: 'This link is invalid or has been replaced by a newer one.',
    unsubTitle: 'Unsubscribe',
    unsubAsk: (list?: string) =>
      `Do you want to unsubscribe from the newsletter${list ? ` "${list}"` : ''}? You will then receive no newsletters of the office at this address.`,
    unsubButton: 'Unsubscribe',
    detailsLink: 'View or correct your details',
    unsubDoneTitle: 'Unsubscribed',
    unsubDone:
      'You have been unsubscribed and will receive no more newsletters at this address. To receive one again later, just sign up again.',
    testTitle: 'Test send',
    test: 'This was a test send. The link changes nothing.',
  },
} as const;
