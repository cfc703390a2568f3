import { Account, Organisation, issueApiToken } from '@qn/auth';
import { DEMO_ORGANISATIONS } from './demo-organisations';

/**
 * Idempotent: upserts by stable ids, so running it on every start changes nothing the second
 * time. Returns the demo organiser's API token only when `organiserToken` was given.
 */
export async function seedFoundation(opts: { organiserToken?: string } = {}): Promise<void> {
  await Organisation.bulkWrite(
    DEMO_ORGANISATIONS.map((o) => ({
      updateOne: { filter: { _id: o._id }, update: { $setOnInsert: o }, upsert: true },
    })),
  );
  await Account.updateOne(
    { email: 'organisator@example.org' },
    {
      $setOnInsert: {
        email: 'organisator@example.org',
        role: 'organiser',
        name: 'Demo Organisator',
        organisationId: 'stadt-nuertingen',
      },
    },
    { upsert: true },
  );
  if (opts.organiserToken) {
    const organiser = await Account.findOne({ email: 'organisator@example.org' }).lean();
    if (organiser)
      await issueApiToken({ accountId: organiser._id, label: 'demo', token: opts.organiserToken });
  }
}
