import { randomBytes } from 'node:crypto';
import {
  Alert,
  dropAddressKeys,
  dropTokenKeys,
  eraseFromMatchIndex,
  Programme,
  Subscription,
  subscriptionIdsOfAddress,
  tokenKeysOf,
  type SubscriptionDoc,
} from '@qn/funding';
import { anyOf, deadHash, erasedAddress, toRecords } from '../records';
import { fixedRetention } from '../retention';
import type { PersonalDataHolder } from '../types';

const consentBasis = {
  de: 'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung per Double-Opt-In; Textversion, Zeitpunkt und Filter gespeichert, Art. 7 Abs. 1 DSGVO)',
  en: 'Art. 6(1)(a) GDPR (double opt-in consent; text version, time and filters stored, Art. 7(1) GDPR)',
};

const SECRET_FIELDS = [
  'tokenSalt',
  'confirmTokenHash',
  'manageTokenHash',
  'unsubscribeTokenHash',
  'emailHash',
] as const;

/** The address's subscriptions: a key whose subscription is gone or erased (another hash) is skipped. */
async function subscriptionsOf(addressHash: string): Promise<SubscriptionDoc[]> {
  const found: SubscriptionDoc[] = [];
  for (const id of await subscriptionIdsOfAddress(addressHash)) {
    const sub = await Subscription.findById(id).lean<SubscriptionDoc>();
    if (sub?.emailHash === addressHash) found.push(sub);
  }
  return found;
}

/** Alert subscriptions with their proof of consent, in every status. */
export const fundingSubscriptionsHolder: PersonalDataHolder = {
  key: 'funding.subscriptions',
  activity: 'funding',
  collection: 'funding_subscriptions',
  models: [
    {
      model: 'FundingSubscription',
      fields: [
        'email',
        'emailHash',
        'keywords',
        'consent',
        'tokenSalt',
        'confirmTokenHash',
        'manageTokenHash',
        'unsubscribeTokenHash',
      ],
    },
  ],
  category: {
    de: 'Abonnement der Förderprogramm-Benachrichtigungen (mit Einwilligungsnachweis)',
    en: 'Funding alert subscription (with proof of consent)',
  },
  purpose: {
    de: 'Benachrichtigungen und Fristerinnerungen zu passenden Förderprogrammen; Nachweis der Einwilligung',
    en: 'Alerts and deadline reminders about matching funding programmes; proof of consent',
  },
  legalBasis: consentBasis,
  source: { de: 'Ihre Anmeldung und Bestätigung', en: 'Your sign-up and confirmation' },
  recipients: {
    de: 'Koordinationsstelle; Mail-Relay (Auftragsverarbeiter)',
    en: 'Coordination office; mail relay (processor)',
  },
  retention: () =>
    fixedRetention({
      de: 'Unbestätigte Anmeldungen verfallen nach 72 Stunden; bestätigte bis zur Abmeldung oder Löschung',
      en: 'Unconfirmed sign-ups expire after 72 hours; confirmed ones until unsubscribing or erasure',
    }),
  // By the address's keys, each subscription read by `_id` (docs/adr/0009): the same few reads
  // however many subscriptions there are.
  find: async (ctx) =>
    toRecords(
      (await subscriptionsOf(ctx.addressHash)).map((sub) => {
        // Secrets and the address's HMAC are no part of an export.
        const rest: Partial<SubscriptionDoc> = { ...sub };
        for (const k of SECRET_FIELDS) delete rest[k];
        return rest;
      }),
    ),
  // Kept as a row so subscriber statistics stay right; nothing in it leads back to the person,
  // every link dies with its hash, and no alert goes out for it any more.
  erase: async (ctx) => {
    const subs = await subscriptionsOf(ctx.addressHash);
    for (const s of subs) {
      const active = s.status === 'pending' || s.status === 'confirmed';
      await Subscription.updateOne(
        { _id: s._id },
        {
          $set: {
            email: erasedAddress(s._id),
            emailHash: deadHash(),
            tokenSalt: randomBytes(16).toString('base64url'),
            confirmTokenHash: deadHash(),
            manageTokenHash: deadHash(),
            unsubscribeTokenHash: deadHash(),
            keywords: [],
            'consent.filters.keywords': [],
            ...(active ? { status: 'ended', endedReason: 'suppressed' } : {}),
          },
          $unset: { expiresAt: 1 },
        },
      );
    }
    if (subs.length) {
      // The links died with their hashes above; their pointers go too.
      await dropTokenKeys(subs.flatMap((s) => tokenKeysOf(s).map((k) => k._id)));
      // Out of the alert match index too (it holds the address's HMAC and the keywords).
      await eraseFromMatchIndex(
        subs.map((s) => s._id),
        ctx.redis && { redis: ctx.redis, prefix: ctx.config.QUEUE_PREFIX },
      );
      // Their pending alerts stay as they are: every sender checks the status (now ended) first.
    }
    await dropAddressKeys(ctx.addressHash);
    return { deleted: 0, anonymised: subs.length };
  },
};

