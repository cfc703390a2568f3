import { formatNumber, type Lang } from '@qn/web-ui';

/**
 * Every action the code records (each `auditFromRequest` and `recordAudit` call), in words. An
 * action missing here still shows, under its raw name.
 */
export const AUDIT_ACTIONS: Record<string, Record<Lang, string>> = {
  'event.create': { de: 'Veranstaltung angelegt', en: 'Event created' },
  'event.update': { de: 'Veranstaltung geändert', en: 'Event changed' },
  'event.publish': { de: 'Veranstaltung veröffentlicht', en: 'Event published' },
  'event.cancel': { de: 'Veranstaltung abgesagt', en: 'Event cancelled' },
  'event-series.create': { de: 'Reihe angelegt', en: 'Series created' },
  'event-series.publish': { de: 'Reihe veröffentlicht', en: 'Series published' },
  'event-series.update': {
    de: 'Künftige Termine der Reihe geändert',
    en: 'Future dates of the series changed',
  },
  'event-series.cancel': {
    de: 'Künftige Termine der Reihe abgesagt',
    en: 'Future dates of the series cancelled',
  },
  'event.attendees.export': { de: 'Teilnehmendenliste heruntergeladen', en: 'Attendee list downloaded' },
  'event.questions.update': { de: 'Anmeldefragen geändert', en: 'Registration questions changed' },
  'event.image.set': { de: 'Bild der Veranstaltung gespeichert', en: 'Event image saved' },
  'event.image.remove': { de: 'Bild der Veranstaltung entfernt', en: 'Event image removed' },
  'event.flyer.set': { de: 'Flyer der Veranstaltung gespeichert', en: 'Event flyer saved' },
  'event.flyer.remove': { de: 'Flyer der Veranstaltung entfernt', en: 'Event flyer removed' },
  'event.attendees.import': { de: 'Teilnehmende importiert', en: 'Attendees imported' },
  'event.attendee.register': { de: 'Person angemeldet (API)', en: 'Person registered (API)' },
  'event.attendee.check-in': { de: 'Anwesenheit erfasst', en: 'Attendance recorded' },
  'event.attendee.check-in-undo': { de: 'Anwesenheit zurückgenommen', en: 'Attendance undone' },
  'event.attendee.cancel': { de: 'Anmeldung storniert (API)', en: 'Registration cancelled (API)' },
  'event.registration.create': { de: 'Person angemeldet', en: 'Person registered' },
  'event.registration.cancel': { de: 'Anmeldung storniert', en: 'Registration cancelled' },
  'event.registration.promote': {
    de: 'Von der Warteliste nachgerückt',
    en: 'Moved up from the waiting list',
  },
  'funding.programme.create': { de: 'Förderprogramm angelegt', en: 'Funding programme created' },
  'funding.programme.update': { de: 'Förderprogramm geändert', en: 'Funding programme changed' },
  'funding.programme.publish': { de: 'Förderprogramm veröffentlicht', en: 'Funding programme published' },
  'funding.programme.archive': { de: 'Förderprogramm archiviert', en: 'Funding programme archived' },
  'funding.programme.review': { de: 'Förderprogramm geprüft', en: 'Funding programme reviewed' },
  'newsletter.list.create': { de: 'Verteiler angelegt', en: 'Mailing list created' },
  'newsletter.list.update': { de: 'Verteiler geändert', en: 'Mailing list changed' },
  'newsletter.list.delete': { de: 'Verteiler gelöscht', en: 'Mailing list deleted' },
  'newsletter.subscriber.add': { de: 'Abonnent/in hinzugefügt', en: 'Subscriber added' },
  'newsletter.subscriber.update': { de: 'Abonnent/in geändert', en: 'Subscriber changed' },
  'newsletter.subscriber.unsubscribe': { de: 'Abonnent/in abgemeldet', en: 'Subscriber unsubscribed' },
  'newsletter.subscriber.delete': { de: 'Abonnent/in gelöscht', en: 'Subscriber deleted' },
  'newsletter.subscribers.import': { de: 'Abonnierende importiert', en: 'Subscribers imported' },
  'newsletter.subscribers.export': { de: 'Abonnierende heruntergeladen', en: 'Subscribers downloaded' },
  'newsletter.segment.create': { de: 'Segment angelegt', en: 'Segment created' },
  'newsletter.segment.update': { de: 'Segment geändert', en: 'Segment changed' },
  'newsletter.segment.delete': { de: 'Segment gelöscht', en: 'Segment deleted' },
  'newsletter.bounces.record': { de: 'Unzustellbare Mails erfasst', en: 'Bounces recorded' },
  'newsletter.suppression.add': { de: 'Adresse gesperrt', en: 'Address suppressed' },
  'newsletter.suppression.remove': { de: 'Sperre aufgehoben', en: 'Suppression lifted' },
  'newsletter.campaign.create': { de: 'Kampagne angelegt', en: 'Campaign created' },
  'newsletter.campaign.update': { de: 'Kampagne geändert', en: 'Campaign changed' },
  'newsletter.campaign.delete': { de: 'Kampagne gelöscht', en: 'Campaign deleted' },
  'newsletter.campaign.test': { de: 'Testversand einer Kampagne', en: 'Campaign test mail sent' },
  'newsletter.campaign.test-send': { de: 'Testversand einer Kampagne', en: 'Campaign test mail sent' },
  'newsletter.campaign.schedule': { de: 'Kampagne geplant', en: 'Campaign scheduled' },
  'newsletter.campaign.send': { de: 'Kampagnenversand gestartet', en: 'Campaign sending started' },
  'newsletter.campaign.unschedule': { de: 'Kampagnenplanung zurückgezogen', en: 'Campaign unscheduled' },
  'newsletter.campaign.pause': { de: 'Kampagnenversand angehalten', en: 'Campaign paused' },
  'newsletter.campaign.resume': { de: 'Kampagnenversand fortgesetzt', en: 'Campaign resumed' },
  'newsletter.campaign.cancel': { de: 'Kampagne abgebrochen', en: 'Campaign cancelled' },
  'organisation.create': { de: 'Organisation angelegt', en: 'Organisation created' },
  'organisation.update': { de: 'Organisation geändert', en: 'Organisation changed' },
  'organisation.deactivate': { de: 'Organisation deaktiviert', en: 'Organisation deactivated' },
  'organisation.reactivate': { de: 'Organisation wieder aktiviert', en: 'Organisation reactivated' },
  'account.invite': { de: 'Konto eingeladen', en: 'Account invited' },
  'account.invite-existing': { de: 'Bestehendes Konto eingeladen', en: 'Existing account invited' },
  'account.membership.set': { de: 'Mitgliedschaft gesetzt', en: 'Membership set' },
  'account.membership.remove': { de: 'Mitgliedschaft entfernt', en: 'Membership removed' },
  'account.admin.grant': { de: 'Administrationsrecht erteilt', en: 'Admin right granted' },
  'account.admin.revoke': { de: 'Administrationsrecht entzogen', en: 'Admin right revoked' },
  'account.deactivate': { de: 'Konto deaktiviert', en: 'Account deactivated' },
  'account.reactivate': { de: 'Konto wieder aktiviert', en: 'Account reactivated' },
  'account.remove': { de: 'Konto entfernt', en: 'Account removed' },
  'api-token.created': { de: 'API-Zugangsschlüssel erstellt', en: 'API token created' },
  'api-token.revoked': { de: 'API-Zugangsschlüssel widerrufen', en: 'API token revoked' },
  'privacy.access': { de: 'Datenauskunft erteilt', en: 'Data access request answered' },
  'privacy.erasure': { de: 'Daten gelöscht (Löschantrag)', en: 'Data erased (erasure request)' },
  'audit-log.exported': { de: 'Protokoll heruntergeladen', en: 'Audit log downloaded' },
};

