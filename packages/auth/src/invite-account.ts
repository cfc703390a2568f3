import { AppError, normaliseEmail, textProblem, type FieldIssue } from '@qn/domain';
import { isDuplicateKeyError } from '@qn/db';
import { Account, type AccountDoc } from './models/account';
import { Organisation } from './models/organisation';
import { membershipsOf, type MembershipRole } from './access-rules';
import { principalOf } from './principal-of';
import { withAccountLock, type AccountDeps } from './account-lock';

/** What an invitation grants: the office's admin role, or a role in one organisation. */
export type Grant = { kind: 'admin' } | { kind: 'member'; organisationId: string; role: MembershipRole };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Invites a person: makes their account if there is none, and adds what the invitation grants.
 * An existing account keeps its other memberships (one person, several organisations); a
 * deactivated one is active again, since an admin asked for it by name. The accounts
 * collection holds the office's and organisers' staff (hundreds at most): the look-up by
 * address is one of few, and its unique index decides between two invitations at once.
 */
export async function inviteAccount(
  deps: AccountDeps,
  input: { email: string; name?: string; grant: Grant },
): Promise<{ account: AccountDoc; created: boolean }> {
  const issues: FieldIssue[] = [];
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > 254)
    issues.push({ field: 'email', message: 'not an e-mail address' });
  const name = input.name?.trim() || undefined;
  if (name && (name.length > 200 || textProblem(name, 'line')))
    issues.push({ field: 'name', message: textProblem(name, 'line') ?? 'at most 200 characters' });
  if (input.grant.kind === 'member') {
    const org = await Organisation.findById(input.grant.organisationId).lean();
    if (!org || org.disabledAt) issues.push({ field: 'organisationId', message: 'unknown organisation' });
  }
  if (issues.length) throw AppError.validation(issues);

  let existing = await Account.findOne({ email }).lean();
  if (!existing) {
    try {
      const doc = await Account.create({
        email,
        name,
        role: input.grant.kind === 'admin' ? 'admin' : 'organiser',
        memberships: input.grant.kind === 'member' ? [grantedMembership(input.grant)] : [],
        invitedAt: new Date(),
      });
      return { account: doc.toObject(), created: true };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      existing = await Account.findOne({ email }).lean(); // a concurrent invitation made it
      if (!existing) throw err;
    }
  }
  const accountId = String(existing._id);
  const account = await withAccountLock(deps, accountId, async () => {
    const fresh = (await Account.findById(accountId).lean())!;
    const set: Partial<AccountDoc> = { invitedAt: new Date() };
    if (name && !fresh.name) set.name = name;
    if (input.grant.kind === 'admin') set.role = 'admin';
    else set.memberships = withMembership(membershipsOf(principalOf(fresh)), input.grant);
    await Account.updateOne({ _id: fresh._id }, { $set: set, $unset: { disabledAt: 1, organisationId: 1 } });
    return { ...fresh, ...set, disabledAt: undefined, organisationId: undefined };
  });
  return { account, created: false };
}

function grantedMembership(g: Extract<Grant, { kind: 'member' }>) {
  return { organisationId: g.organisationId, role: g.role };
}

/** The memberships with one organisation's role set (replacing an earlier role there). */
export function withMembership(
  memberships: { organisationId: string; role: MembershipRole }[],
  g: Extract<Grant, { kind: 'member' }>,
) {
  return [...memberships.filter((m) => m.organisationId !== g.organisationId), grantedMembership(g)];
}
