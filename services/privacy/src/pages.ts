import type { Response } from 'express';
import { escapeHtml as e } from '@qn/mail';
import type { ErasureResult, Lang, MailedRequestView } from '@qn/privacy';

/** Like the funding and newsletter confirm links: a browser gets a page, a program JSON. */
export function wantsHtml(req: { accepts: (types: string[]) => string | false }): boolean {
  return req.accepts(['json', 'html']) === 'html';
}

function page(res: Response, lang: Lang, title: string, body: string): void {
  res
    .type('html')
    .send(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(title)}</title></head><body><main><h1>${e(title)}</h1>${body}</main></body></html>`,
    );
}

/**
 * What the mailed link opens: the request and one button. A GET never confirms anything, since
 * mail scanners follow links; the button posts to the confirm endpoint without script or cookie.
 */
export function confirmPage(res: Response, token: string, view: MailedRequestView): void {
  const de = view.lang === 'de';
  const access = view.kind === 'access';
  const until = view.expiresAt
    ? new Date(view.expiresAt).toLocaleString(de ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin' })
    : '';
  const title = access
    ? de
      ? 'Auskunft über Ihre Daten'
      : 'Access to your data'
    : de
      ? 'Löschung Ihrer Daten'
      : 'Erasure of your data';
  const text = access
    ? de
      ? 'Mit dem Knopf laden Sie alle Daten herunter, die Quartiersnetz zu Ihrer Adresse speichert: eine lesbare Übersicht mit der maschinenlesbaren Fassung (JSON) am Ende.'
      : 'The button downloads all data Quartiersnetz stores about your address: a readable summary with the machine-readable version (JSON) at its end.'
    : de
      ? 'Mit dem Knopf werden alle Daten zu Ihrer Adresse gelöscht oder anonymisiert. Anmeldungen und Abonnements enden; das lässt sich nicht rückgängig machen.'
      : 'The button erases or anonymises all data stored about your address. Registrations and subscriptions end; this cannot be undone.';
  const button = access ? (de ? 'Herunterladen' : 'Download') : de ? 'Endgültig löschen' : 'Erase for good';
  const validity = until
    ? `<p>${de ? 'Der Link gilt einmal, bis' : 'The link works once, until'} ${e(until)}.</p>`
    : '';
  page(
    res,
    view.lang,
    title,
    `<p>${e(text)}</p>${validity}<form method="post" action="/api/privacy/requests/${e(token)}/confirm"><input type="hidden" name="format" value="html"><button type="submit">${e(button)}</button></form>`,
  );
}

export function erasurePage(res: Response, result: ErasureResult, lang: Lang): void {
  const de = lang === 'de';
  const kept = [
    ...result.keptByLaw.map((k) => `${k.category[lang]}: ${k.reason}`),
    ...result.keptOnPurpose.map((k) => k.why[lang]),
  ];
  page(
    res,
    lang,
    de ? 'Ihre Daten sind gelöscht' : 'Your data has been erased',
    `<p>${de ? 'Abgeschlossen am' : 'Completed on'} ${e(result.completedAt)}.</p>` +
      `<ul>${result.erased
        .filter((x) => x.deleted + x.anonymised > 0)
        .map((x) => `<li>${e(x.category[lang])}: ${x.deleted + x.anonymised}</li>`)
        .join('')}</ul>` +
      (kept.length
        ? `<h2>${de ? 'Was bleibt, und warum' : 'What is kept, and why'}</h2><ul>${kept.map((k) => `<li>${e(k)}</li>`).join('')}</ul>`
        : ''),
  );
}
