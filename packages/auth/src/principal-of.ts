import type { AccountDoc } from './models/account';
import type { Membership } from './access-rules';

export type Principal = {
  accountId: string;
  email: string;
  role: AccountDoc['role'];
  organisationId?: string;
  /** Per-organisation roles; absent on principals of the older one-organisation shape. */
  memberships?: Membership[];
};

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
