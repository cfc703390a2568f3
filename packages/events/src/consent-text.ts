/**
 * The consent a registrant gives. Each registration stores the version it agreed to, so a
 * later wording change never rewrites what someone consented to: raise the version with it.
 */
export const CONSENT_TEXT_VERSION = '2026-11-25';

export const CONSENT_TEXT =
  'Ich willige ein, dass die Koordination Quartier und die veranstaltende Organisation meine ' +
  'Angaben (Name, E-Mail, Organisation, Angaben zur Barrierefreiheit) zur Durchführung dieser ' +
  'Veranstaltung verarbeiten: Anmeldung, Teilnahmeliste, Erinnerungen und Änderungsmitteilungen. ' +
  'Die Daten werden spätestens 90 Tage nach der Veranstaltung gelöscht oder anonymisiert. ' +
  'Ich kann die Anmeldung jederzeit über meinen persönlichen Link widerrufen.';
