import { MailLedger, Suppression } from '@qn/mail';
import { toRecords } from '../records';
import { fixedRetention } from '../retention';
import type { PersonalDataHolder } from '../types';

/** One row per mail the system sent; the row is the count, the recipient is the person's. */
export const mailLedgerHolder: PersonalDataHolder = {
  key: 'mail.ledger',
  activity: 'mail',
  collection: 'mail_ledger',
  models: [{ model: 'MailLedger', fields: ['recipient'] }],
  category: { de: 'Versandprotokoll der Mails an Sie', en: 'Delivery log of mails to you' },
  purpose: {
    de: 'Jede Mail höchstens einmal senden; Nachweis und Fehlersuche bei der Zustellung',
    en: 'Send each mail at most once; proof of and troubleshooting for delivery',
  },
  legalBasis: {
    de: 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 4 LDSG BW; Art. 5 Abs. 2 DSGVO (Rechenschaft)',
    en: 'Art. 6(1)(e) GDPR with § 4 LDSG BW; Art. 5(2) GDPR (accountability)',
  },
  source: { de: 'Entsteht beim Versand', en: 'Written when a mail is sent' },
  recipients: {
    de: 'Der beauftragte Mail-Relay (Auftragsverarbeiter) erhält Adresse und Inhalt zur Zustellung',
    en: 'The mail relay (processor) receives address and content for delivery',
  },
  retention: () =>
    fixedRetention({
      de: 'Die Empfängeradresse wird mit der Löschung der Daten entfernt, zu denen die Mail gehört (Anmeldung, Abonnement) oder auf Antrag; die Zeile ohne Adresse bleibt als Zählung',
      en: 'The recipient address is removed with the data the mail belongs to (registration, subscription) or on request; the row without it stays as a count',
    }),
  find: async (ctx) =>
    toRecords(
      await MailLedger.find(
        { recipient: ctx.email },
        { kind: 1, status: 1, recipient: 1, sentAt: 1, createdAt: 1 },
      ).lean(),
    ),
  erase: async (ctx) => {
    // A relay's error text often quotes the address ("550 <…>: user unknown"): it goes too.
    const r = await MailLedger.updateMany({ recipient: ctx.email }, { $unset: { recipient: 1, error: 1 } });
    return { deleted: 0, anonymised: r.modifiedCount };
  },
};

/** Only a keyed hash of the address; kept on purpose so no list mails an erased person again. */
export const suppressionHolder: PersonalDataHolder = {
  key: 'mail.suppressions',
  activity: 'mail',
  collection: 'suppressions',
  models: [{ model: 'Suppression', fields: ['_id'] }],
  category: {
    de: 'Sperrliste (nur ein Schlüssel-Hash Ihrer Adresse, nicht die Adresse)',
    en: 'Suppression list (only a keyed hash of your address, not the address)',
  },
  purpose: {
    de: 'Sicherstellen, dass nach Abmeldung, Löschung oder Unzustellbarkeit keine Liste mehr an die Adresse schreibt',
    en: 'Make sure no list mails the address after unsubscribing, erasure or a bounce',
  },
  legalBasis: {
    de: 'Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 17 und 21 DSGVO (Widerspruch und Löschung dauerhaft beachten)',
    en: 'Art. 6(1)(c) GDPR with Art. 17 and 21 GDPR (honouring objection and erasure for good)',
  },
  source: {
    de: 'Ihre Abmeldung oder Ihr Löschantrag; Rückläufer des Mail-Relays',
    en: 'Your unsubscription or erasure request; bounces from the mail relay',
  },
  recipients: { de: 'Niemand', en: 'Nobody' },
  retention: () =>
    fixedRetention({
      de: 'Bis zu einer neuen, bestätigten Einwilligung (Double-Opt-In) derselben Adresse',
      en: 'Until a new, confirmed opt-in from the same address',
    }),
  find: async (ctx) => toRecords(await Suppression.find({ _id: ctx.addressHash }).lean()),
  erase: async () => ({ deleted: 0, anonymised: 0 }),
  keptOnErasure: {
    de: 'Die Sperrliste enthält nur einen Schlüssel-Hash Ihrer Adresse; er bleibt, damit Ihnen keine Liste mehr schreibt, bis Sie sich selbst neu anmelden.',
    en: 'The suppression list holds only a keyed hash of your address; it stays so that no list mails you again until you sign up yourself.',
  },
};
