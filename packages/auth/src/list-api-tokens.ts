import mongoose from 'mongoose';
import { AppError } from '@qn/domain';
import { Account } from './models/account';
import { ApiToken, type ApiTokenDoc } from './models/api-token';
import { ApiTokenUse } from './models/api-token-use';
import type { Principal } from './authenticate-token';

export type ApiTokenView = {
  /** The token's hash: safe to show and to name in the audit trail, useless to sign in with. */
  id: string;
  name: string;
  accountId: string;
  createdAt?: Date;
  lastUsedAt?: Date;
  revokedAt?: Date;
};

const TOKEN_ID = /^[0-9a-f]{64}$/;
const LIST_MAX = 1000;

type Row = ApiTokenDoc & { createdAt?: Date };

// api_tokens holds a few tokens per account, api_token_uses one row per token and accounts the
// office's staff: the filters here that are not exactly `{_id}` read these collections whole
// on FerretDB, which is fine at that size (and they serve console pages, not the API).
async function viewsOf(rows: Row[]): Promise<ApiTokenView[]> {
  const uses = rows.length
    ? await ApiTokenUse.find({ _id: mongoose.trusted({ $in: rows.map((r) => r._id) }) }).lean()
    : [];
  const lastUse = new Map(uses.map((u) => [u._id, u.lastUsedAt]));
  return rows
    .map((r) => ({
      id: r._id,
      name: r.label,
      accountId: String(r.accountId),
      createdAt: r.createdAt,
      lastUsedAt: lastUse.get(r._id) ?? r.lastUsedAt,
      revokedAt: r.revokedAt,
    }))
    .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
}

/** The account's own tokens, newest first, revoked ones included (with when). */
export async function listApiTokens(opts: { accountId: string }): Promise<ApiTokenView[]> {
  if (!mongoose.isValidObjectId(opts.accountId)) return [];
  const rows = await ApiToken.find({ accountId: opts.accountId }).limit(LIST_MAX).lean<Row[]>();
  return viewsOf(rows);
}

/** Every account's tokens with the owner's address, for admins only. */
export async function listAllApiTokens(opts: {
  principal: Principal;
}): Promise<(ApiTokenView & { email?: string })[]> {
  if (opts.principal.role !== 'admin') throw AppError.forbidden();
  const views = await viewsOf(await ApiToken.find().limit(LIST_MAX).lean<Row[]>());
  const ids = [...new Set(views.map((v) => v.accountId))];
  const accounts = ids.length
    ? await Account.find({ _id: mongoose.trusted({ $in: ids }) }, { email: 1 }).lean()
    : [];
  const emailOf = new Map(accounts.map((a) => [String(a._id), a.email]));
  return views.map((v) => ({ ...v, email: emailOf.get(v.accountId) }));
}

/**
 * One token as its owner or an admin may see it. Anyone else gets "not found", as for an
 * unknown id, so the answer says nothing about other accounts' tokens.
 */
export async function findApiToken(opts: {
  principal: Principal;
  tokenId: string;
}): Promise<ApiTokenView & { email?: string }> {
  if (!TOKEN_ID.test(opts.tokenId)) throw AppError.notFound('Zugangsschlüssel nicht gefunden.');
  const row = await ApiToken.findById(opts.tokenId).lean<Row>();
  const own = row && String(row.accountId) === opts.principal.accountId;
  if (!row || (!own && opts.principal.role !== 'admin'))
    throw AppError.notFound('Zugangsschlüssel nicht gefunden.');
  const [view] = await viewsOf([row]);
  const owner = own ? undefined : await Account.findById(row.accountId, { email: 1 }).lean();
  return { ...view!, email: own ? opts.principal.email : owner?.email };
}
