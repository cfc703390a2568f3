import type { Types } from 'mongoose';
import { AppError, textProblem } from '@qn/domain';
import { ApiToken } from './models/api-token';
import { hashToken, newToken } from './token-hash';

export const API_TOKEN_NAME_MAX = 100;

/** Registers a token whose value the caller knows (seeds, the configured ADMIN_TOKEN); idempotent. */
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

/** Why a token name cannot be used, or undefined: it ends up in lists and the audit trail. */
export function apiTokenNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'is required';
  if (trimmed.length > API_TOKEN_NAME_MAX) return `must be at most ${API_TOKEN_NAME_MAX} characters`;
  return textProblem(trimmed, 'line');
}

/**
 * A new token for the account, named by its owner. The token itself is returned this once
 * and never stored: only its SHA-256 is, as the document's `_id`, which is also its id in
 * lists and in the audit trail.
 */
export async function createApiToken(opts: {
  accountId: Types.ObjectId | string;
  name: string;
}): Promise<{ token: string; id: string; name: string; createdAt: Date }> {
  const problem = apiTokenNameProblem(opts.name);
  if (problem) throw AppError.validation([{ field: 'name', message: problem }]);
  const name = opts.name.trim();
  const token = newToken();
  // 32 random bytes: a clash of two new ids does not happen, so a plain insert is enough.
  const row = await ApiToken.create({ _id: hashToken(token), accountId: opts.accountId, label: name });
  return { token, id: row._id, name, createdAt: row.get('createdAt') as Date };
}
