import { Account, type AccountDoc } from './models/account';
import { ApiToken } from './models/api-token';
import { hashToken } from './token-hash';
import type { Membership } from './access-rules';

export type Principal = {
  accountId: string;
  email: string;
  role: AccountDoc['role'];
  organisationId?: string;
  /** Per-organisation roles; absent on principals of the older one-organisation shape. */
  memberships?: Membership[];
};

/** Looks the token up by its hash; the database compare is on the hash, so timing says nothing. */
export async function authenticateToken(token: string): Promise<Principal | null> {
  const row = await ApiToken.findById(hashToken(token)).lean();
  if (!row || row.revokedAt) return null;
  const account = await Account.findById(row.accountId).lean();
  if (!account || account.disabledAt) return null;
  return principalOf(account);
}

export function principalOf(account: AccountDoc): Principal {
  return {
    accountId: String(account._id),
    email: account.email,
    role: account.role,
    organisationId: account.organisationId ?? undefined,
  };
}
