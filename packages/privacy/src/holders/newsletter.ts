import { createHash } from 'node:crypto';
import {
  Campaign,
  Delivery,
  DeliveryOutcome,
  Subscriber,
  withLock,
  type SubscriberDoc,
} from '@qn/newsletter';
import { isDuplicateKeyError } from '@qn/db';
import { anyOf, deadHash, erasedAddress, present, toRecords } from '../records';
import { fixedRetention } from '../retention';
import type { HolderContext, PersonalDataHolder } from '../types';

const consentBasis = {
  de: 'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung per Double-Opt-In oder beim Import nachgewiesen; Zeitpunkt, Weg und Textversion gespeichert)',
  en: 'Art. 6(1)(a) GDPR (consent by double opt-in or proven at import; time, method and text version stored)',
};

const subscribersOf = (ctx: HolderContext) =>
  Subscriber.find({ $or: [{ email: ctx.email }, { addressHash: ctx.addressHash }] }).lean<SubscriberDoc[]>();

/** Under the newsletter's own per-address lock when Redis is at hand (FerretDB updates race). */
function underAddressLock<T>(ctx: HolderContext, fn: () => Promise<T>): Promise<T> {
  if (!ctx.redis) return fn();
  return withLock({ redis: ctx.redis, keyPrefix: ctx.config.QUEUE_PREFIX }, `address:${ctx.addressHash}`, fn);
}

/** One row per address and list, with the proof of consent. */
export const newsletterSubscribersHolder: PersonalDataHolder = {
  key: 'newsletter.subscribers',
  activity: 'newsletter',
  collection: 'newsletter_subscribers',
  models: [
    { model: 'NewsletterSubscriber', fields: ['email', 'addressHash', 'name', 'attributes', 'consent'] },
  ],
  category: {
    de: 'Newsletter-Abonnements (mit Einwilligungsnachweis)',
    en: 'Newsletter subscriptions (with proof of consent)',
  },
  purpose: {
    de: 'Versand des Newsletters der Koordinationsstelle',
    en: 'Sending the coordination office’s newsletter',
  },
  legalBasis: consentBasis,
  source: {
    de: 'Ihre Anmeldung und Bestätigung, oder ein Import der Koordinationsstelle mit Ihrer früheren Einwilligung',
    en: 'Your sign-up and confirmation, or an import by the office with your earlier consent',
  },
  recipients: {
    de: 'Koordinationsstelle; Mail-Relay (Auftragsverarbeiter)',
    en: 'Coordination office; mail relay (processor)',
  },
  retention: () =>
    fixedRetention({
      de: 'Unbestätigte Anmeldungen werden nach 30 Tagen entfernt; bestätigte bis zur Abmeldung oder Löschung',
      en: 'Unconfirmed sign-ups are removed after 30 days; confirmed ones until unsubscribing or erasure',
    }),
  find: async (ctx) => toRecords(await subscribersOf(ctx)),
  // The row stays (list statistics), re-keyed so nothing leads back to the person and a later
  // sign-up of the same address starts a fresh record. The new key derives from the old one and
  // its creation time, so a rerun after a crash between insert and delete inserts nothing twice.
  erase: (ctx) =>
    underAddressLock(ctx, async () => {
      const subs = await subscribersOf(ctx);
      for (const s of subs) {
        const key = createHash('sha256')
          .update(`${s._id}:${new Date(s.createdAt).getTime()}`)
          .digest('hex');
        const id = `${s.listId}:erased-${key.slice(0, 32)}`;
        const active = s.status === 'pending' || s.status === 'confirmed';
        try {
          await Subscriber.collection.insertOne({
            _id: id,
            listId: s.listId,
            email: erasedAddress(id),
            addressHash: deadHash(),
            lang: s.lang,
            status: active ? 'unsubscribed' : s.status,
            consent: s.consent,
            attributes: s.attributes,
            ...(s.confirmedAt ? { confirmedAt: s.confirmedAt } : {}),
            ...(active
              ? { unsubscribedAt: new Date() }
              : s.unsubscribedAt
                ? { unsubscribedAt: s.unsubscribedAt }
                : {}),
            ...(s.bouncedAt ? { bouncedAt: s.bouncedAt } : {}),
            ...(s.complainedAt ? { complainedAt: s.complainedAt } : {}),
            createdAt: s.createdAt,
            updatedAt: new Date(),
          } as never);
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
        }
        await Subscriber.deleteOne({ _id: s._id });
      }
      return { deleted: 0, anonymised: subs.length };
    }),
};

