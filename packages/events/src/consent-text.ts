/**
 * The consent a registrant gives. Each registration stores the version it agreed to, so a
 * later wording change never rewrites what someone consented to: raise the version with it.
 * One version covers both languages: a person agrees to the words on the page they read.
 */
export const CONSENT_TEXT_VERSION = '2026-12-02';

export const CONSENT_TEXT = {
  de:
    'Ich willige ein, dass die Koordination Quartier und die veranstaltende Organisation meine ' +
    'Angaben (Name, E-Mail, Organisation, Angaben zur Barrierefreiheit) zur Durchführung dieser ' +
    'Veranstaltung verarbeiten: Anmeldung, Teilnahmeliste, Erinnerungen und Änderungsmitteilungen. ' +
    'Die Daten werden spätestens 90 Tage nach der Veranstaltung gelöscht oder anonymisiert. ' +
    'Ich kann die Anmeldung jederzeit über meinen persönlichen Link widerrufen.',
  en:
    'I agree that the quarter coordination office and the organising organisation process my ' +
    'details (name, e-mail, organisation, accessibility needs) to run this event: registration, ' +
    'attendee list, reminders and notices of changes. The data are deleted or anonymised at the ' +
    'latest 90 days after the event. I can withdraw my registration at any time with my personal link.',
};