export const AUDIT_OBJECT_TYPES: Record<string, Record<Lang, string>> = {
  event: { de: 'Veranstaltung', en: 'Event' },
  'event-series': { de: 'Veranstaltungsreihe', en: 'Event series' },
  'event-registration': { de: 'Anmeldung', en: 'Registration' },
  'funding-programme': { de: 'Förderprogramm', en: 'Funding programme' },
  'newsletter-list': { de: 'Verteiler', en: 'Mailing list' },
  'newsletter-subscriber': { de: 'Abonnent/in', en: 'Subscriber' },
  'newsletter-segment': { de: 'Segment', en: 'Segment' },
  'newsletter-campaign': { de: 'Kampagne', en: 'Campaign' },
  'newsletter-bounces': { de: 'Unzustellbare Mails', en: 'Bounces' },
  'newsletter-suppression': { de: 'Sperrlisten-Eintrag', en: 'Suppression entry' },
  organisation: { de: 'Organisation', en: 'Organisation' },
  account: { de: 'Konto', en: 'Account' },
  'api-token': { de: 'API-Zugangsschlüssel', en: 'API token' },
  'privacy-request': { de: 'Datenschutzanfrage', en: 'Privacy request' },
  'audit-log': { de: 'Protokoll', en: 'Audit log' },
};

