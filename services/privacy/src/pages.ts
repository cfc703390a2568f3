import type { Response } from 'express';
import type { Config } from '@qn/config';
import type { ErasureResult, Lang, MailedRequestView } from '@qn/privacy';
import { formatDateTime, html, renderPage, translator, type SafeHtml } from '@qn/web-ui';

/** Like the funding and newsletter confirm links: a browser gets a page, a program JSON. */
export function wantsHtml(req: { accepts: (types: string[]) => string | false }): boolean {
  return req.accepts(['json', 'html']) === 'html';
}

/**
 * In the site's layout, like every other page a person reaches from a mail. No session and no
 * CSRF token here: the one form posts to the API, and its token in the URL is the proof.
 */
function page(res: Response, config: Config, lang: Lang, title: string, body: SafeHtml): void {
  const path = new URL(res.req.originalUrl, 'http://x').pathname;
  const ctx = {
    lang,
    t: translator(lang),
    path,
    query: new URLSearchParams(),
    csrfToken: '',
    office: {
      name: config.OFFICE_NAME,
      address: config.OFFICE_ADDRESS,
      email: config.OFFICE_EMAIL,
      phone: config.OFFICE_PHONE,
      dpoContact: config.DPO_CONTACT,
    },
  };
  res.type('html').send(
    renderPage(ctx, {
      title,
      section: 'legal',
      body: html`<h1>${title}</h1>
        ${body}`,
    }),
  );
}

/**
 * What the mailed link opens: the request and one button. A GET never confirms anything, since
 * mail scanners follow links; the button posts to the confirm endpoint without script or cookie.
 */
export function confirmPage(res: Response, token: string, view: MailedRequestView, config: Config): void {
  const de = view.lang === 'de';
  const access = view.kind === 'access';
  const until = view.expiresAt ? formatDateTime(new Date(view.expiresAt), view.lang, config.TZ_DISPLAY) : '';
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
    ? html`<p>${de ? 'Der Link gilt einmal, bis' : 'The link works once, until'} ${until}.</p>`
    : '';
  page(
    res,
    config,
    view.lang,
    title,
    html`<p>${text}</p>
      ${validity}
      <form method="post" action="/api/privacy/requests/${token}/confirm">
        <input type="hidden" name="format" value="html" /><button type="submit">${button}</button>
      </form>`,
  );
}

export function erasurePage(res: Response, result: ErasureResult, lang: Lang, config: Config): void {
  const de = lang === 'de';
  const kept = [
    ...result.keptByLaw.map((k) => `${k.category[lang]}: ${k.reason}`),
    ...result.keptOnPurpose.map((k) => k.why[lang]),
  ];
  page(
    res,
    config,
    lang,
    de ? 'Ihre Daten sind gelöscht' : 'Your data has been erased',
    html`<p>
        ${de ? 'Abgeschlossen am' : 'Completed on'}
        ${formatDateTime(new Date(result.completedAt), lang, config.TZ_DISPLAY)}.
      </p>
      <ul>
        ${result.erased
          .filter((x) => x.deleted + x.anonymised > 0)
          .map((x) => html`<li>${x.category[lang]}: ${x.deleted + x.anonymised}</li>`)}
      </ul>
      ${
        kept.length
          ? html`<h2>${de ? 'Was bleibt, und warum' : 'What is kept, and why'}</h2>
              <ul>
                ${kept.map((k) => html`<li>${k}</li>`)}
              </ul>`
          : ''
      }`,
  );
}
