import type { SubscriberDoc } from './models/subscriber';

/** The JSON an admin sees of a subscriber; the address hash and nonce stay inside. */
export function subscriberView(s: SubscriberDoc) {
  return {
    id: s._id,
    listId: s.listId,
    email: s.email,
    name: s.name ?? null,
    lang: s.lang,
    status: s.status,
    consent: {
      at: s.consent.at ?? null,
      requestedAt: s.consent.requestedAt ?? null,
      method: s.consent.method,
      textVersion: s.consent.textVersion,
    },
    attributes: {
      municipality: s.attributes.municipality ?? null,
      actorType: s.attributes.actorType ?? null,
      fieldsOfAction: s.attributes.fieldsOfAction ?? [],
    },
    confirmedAt: s.confirmedAt ?? null,
    unsubscribedAt: s.unsubscribedAt ?? null,
    bouncedAt: s.bouncedAt ?? null,
    complainedAt: s.complainedAt ?? null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
export type SubscriberView = ReturnType<typeof subscriberView>;
