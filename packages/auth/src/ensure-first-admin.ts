import { normaliseEmail } from '@qn/domain';
import { Account } from './models/account';
import { issueApiToken } from './issue-api-token';

/** Idempotent: creates the configured admin if missing and registers its API token's hash. */
export async function ensureFirstAdmin(opts: { email: string; token?: string }): Promise<void> {
  const email = normaliseEmail(opts.email);
  await Account.updateOne(
    { email },
    { $setOnInsert: { email, role: 'admin', name: 'Koordination Quartier' } },
    { upsert: true },
  );
  if (opts.token) {
    const admin = await Account.findOne({ email }).lean();
    if (admin) await issueApiToken({ accountId: admin._id, label: 'ADMIN_TOKEN', token: opts.token });
  }
}
