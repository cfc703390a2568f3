import { Schema } from 'mongoose';
import { baseSchemaOptions, defineModel } from '@qn/db';

/**
 * A pending magic-link sign-in. The link carries `<_id>.<secret>`; only the SHA-256 of the
 * secret is stored, so a database leak yields no usable link. Expiry is checked on use
 * (FerretDB has no TTL indexes); expired rows are swept on later requests.
 */
export type SignInTokenDoc = { _id: string; secretHash: string; accountId: string; expiresAt: Date };

const schema = new Schema<SignInTokenDoc>(
  {
    _id: { type: String, required: true },
    secretHash: { type: String, required: true },
    accountId: { type: String, required: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { ...baseSchemaOptions, collection: 'web_sign_in_tokens' },
);

export const SignInToken = defineModel<SignInTokenDoc>('WebSignInToken', schema);

/**
 * One row per redeemed token. Its unique `_id` is what makes a token single-use on FerretDB,
 * where two concurrent "mark as used" updates would both succeed.
 */
const useSchema = new Schema<{ _id: string }>(
  { _id: { type: String, required: true } },
  { ...baseSchemaOptions, collection: 'web_sign_in_token_uses' },
);

export const SignInTokenUse = defineModel<{ _id: string }>('WebSignInTokenUse', useSchema);