export function actionLabel(lang: Lang, action: string): string {
  return AUDIT_ACTIONS[action]?.[lang] ?? action;
}

export function objectTypeLabel(lang: Lang, objectType: string): string {
  return AUDIT_OBJECT_TYPES[objectType]?.[lang] ?? objectType;
}

export type AuditWords = {
  title: string;
  intro: string;
  filters: string;
  who: string;
  anyone: string;
  what: string;
  anyAction: string;
  objectType: string;
  anyObjectType: string;
  organisation: string;
  anyOrganisation: string;
  from: string;
  to: string;
  dateHint: string;
  badDate: string;
  toBeforeFrom: string;
  badPage: string;
  badChoice: string;
  apply: string;
  reset: string;
  download: string;
  downloadCapped: (max: number) => string;
  count: (n: number) => string;
  none: string;
  table: string;
  col: { at: string; who: string; action: string; object: string; fields: string };
  unknownAccount: string;
  csvHeader: string[];
};

export const auditWords: Record<Lang, AuditWords> = {
  de: {
    title: 'Protokoll',
    intro:
      'Wer hat wann was geändert: jede Änderung der Koordinationsstelle und der Organisationen, neueste zuerst.',
    filters: 'Einträge eingrenzen',
    who: 'Wer',
    anyone: 'Alle Konten',
    what: 'Was',
    anyAction: 'Alle Aktionen',
    objectType: 'Art des Objekts',
    anyObjectType: 'Alle Arten',
    organisation: 'Organisation',
    anyOrganisation: 'Alle Organisationen',
    from: 'Von (Datum)',
    to: 'Bis (Datum)',
    dateHint: 'Format TT.MM.JJJJ, zum Beispiel 03.12.2026',
    badDate: 'Bitte ein Datum im Format TT.MM.JJJJ eingeben, zum Beispiel 03.12.2026.',
    toBeforeFrom: 'Das Bis-Datum liegt vor dem Von-Datum.',
    badPage: 'Diese Seite gibt es nicht.',
    badChoice: 'Bitte einen Eintrag aus der Liste wählen.',
    apply: 'Filtern',
    reset: 'Filter zurücksetzen',
    download: 'Gefilterte Einträge als CSV herunterladen',
    downloadCapped: (max) =>
      `Der Download enthält die neuesten ${formatNumber('de', max)} Einträge; für ältere bitte den Zeitraum eingrenzen.`,
    count: (n) => (n === 1 ? '1 Eintrag' : `${formatNumber('de', n)} Einträge`),
    none: 'Keine Einträge für diese Auswahl.',
    table: 'Protokolleinträge',
    col: { at: 'Zeitpunkt', who: 'Wer', action: 'Aktion', object: 'Objekt', fields: 'Geänderte Felder' },
    unknownAccount: 'Unbekanntes oder entferntes Konto',
    csvHeader: [
      'Zeitpunkt',
      'Konto',
      'Rolle',
      'Aktion',
      'Aktion (Schlüssel)',
      'Objektart',
      'Objekt',
      'Organisation',
      'Geänderte Felder',
    ],
  },
  en: {
    title: 'Audit log',
    intro:
      'Who changed what and when: every change by the coordination office and the organisations, newest first.',
    filters: 'Narrow the entries',
    who: 'Who',
    anyone: 'All accounts',
    what: 'What',
    anyAction: 'All actions',
    objectType: 'Kind of object',
    anyObjectType: 'All kinds',
    organisation: 'Organisation',
    anyOrganisation: 'All organisations',
    from: 'From (date)',
    to: 'To (date)',
    dateHint: 'Format DD.MM.YYYY, for example 03.12.2026',
    badDate: 'Please enter a date as DD.MM.YYYY, for example 03.12.2026.',
    toBeforeFrom: 'The to date is before the from date.',
    badPage: 'There is no such page.',
    badChoice: 'Please choose an entry from the list.',
    apply: 'Filter',
    reset: 'Reset filters',
    download: 'Download the filtered entries as CSV',
    downloadCapped: (max) =>
      `The download holds the newest ${formatNumber('en', max)} entries; for older ones, narrow the dates.`,
    count: (n) => (n === 1 ? '1 entry' : `${formatNumber('en', n)} entries`),
    none: 'No entries for this selection.',
    table: 'Audit log entries',
    col: { at: 'Time', who: 'Who', action: 'Action', object: 'Object', fields: 'Fields changed' },
    unknownAccount: 'Unknown or removed account',
    csvHeader: [
      'Time',
      'Account',
      'Role',
      'Action',
      'Action (key)',
      'Object type',
      'Object',
      'Organisation',
      'Fields changed',
    ],
  },
};
