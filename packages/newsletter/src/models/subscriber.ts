import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';
import type { Lang } from './newsletter-list';

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed', 'bounced', 'complained'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];
export const CONSENT_METHODS = ['form', 'import', 'admin'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export type SubscriberAttributes = {
  municipality?: string;
  actorType?: string;
  fieldsOfAction: string[];
};

/**
 * One address on one list. `_id` is `<listId>:<addressHash>`: the insert is the arbiter when
 * the same address signs up twice at once (FerretDB holds unique keys, nothing else), and the
 * lookup by list and address is an `_id` lookup, the one query FerretDB answers from an index.
 */
export type SubscriberDoc = {
  _id: string;
  listId: string;
  email: string;
  addressHash: string;
  name?: string;
  lang: Lang;
  status: SubscriberStatus;
  /** Proof of consent: when it was given, how, and which text version was shown. */
  consent: { at?: Date; requestedAt?: Date; method: ConsentMethod; textVersion: string };
  attributes: SubscriberAttributes;
  /** Changes with every confirmation request; the confirm link is an HMAC over it. */
  confirmNonce?: string;
  confirmRequestedAt?: Date;
  confirmedAt?: Date;
  unsubscribedAt?: Date;
  bouncedAt?: Date;
  complainedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
};

const schema = new Schema<SubscriberDoc>(
  {
    _id: { type: String, required: true },
    listId: { type: String, required: true, index: true },
    email: { type: String, required: true, maxlength: 254 },
    addressHash: { type: String, required: true, index: true },
    name: { type: String, maxlength: 200 },
    lang: { type: String, required: true, enum: ['de', 'en'], default: 'de' },
    status: { type: String, required: true, enum: SUBSCRIBER_STATUSES },
    consent: {
      at: Date,
      requestedAt: Date,
      method: { type: String, required: true, enum: CONSENT_METHODS },
      textVersion: { type: String, required: true },
    },
    attributes: {
      municipality: String,
      actorType: String,
      fieldsOfAction: { type: [String], default: [] },
    },
    confirmNonce: String,
    confirmRequestedAt: Date,
    confirmedAt: Date,
    unsubscribedAt: Date,
    bouncedAt: Date,
    complainedAt: Date,
  },
  { ...baseSchemaOptions, collection: 'newsletter_subscribers' },
);

export const Subscriber = defineModel<SubscriberDoc>('NewsletterSubscriber', schema);

export function subscriberIdOf(listId: string, addressHash: string): string {
  return `${listId}:${addressHash}`;
}
