import { ACTOR_TYPES, FIELDS_OF_ACTION, FUNDING_PROVIDERS, labelOf, municipalityName } from '@qn/domain';
import { renderMail } from '@qn/mail';
import { CONSENT_TEXT } from './consent-text';
import { footerOf, type MailContext } from './mail-context';
import type { SubscriptionDoc } from './models/subscription';
import { filtersOf } from './subscription-filters';

/** The subscriber's choices in words, for the confirmation mail and the manage page. */
export function describeFilters(s: Pick<SubscriptionDoc, 'match' | 'keywords' | 'frequency' | 'reminders'>) {
  const f = filtersOf(s);
  const list = (a: string[], label: (k: string) => string) => (a.length ? a.map(label).join(', ') : 'alle');
  return [
    ['Handlungsfelder', list(f.fieldsOfAction, (k) => labelOf(FIELDS_OF_ACTION, k))],
    ['Antragsberechtigte', list(f.applicantTypes, (k) => labelOf(ACTOR_TYPES, k))],
    ['Kommunen', list(f.municipalities, municipalityName)],
    ['Fördergeber', list(f.providers, (k) => labelOf(FUNDING_PROVIDERS, k))],
    ['Stichwörter', f.keywords.length ? f.keywords.join(', ') : 'keine'],
    ['Häufigkeit', s.frequency === 'weekly' ? 'wöchentliche Zusammenfassung (montags)' : 'sofort'],
    ['Fristerinnerungen', s.reminders ? 'ja' : 'nein'],
  ] as [string, string][];
}

/**
 * The only mail an unconfirmed address ever gets: what was asked for, the consent text and the
 * confirmation link. No programme content (double opt-in, UWG §7).
 */
export function renderConfirmationMail(
  sub: SubscriptionDoc,
  ctx: MailContext,
  confirmUrl: string,
  ttlHours: number,
): { subject: string; text: string; html: string } {
  const body = renderMail({
    greeting: 'Guten Tag,',
    blocks: [
      {
        type: 'p',
        text: 'Sie (oder jemand mit Ihrer Adresse) möchten Benachrichtigungen über Förderprogramme für Quartiersarbeit im Landkreis Esslingen erhalten. Bitte bestätigen Sie das mit dem Link unten.',
      },
      { type: 'facts', rows: describeFilters(sub) },
      { type: 'p', text: `Einwilligung: ${CONSENT_TEXT.de}` },
      { type: 'action', label: 'Anmeldung bestätigen', url: confirmUrl },
      {
        type: 'p',
        text: `Der Link ist ${ttlHours} Stunden gültig. Haben Sie sich nicht angemeldet, ignorieren Sie diese E-Mail: ohne Bestätigung erhalten Sie keine weiteren Nachrichten. Eine bereits bestehende Anmeldung dieser Adresse wird mit der Bestätigung durch die neue ersetzt.`,
      },
    ],
    footer: footerOf(ctx),
  });
  return { subject: 'Bitte bestätigen: Förderprogramm-Benachrichtigungen', ...body };
}
