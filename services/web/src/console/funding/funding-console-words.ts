import type { Lang } from '@qn/web-ui';

export type FundingConsoleWords = {
  listsHeading: string;
  allProgrammes: string;
  brokenLinks: string;
  reviewDue: string;
  brokenIntro: string;
  noBrokenLinks: string;
  failingSince: (date: string) => string;
  lastChecked: (date: string) => string;
  problem: (httpStatus: number | undefined, error: string | undefined) => string;
  edit: (title: string) => string;
  reviewIntro: (days: number) => string;
  noReviewDue: (days: number) => string;
  reviewedOn: (date: string) => string;
  dueSince: (date: string) => string;
  reviewed: string;
  markReviewed: (title: string) => string;
  reviewedNotice: (title: string) => string;
  closed: string;
  closedNotice: (lastDeadline: string) => string;
  archiveTitle: string;
  archiveQuestion: (title: string) => string;
  archiveEffects: string[];
  archiveConfirm: string;
  cancel: string;
  alreadyArchived: string;
};

const httpWordsDe: Record<number, string> = {
  400: 'Anfrage abgelehnt',
  401: 'Anmeldung verlangt',
  403: 'Zugriff verweigert',
  404: 'Seite nicht gefunden',
  410: 'Seite entfernt',
  429: 'Zu viele Anfragen',
  500: 'Fehler auf dem Server',
  502: 'Server nicht erreichbar',
  503: 'Server vorübergehend nicht verfügbar',
  504: 'Server antwortet nicht',
};
const httpWordsEn: Record<number, string> = {
  400: 'Request refused',
  401: 'Sign-in required',
  403: 'Access denied',
  404: 'Page not found',
  410: 'Page removed',
  429: 'Too many requests',
  500: 'Error on the server',
  502: 'Server unreachable',
  503: 'Server temporarily unavailable',
  504: 'Server does not answer',
};

/** Network errors as the checker records them (fetch's cause codes) in plain words. */
const errorWordsDe: Record<string, string> = {
  timeout: 'Keine Antwort innerhalb der Wartezeit',
  ENOTFOUND: 'Adresse (Domain) nicht gefunden',
  EAI_AGAIN: 'Adresse (Domain) nicht gefunden',
  ECONNREFUSED: 'Verbindung abgelehnt',
  ECONNRESET: 'Verbindung abgebrochen',
  EHOSTUNREACH: 'Server nicht erreichbar',
  CERT_HAS_EXPIRED: 'Sicherheitszertifikat abgelaufen',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'Sicherheitszertifikat ungültig',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'Sicherheitszertifikat ungültig',
  ERR_TLS_CERT_ALTNAME_INVALID: 'Sicherheitszertifikat passt nicht zur Adresse',
};
const errorWordsEn: Record<string, string> = {
  timeout: 'No answer within the time limit',
  ENOTFOUND: 'Address (domain) not found',
  EAI_AGAIN: 'Address (domain) not found',
  ECONNREFUSED: 'Connection refused',
  ECONNRESET: 'Connection dropped',
  EHOSTUNREACH: 'Server unreachable',
  CERT_HAS_EXPIRED: 'Security certificate expired',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'Security certificate invalid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'Security certificate invalid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'Security certificate does not match the address',
};

function problemIn(
  http: Record<number, string>,
  errors: Record<string, string>,
  fallback: { status: string; error: string; unknown: string },
) {
  return (httpStatus: number | undefined, error: string | undefined): string => {
    if (httpStatus !== undefined)
      return `${http[httpStatus] ?? (httpStatus >= 500 ? http[500] : fallback.status)} (HTTP ${httpStatus})`;
    if (error) return errors[error] ?? `${fallback.error}: ${error}`;
    return fallback.unknown;
  };
}

