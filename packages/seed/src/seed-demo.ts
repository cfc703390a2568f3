import { seedFoundation } from './seed-foundation';
import { seedEvents } from './seed-events';
import { seedFunding } from './seed-funding';

/**
 * Loads the whole demo set. Each domain adds its own idempotent seed step here
 * (events, funding programmes, newsletter lists).
 */
export async function seedDemo(opts: { organiserToken?: string } = {}): Promise<void> {
  await seedFoundation(opts);
  await seedEvents();
  await seedFunding();
}
