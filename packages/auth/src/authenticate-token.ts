import { Account } from './models/account';
import { ApiToken } from './models/api-token';
import { hashToken } from './token-hash';
import { recordApiTokenUse } from './record-api-token-use';
import { loadPrincipal } from './load-principal';
import type { Principal } from './principal-of';

export { principalOf, type Principal } from './principal-of';

/**
 * Looks the token up by its hash; the database compare is on the hash, so timing says nothing.
 * The token carries exactly its account's current rights. Its last use is stamped without
 * waiting: a lost stamp only makes "last used" older, and must never fail or slow a request.
 */
export async function authenticateToken(token: string): Promise<Principal | null> {
  const id = hashToken(token);
  const row = await ApiToken.findById(id).lean();
  if (!row || row.revokedAt) return null;
  const account = await Account.findById(row.accountId).lean();
  if (!account || account.disabledAt) return null;
  recordApiTokenUse(id).catch((err: Error) =>
    process.emitWarning(`last use of an API token not recorded: ${err.message}`),
  );
  return loadPrincipal(account);
}
