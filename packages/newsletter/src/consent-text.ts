/**
 * The consent a subscriber gives when signing up for a newsletter list. Its version is stored
 * with every subscriber as proof of consent (DSGVO Art. 7(1)). Change the words only together
 * with a new version, never in place, so each stored version still names what was agreed to.
 */
export const CONSENT_TEXT_VERSION = 'newsletter-2026-11-25';

export const CONSENT_TEXT = {
  de:
    'Ich möchte den Newsletter der Koordination Quartier im Landratsamt Esslingen per E-Mail ' +
    'erhalten (Neues aus den Quartieren, Veranstaltungen, Förderprogramme, Praxishilfen). ' +
    'Gespeichert werden meine E-Mail-Adresse, mein Name (falls angegeben) und die von mir ' +
    'gewählten Angaben zu Kommune, Akteursart und Handlungsfeldern, nur für diesen Zweck. ' +
    'Ich kann den Newsletter jederzeit über den Abmeldelink in jeder Ausgabe abbestellen und ' +
    'meine Einwilligung mit Wirkung für die Zukunft widerrufen.',
  en:
    'I would like to receive the newsletter of the quarter coordination office of Esslingen ' +
    'County by e-mail (news from the quarters, events, funding programmes, practice guides). ' +
    'My e-mail address, my name (if given) and my chosen municipality, actor type and fields ' +
    'of action are stored for this purpose only. I can unsubscribe at any time with the link ' +
    'in every issue and withdraw my consent with effect for the future.',
} as const;
