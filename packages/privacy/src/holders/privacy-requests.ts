import { PrivacyRequest } from '../privacy-request';
import { toRecords } from '../records';
import { daysFromConfig } from '../retention';
import type { PersonalDataHolder } from '../types';

/** The requests themselves: HMAC of the address, kind and dates; never the exported data. */
export const privacyRequestsHolder: PersonalDataHolder = {
  key: 'privacy.requests',
  activity: 'privacy',
  collection: 'privacy_requests',
  models: [{ model: 'PrivacyRequest', fields: ['addressHash', 'sealedAddress'] }],
  category: {
    de: 'Ihre Auskunfts- und Löschanträge (nur ein Schlüssel-Hash der Adresse)',
    en: 'Your access and erasure requests (only a keyed hash of the address)',
  },
  purpose: {
    de: 'Nachweis, dass und wann Anträge nach Art. 15 und 17 DSGVO beantwortet wurden',
    en: 'Proof that and when requests under Art. 15 and 17 GDPR were answered',
  },
  legalBasis: {
    de: 'Art. 6 Abs. 1 lit. c DSGVO i. V. m. Art. 5 Abs. 2 und Art. 12 DSGVO',
    en: 'Art. 6(1)(c) GDPR with Art. 5(2) and Art. 12 GDPR',
  },
  source: { de: 'Ihr Antrag', en: 'Your request' },
  recipients: { de: 'Koordinationsstelle (Administratoren)', en: 'Coordination office (admins)' },
  retention: (config) =>
    daysFromConfig(
      config,
      'PRIVACY_REQUEST_RETENTION_DAYS',
      (d) => ({ de: `${d} Tage nach dem Antrag`, en: `${d} days after the request` }),
      { de: 'Drei Jahre nach dem Antrag', en: 'Three years after the request' },
    ),
  find: async (ctx) =>
    toRecords(
      await PrivacyRequest.find(
        { addressHash: ctx.addressHash },
        { kind: 1, channel: 1, status: 1, outcome: 1, requestedAt: 1, confirmedAt: 1, completedAt: 1 },
      ).lean(),
    ),
  erase: async () => ({ deleted: 0, anonymised: 0 }),
  keptOnErasure: {
    de: 'Der Nachweis Ihrer Anträge (Art, Datum, Hash der Adresse) bleibt als Rechenschaft nach Art. 5 Abs. 2 DSGVO.',
    en: 'The record of your requests (kind, dates, hash of the address) stays as accountability under Art. 5(2) GDPR.',
  },
};