const de: FundingConsoleWords = {
  listsHeading: 'Zu prüfen',
  allProgrammes: 'Alle Förderprogramme',
  brokenLinks: 'Defekte Links',
  reviewDue: 'Prüfung fällig',
  brokenIntro:
    'Die offiziellen Links veröffentlichter Programme werden jede Nacht geprüft. Diese waren bei der letzten Prüfung nicht erreichbar.',
  noBrokenLinks: 'Zurzeit ist kein Link defekt: Alle Links waren bei der letzten Prüfung erreichbar.',
  failingSince: (date) => `defekt seit ${date}`,
  lastChecked: (date) => `zuletzt geprüft am ${date}`,
  problem: problemIn(httpWordsDe, errorWordsDe, {
    status: 'Unerwartete Antwort',
    error: 'Fehler',
    unknown: 'Nicht erreichbar',
  }),
  edit: (title) => `Bearbeiten: ${title}`,
  reviewIntro: (days) =>
    `Veröffentlichte Programme, die seit mehr als ${days} Tagen weder bearbeitet noch als geprüft markiert wurden. Vergleichen Sie sie mit der offiziellen Quelle und markieren Sie sie als geprüft oder korrigieren Sie sie.`,
  noReviewDue: (days) =>
    `Zurzeit ist keine Prüfung fällig: Alle veröffentlichten Programme wurden in den letzten ${days} Tagen bearbeitet oder geprüft.`,
  reviewedOn: (date) => `zuletzt geprüft oder bearbeitet am ${date}`,
  dueSince: (date) => `Prüfung fällig seit ${date}`,
  reviewed: 'Geprüft',
  markReviewed: (title) => `Geprüft: ${title}`,
  reviewedNotice: (title) => `„${title}“ ist als geprüft markiert.`,
  closed: 'Bewerbungsfrist abgelaufen',
  closedNotice: (date) =>
    `Die letzte Frist (${date}) ist abgelaufen: Das Programm ist geschlossen und wird öffentlich als „Bewerbungsfrist abgelaufen“ nach den offenen gezeigt. Für eine neue Runde tragen Sie eine neue Frist ein.`,
  archiveTitle: 'Förderprogramm archivieren?',
  archiveQuestion: (title) => `Möchten Sie „${title}“ archivieren?`,
  archiveEffects: [
    'Das Programm verschwindet von der öffentlichen Liste, seine Seite und seine Fristen im Kalender-Abo.',
    'Abonnentinnen und Abonnenten bekommen zu diesem Programm keine Benachrichtigungen mehr.',
    'Ein archiviertes Programm kann nicht mehr bearbeitet oder wieder veröffentlicht werden.',
  ],
  archiveConfirm: 'Ja, archivieren',
  cancel: 'Abbrechen',
  alreadyArchived: 'Dieses Förderprogramm ist bereits archiviert.',
};

const en: FundingConsoleWords = {
  listsHeading: 'To check',
  allProgrammes: 'All funding programmes',
  brokenLinks: 'Broken links',
  reviewDue: 'Review due',
  brokenIntro:
    'The official links of published programmes are checked every night. These could not be reached at the last check.',
  noBrokenLinks: 'No link is broken at the moment: all links could be reached at the last check.',
  failingSince: (date) => `broken since ${date}`,
  lastChecked: (date) => `last checked on ${date}`,
  problem: problemIn(httpWordsEn, errorWordsEn, {
    status: 'Unexpected answer',
    error: 'Error',
    unknown: 'Unreachable',
  }),
  edit: (title) => `Edit: ${title}`,
  reviewIntro: (days) =>
    `Published programmes nobody has edited or marked as reviewed for more than ${days} days. Compare them with the official source, then mark them as reviewed or correct them.`,
  noReviewDue: (days) =>
    `No review is due at the moment: every published programme was edited or reviewed in the last ${days} days.`,
  reviewedOn: (date) => `last reviewed or edited on ${date}`,
  dueSince: (date) => `review due since ${date}`,
  reviewed: 'Reviewed',
  markReviewed: (title) => `Reviewed: ${title}`,
  reviewedNotice: (title) => `“${title}” is marked as reviewed.`,
  closed: 'Application deadline passed',
  closedNotice: (date) =>
    `The last deadline (${date}) has passed: the programme is closed and shown publicly as “Application deadline passed”, after the open ones. For a new round, enter a new deadline.`,
  archiveTitle: 'Archive funding programme?',
  archiveQuestion: (title) => `Do you want to archive “${title}”?`,
  archiveEffects: [
    'The programme disappears from the public list, its page and its deadlines in the calendar feed.',
    'Subscribers get no more alerts about this programme.',
    'An archived programme can no longer be edited or published again.',
  ],
  archiveConfirm: 'Yes, archive',
  cancel: 'Cancel',
  alreadyArchived: 'This funding programme is already archived.',
};

export const fundingConsoleWords: Record<Lang, FundingConsoleWords> = { de, en };
