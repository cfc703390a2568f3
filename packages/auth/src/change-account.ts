import { AppError } from '@qn/domain';
import { Account, type AccountDoc } from './models/account';
import { ApiToken } from './models/api-token';
import { Organisation } from './models/organisation';
import { membershipsOf, type MembershipRole } from './access-rules';
import { principalOf } from './principal-of';
import { withMembership } from './invite-account';
import { withAccountLock, withAdminsLock, type AccountDeps } from './account-lock';

async function accountOrNotFound(accountId: string): Promise<AccountDoc> {
  const account = /^[0-9a-f]{24}$/.test(accountId) ? await Account.findById(accountId).lean() : null;
  if (!account) throw AppError.notFound('Konto nicht gefunden.');
  return account;
}

/** Sets the account's role in one organisation, or removes it from it (`role: null`). */
export async function setMembership(
  deps: AccountDeps,
  input: { accountId: string; organisationId: string; role: MembershipRole | null },
): Promise<boolean> {
  return withAccountLock(deps, input.accountId, async () => {
    const account = await accountOrNotFound(input.accountId);
    const current = membershipsOf(principalOf(account));
    let next = current.filter((m) => m.organisationId !== input.organisationId);
    if (input.role) {
      const org = await Organisation.findById(input.organisationId).lean();
      if (!org) throw AppError.validation([{ field: 'organisationId', message: 'unknown organisation' }]);
      next = withMembership(current, {
        kind: 'member',
        organisationId: input.organisationId,
        role: input.role,
      });
    }
    const same =
      next.length === current.length &&
      next.every((m) => current.some((c) => c.organisationId === m.organisationId && c.role === m.role));
    if (same && account.memberships) return false;
    await Account.updateOne(
      { _id: account._id },
      { $set: { memberships: next }, $unset: { organisationId: 1 } },
    );
    return !same;
  });
}

/** Active admins; few, so reading the accounts collection for them is cheap. */
async function activeAdminIds(): Promise<string[]> {
  const all = await Account.find({ role: 'admin' }, { disabledAt: 1 }).lean();
  return all.filter((a) => !a.disabledAt).map((a) => String(a._id));
}

function refuseLastAdmin(admins: string[], accountId: string): void {
  if (admins.length === 1 && admins[0] === accountId)
    throw AppError.conflict('Das letzte aktive Admin-Konto kann nicht entfernt oder deaktiviert werden.');
}

/** Makes an account an admin or takes the role back; the last active admin stays. */
export async function setAdmin(
  deps: AccountDeps,
  input: { accountId: string; admin: boolean },
): Promise<boolean> {
  return withAdminsLock(deps, async () => {
    const account = await accountOrNotFound(input.accountId);
    if ((account.role === 'admin') === input.admin) return false;
    if (!input.admin) refuseLastAdmin(await activeAdminIds(), input.accountId);
    await Account.updateOne({ _id: account._id }, { $set: { role: input.admin ? 'admin' : 'organiser' } });
    return true;
  });
}

/**
 * Deactivates or reactivates an account. A deactivated account's sessions and API tokens stop
 * working at once (every request checks `disabledAt`); nobody deactivates themselves.
 */
export async function setAccountActive(
  deps: AccountDeps,
  input: { accountId: string; active: boolean; byAccountId: string },
): Promise<boolean> {
  if (!input.active && input.accountId === input.byAccountId)
    throw AppError.conflict('Das eigene Konto kann nicht deaktiviert werden.');
  return withAdminsLock(deps, async () => {
    const account = await accountOrNotFound(input.accountId);
    if (input.active === !account.disabledAt) return false;
    if (!input.active && account.role === 'admin') refuseLastAdmin(await activeAdminIds(), input.accountId);
    await Account.updateOne(
      { _id: account._id },
      input.active ? { $unset: { disabledAt: 1 } } : { $set: { disabledAt: new Date() } },
    );
    return true;
  });
}

/**
 * Removes an account and its API tokens. What it did stays in the audit log under its id (the
 * log holds ids, no names), so the trail remains without keeping the person's data.
 */
export async function removeAccount(
  deps: AccountDeps,
  input: { accountId: string; byAccountId: string },
): Promise<void> {
  if (input.accountId === input.byAccountId)
    throw AppError.conflict('Das eigene Konto kann nicht entfernt werden.');
  await withAdminsLock(deps, async () => {
    const account = await accountOrNotFound(input.accountId);
    if (account.role === 'admin') refuseLastAdmin(await activeAdminIds(), input.accountId);
    await ApiToken.deleteMany({ accountId: account._id });
    await Account.deleteOne({ _id: account._id });
  });
}

/** Marks the first and every later sign-in, so the accounts page tells invited from active. */
export async function noteSignIn(accountId: string): Promise<void> {
  await Account.updateOne({ _id: accountId }, { $set: { lastSignInAt: new Date() } });
}

/** All accounts by address; the office's staff and organisers, hundreds at most. */
export async function listAccounts(): Promise<AccountDoc[]> {
  const all = await Account.find().lean();
  return all.sort((a, b) => a.email.localeCompare(b.email));
}

export async function findAccount(accountId: string): Promise<AccountDoc> {
  return accountOrNotFound(accountId);
}
