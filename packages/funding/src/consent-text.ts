/**
 * The consent a subscriber gives when signing up for funding alerts. The version is stored with
 * every sign-up as proof of consent (DSGVO Art. 7(1)): change the text only together with a new
 * version, never in place, so each stored version still names the words the person agreed to.
 */
export const CONSENT_TEXT_VERSION = 'funding-alerts-2026-12-02';

/** One version covers both languages: a person agrees to the words on the page they read. */
export const CONSENT_TEXT = {
  de:
    'Ich möchte vom Landratsamt Esslingen (Koordination Quartier) per E-Mail über Förderprogramme ' +
    'informiert werden, die zu meinen gewählten Filtern passen, und – falls gewählt – an ' +
    'Antragsfristen erinnert werden. Meine E-Mail-Adresse und meine Filter werden nur dafür ' +
    'gespeichert. Ich kann die Benachrichtigungen jederzeit über den Abmeldelink in jeder E-Mail ' +
    'beenden; meine Einwilligung kann ich jederzeit mit Wirkung für die Zukunft widerrufen.',
  en:
    'I would like Esslingen County (quarter coordination office) to tell me by e-mail about ' +
    'funding programmes that match my chosen filters and, if chosen, to remind me of application ' +
    'deadlines. My e-mail address and my filters are stored for this purpose only. I can stop the ' +
    'notices at any time with the unsubscribe link in every e-mail and withdraw my consent at any ' +
    'time with effect for the future.',
};
