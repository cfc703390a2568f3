import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';

/**
 * The n-th sign-up of one address: `_id` is `<address HMAC>:<n>`, n counting up from 0 without
 * gaps, so every subscription an address ever had is found by `_id` reads alone (FerretDB's
 * SQLite handler reads the whole collection for any other filter, docs/adr/0009). Claiming the
 * next n is a unique insert: of two sign-ups of one address at the same moment exactly one gets
 * it. The subscription stays the truth: a key whose subscription is gone leads nowhere.
 * Holds a keyed hash of the address, so erasure removes these.
 */
export type SubscriptionAddressKeyDoc = {
  _id: string;
  subscriptionId: string;
  createdAt: Date;
};

const schema = new Schema<SubscriptionAddressKeyDoc>(
  {
    _id: { type: String, required: true },
    subscriptionId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'funding_subscription_address_keys' },
);

export const SubscriptionAddressKey = defineModel<SubscriptionAddressKeyDoc>(
  'FundingSubscriptionAddressKey',
  schema,
);

export const addressKeyId = (emailHash: string, n: number): string => `${emailHash}:${n}`;