/** What each subscription was alerted about: ids only, listed so the export is complete. */
export const fundingAlertsHolder: PersonalDataHolder = {
  key: 'funding.alerts',
  activity: 'funding',
  collection: 'funding_alerts',
  models: [{ model: 'FundingAlert', fields: ['subscriptionId'] }],
  category: { de: 'Gesendete und geplante Förder-Benachrichtigungen', en: 'Funding alerts sent and planned' },
  purpose: {
    de: 'Jede Benachrichtigung höchstens einmal senden; Wochenübersicht zusammenstellen',
    en: 'Send each alert at most once; assemble the weekly digest',
  },
  legalBasis: consentBasis,
  source: {
    de: 'Entsteht beim Abgleich neuer Programme mit Ihren Filtern',
    en: 'Written when new programmes are matched against your filters',
  },
  recipients: { de: 'Niemand', en: 'Nobody' },
  retention: () =>
    fixedRetention({
      de: 'Wie das Abonnement; nach der Löschung ohne Bezug zu Ihnen (nur noch Zählung)',
      en: 'As the subscription; after erasure without link to you (a count only)',
    }),
  dependsOn: ['funding.subscriptions'],
  find: async (ctx) => {
    const ids = (ctx.linked.get('funding.subscriptions') ?? []).map((s) => s.id);
    return toRecords(await Alert.find({ subscriptionId: anyOf(ids) }).lean());
  },
  // The rows hold ids only; the subscription they point to is anonymised, pending ones skipped.
  erase: async () => ({ deleted: 0, anonymised: 0 }),
};

/** A programme's contact person, as the office entered it from the official source. */
export const fundingContactsHolder: PersonalDataHolder = {
  key: 'funding.contacts',
  activity: 'funding',
  collection: 'funding_programmes',
  models: [{ model: 'FundingProgramme', fields: ['contact'] }],
  category: { de: 'Ansprechperson eines Förderprogramms', en: 'Contact person of a funding programme' },
  purpose: {
    de: 'Antragstellende wissen, wen sie zum Programm fragen können',
    en: 'Applicants know whom to ask about the programme',
  },
  legalBasis: {
    de: 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 4 LDSG BW',
    en: 'Art. 6(1)(e) GDPR with § 4 LDSG BW',
  },
  source: { de: 'Öffentliche Angaben des Fördergebers', en: 'Public information of the funding body' },
  recipients: { de: 'Öffentlich auf der Programmseite', en: 'Public on the programme page' },
  retention: () =>
    fixedRetention({ de: 'Solange das Programm gelistet ist', en: 'As long as the programme is listed' }),
  find: async (ctx) =>
    toRecords(await Programme.find({ 'contact.email': ctx.email }, { title: 1, contact: 1 }).lean()),
  erase: async (ctx) => {
    const r = await Programme.updateMany(
      { 'contact.email': ctx.email },
      { $unset: { 'contact.email': 1, 'contact.name': 1, 'contact.phone': 1 } },
    );
    return { deleted: 0, anonymised: r.modifiedCount };
  },
};