/** What each campaign sent to the person: one delivery record and its outcome. */
export const newsletterDeliveriesHolder: PersonalDataHolder = {
  key: 'newsletter.deliveries',
  activity: 'newsletter',
  collection: 'newsletter_deliveries',
  models: [{ model: 'NewsletterDelivery', fields: ['email', 'name', 'subscriberId'] }],
  category: { de: 'Newsletter-Zustellungen an Sie', en: 'Newsletter deliveries to you' },
  purpose: {
    de: 'Jede Ausgabe genau einmal zustellen; Versandstatistik',
    en: 'Deliver each issue exactly once; sending statistics',
  },
  legalBasis: consentBasis,
  source: { de: 'Entsteht beim Versand einer Ausgabe', en: 'Written when an issue is sent' },
  recipients: { de: 'Mail-Relay (Auftragsverarbeiter)', en: 'Mail relay (processor)' },
  retention: () =>
    fixedRetention({
      de: 'Als Versandstatistik der Ausgabe; Adresse und Name werden mit der Löschung entfernt',
      en: 'As the issue’s sending statistics; address and name are removed by erasure',
    }),
  find: async (ctx) => {
    const rows = await Delivery.find({ email: ctx.email }).lean();
    const outcomes = await DeliveryOutcome.find({ _id: anyOf(rows.map((r) => r._id)) }).lean();
    const byId = new Map(outcomes.map((o) => [o._id, o]));
    return toRecords(rows).map((r) => ({ ...r, outcome: byId.get(r.id)?.status }));
  },
  erase: async (ctx) => {
    const rows = await Delivery.find({ email: ctx.email }, { _id: 1 }).lean();
    for (const r of rows) {
      await Delivery.updateOne(
        { _id: r._id },
        { $set: { email: erasedAddress(r._id) }, $unset: { name: 1 } },
      );
    }
    // The outcome stays (sent, failed, skipped); a relay's error text may quote the address.
    if (rows.length) {
      await DeliveryOutcome.updateMany(
        { _id: anyOf(rows.map((r) => r._id)), error: present() },
        { $unset: { error: 1 } },
      );
    }
    return { deleted: 0, anonymised: rows.length };
  },
};

/** A staff member named as a campaign's sender or reply-to address. */
export const newsletterSendersHolder: PersonalDataHolder = {
  key: 'newsletter.senders',
  activity: 'newsletter',
  collection: 'newsletter_campaigns',
  models: [{ model: 'NewsletterCampaign', fields: ['from', 'replyTo'] }],
  category: { de: 'Absender einer Newsletter-Ausgabe', en: 'Sender of a newsletter issue' },
  purpose: {
    de: 'Absender- und Antwortadresse einer Ausgabe',
    en: 'Sender and reply-to address of an issue',
  },
  legalBasis: {
    de: 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 4 LDSG BW',
    en: 'Art. 6(1)(e) GDPR with § 4 LDSG BW',
  },
  source: { de: 'Von der Koordinationsstelle eingetragen', en: 'Entered by the coordination office' },
  recipients: { de: 'Alle Empfängerinnen und Empfänger der Ausgabe', en: 'Everyone the issue went to' },
  retention: () =>
    fixedRetention({ de: 'Solange die Ausgabe gespeichert ist', en: 'As long as the issue is stored' }),
  find: async (ctx) =>
    toRecords(
      await Campaign.find(
        { $or: [{ 'from.email': ctx.email }, { replyTo: ctx.email }] },
        { subject: 1, from: 1, replyTo: 1 },
      ).lean(),
    ),
  // The office takes over as sender, as it does for event contacts.
  erase: async (ctx) => {
    const a = await Campaign.updateMany(
      { 'from.email': ctx.email },
      { $set: { from: { name: ctx.config.OFFICE_NAME, email: ctx.config.OFFICE_EMAIL } } },
    );
    const b = await Campaign.updateMany({ replyTo: ctx.email }, { $unset: { replyTo: 1 } });
    return { deleted: 0, anonymised: a.modifiedCount + b.modifiedCount };
  },
};
