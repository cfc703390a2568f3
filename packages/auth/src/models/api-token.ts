import mongoose, { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

/** `_id` is the SHA-256 of the token: the token itself is shown once and never stored. */
export type ApiTokenDoc = {
  _id: string;
  accountId: mongoose.Types.ObjectId;
  label: string;
  lastUsedAt?: Date;
  revokedAt?: Date;
};

const schema = new Schema<ApiTokenDoc>(
  {
    _id: { type: String, required: true },
    accountId: { type: Schema.Types.ObjectId, required: true, index: true },
    label: { type: String, required: true, maxlength: 100 },
    lastUsedAt: Date,
    revokedAt: Date,
  },
  { ...baseSchemaOptions, collection: 'api_tokens' },
);

export const ApiToken = defineModel<ApiTokenDoc>('ApiToken', schema);
