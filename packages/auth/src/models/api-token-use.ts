import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

/**
 * When an API token was last used, keyed like the token (`_id` = its hash). Kept apart from
 * the token's own document on purpose: FerretDB rewrites a whole document on every update
 * without a lock, so a use stamp written to the token while it is being revoked could write
 * the old, unrevoked document back. Here the stamp can only ever overwrite another stamp.
 */
export type ApiTokenUseDoc = { _id: string; lastUsedAt: Date };

const schema = new Schema<ApiTokenUseDoc>(
  {
    _id: { type: String, required: true },
    lastUsedAt: { type: Date, required: true },
  },
  { ...baseSchemaOptions, timestamps: false, collection: 'api_token_uses' },
);

export const ApiTokenUse = defineModel<ApiTokenUseDoc>('ApiTokenUse', schema);
