import { seedFoundation } from './seed-foundation';
import { seedEvents } from './seed-events';
import { seedFunding } from './seed-funding';
import { seedNewsletter } from './seed-newsletter';

/**
 * Loads the whole demo set. Each domain adds its own idempotent seed step here
 * (events, funding programmes, newsletter lists).
 */
export async function seedDemo(opts: { organiserToken?: string; secretKey?: string } = {}): Promise<void> {
  await seedFoundation(opts);
  await seedEvents();
  await seedFunding();
  // Address hashes (suppression list) are keyed by SECRET_KEY, so the newsletter demo needs it.
  if (opts.secretKey) await seedNewsletter({ secretKey: opts.secretKey });
}
