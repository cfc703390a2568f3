import { isDuplicateKeyError } from '@qn/db';
import { AppError, normaliseEmail, textProblem, type FieldIssue } from '@qn/domain';
import { Account } from './models/account';

// The shape of an address, not its deliverability: the sign-in mail is the real test.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export type CreateAdminResult = {
  accountId: string;
  email: string;
  /** What changed: a new account, or an existing one made admin, re-enabled or renamed. */
  created: boolean;
  promoted: boolean;
  reenabled: boolean;
  renamed: boolean;
};

/**
 * Makes sure an admin account exists for the address: creates it, or makes an existing
 * account admin and enables it again. Idempotent, so running it twice changes nothing more.
 * For the first admin of a new install (the `create-admin` command) and for locked-out offices.
 */
/** What is wrong with the input, naming each field; empty when it can be used. */
export function createAdminIssues(opts: { email: string; name?: string }): FieldIssue[] {
  const email = normaliseEmail(opts.email);
  const name = opts.name?.trim() || undefined;
  const issues: FieldIssue[] = [];
  if (!EMAIL.test(email) || email.length > 254 || textProblem(email, 'line'))
    issues.push({ field: 'email', message: 'is not an e-mail address' });
  const nameProblem =
    name === undefined
      ? undefined
      : name.length > 200
        ? 'must be at most 200 characters'
        : textProblem(name, 'line');
  if (nameProblem) issues.push({ field: 'name', message: nameProblem });
  return issues;
}

/**
 * Makes sure an admin account exists for the address: creates it, or makes an existing
 * account admin and enables it again. Idempotent, so running it twice changes nothing more.
 * For the first admin of a new install (the `create-admin` command) and for locked-out offices.
 */
export async function createAdmin(opts: { email: string; name?: string }): Promise<CreateAdminResult> {
  const issues = createAdminIssues(opts);
  if (issues.length) throw AppError.validation(issues);
  const email = normaliseEmail(opts.email);
  const name = opts.name?.trim() || undefined;

  // accounts holds the office's staff, so finding by address (a full read on FerretDB) is fine.
  const existing = await Account.findOne({ email }).lean();
  if (!existing) {
    try {
      const created = await Account.create({ email, role: 'admin', name: name ?? 'Koordination Quartier' });
      return {
        accountId: String(created._id),
        email,
        created: true,
        promoted: false,
        reenabled: false,
        renamed: false,
      };
    } catch (err) {
      // Created meanwhile (a service starting with the same ADMIN_EMAIL): treat it as existing.
      if (!isDuplicateKeyError(err)) throw err;
      return createAdmin(opts);
    }
  }
  const promoted = existing.role !== 'admin';
  const reenabled = Boolean(existing.disabledAt);
  const renamed = name !== undefined && name !== existing.name;
  if (promoted || reenabled || renamed)
    await Account.updateOne(
      { _id: existing._id },
      {
        $set: { role: 'admin', ...(renamed ? { name } : {}) },
        ...(reenabled ? { $unset: { disabledAt: 1 } } : {}),
      },
    );
  return { accountId: String(existing._id), email, created: false, promoted, reenabled, renamed };
}
