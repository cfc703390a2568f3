import { isDuplicateKeyError } from '@qn/db';
import { normaliseEmail } from '@qn/domain';
import { Account } from './models/account';
import { issueApiToken } from './issue-api-token';

/**
 * Idempotent: creates the configured admin if missing and registers its API token's hash.
 * In the split layout every process runs this at start; when two upsert at once, the unique
 * email index lets one win and the other sees a duplicate key, which here means "done".
 */
export async function ensureFirstAdmin(opts: { email: string; token?: string }): Promise<void> {
  const email = normaliseEmail(opts.email);
  await ignoreDuplicate(
    Account.updateOne(
      { email },
      { $setOnInsert: { email, role: 'admin', name: 'Koordination Quartier' } },
      { upsert: true },
    ),
  );
  if (opts.token) {
    const admin = await Account.findOne({ email }).lean();
    if (admin)
      await ignoreDuplicate(issueApiToken({ accountId: admin._id, label: 'ADMIN_TOKEN', token: opts.token }));
  }
}

async function ignoreDuplicate(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}
