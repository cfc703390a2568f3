import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

/** A console session. `_id` is the SHA-256 of the cookie value: the cookie itself is never stored. */
export type WebSessionDoc = { _id: string; accountId: string; expiresAt: Date };

const schema = new Schema<WebSessionDoc>(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true, index: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { ...baseSchemaOptions, collection: 'web_sessions' },
);

export const WebSession = defineModel<WebSessionDoc>('WebSession', schema);
