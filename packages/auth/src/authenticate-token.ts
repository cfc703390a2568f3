import { Account, type AccountDoc } from './models/account';
import { ApiToken } from './models/api-token';
import { hashToken } from './token-hash';
import type { Membership } from './access-rules';
import { recordApiTokenUse } from './record-api-token-use';

export type Principal = {
  accountId: string;
  email: string;
  role: AccountDoc['role'];
  organisationId?: string;
  /** Per-organisation roles; absent on principals of the older one-organisation shape. */
  memberships?: Membership[];
};

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
  return principalOf(account);
}

/**
 * The principal of an account. `organisationId` stays the first organisation the account
 * organises, for callers that need one default (a new event's organisation).
 */
export function principalOf(account: AccountDoc): Principal {
  const memberships = account.memberships?.map((m) => ({ organisationId: m.organisationId, role: m.role }));
  const organisationId = memberships
    ? memberships.find((m) => m.role === 'organiser')?.organisationId
    : (account.organisationId ?? undefined);
  return {
    accountId: String(account._id),
    email: account.email,
    role: account.role,
    organisationId,
    ...(memberships ? { memberships } : {}),
  };
}
