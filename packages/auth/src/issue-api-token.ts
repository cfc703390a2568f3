import type { Types } from 'mongoose';
import { ApiToken } from './models/api-token';
import { hashToken, newToken } from './token-hash';

export async function issueApiToken(opts: {
  accountId: Types.ObjectId;
  label: string;
  token?: string;
}): Promise<string> {
  const token = opts.token ?? newToken();
  await ApiToken.updateOne(
    { _id: hashToken(token) },
    { $setOnInsert: { accountId: opts.accountId, label: opts.label } },
    { upsert: true },
  );
  return token;
}

export async function revokeApiToken(token: string): Promise<void> {
  await ApiToken.updateOne({ _id: hashToken(token) }, { $set: { revokedAt: new Date() } });
}
