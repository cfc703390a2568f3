/**
 * The consent a subscriber gives when signing up for funding alerts. The version is stored with
 * every sign-up as proof of consent (DSGVO Art. 7(1)): change the text only together with a new
 * version, never in place, so each stored version still names the words the person agreed to.
 */
export const CONSENT_TEXT_VERSION = 'funding-alerts-2026-11-25';

export const CONSENT_TEXT =
  'Ich möchte vom Landratsamt Esslingen (Koordination Quartier) per E-Mail über Förderprogramme ' +
  'informiert werden, die zu meinen gewählten Filtern passen, und – falls gewählt – an ' +
  'Antragsfristen erinnert werden. Meine E-Mail-Adresse und meine Filter werden nur dafür ' +
  'gespeichert. Ich kann die Benachrichtigungen jederzeit über den Abmeldelink in jeder E-Mail ' +
  'beenden; meine Einwilligung kann ich jederzeit mit Wirkung für die Zukunft widerrufen.';
