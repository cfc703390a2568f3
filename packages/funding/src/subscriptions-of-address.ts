import { listAddressKeys } from './address-keys';
import { addressKeysComplete } from './backfill-address-keys';
import { Subscription } from './models/subscription';

/**
 * The ids of every subscription the address ever had, by `_id` reads of its address keys.
 * Until the start-up backfill has finished, the old query by address hash runs as well (a full
 * read on FerretDB), so records from before the keys are never missed.
 */
export async function subscriptionIdsOfAddress(emailHash: string): Promise<string[]> {
  const ids = new Set((await listAddressKeys(emailHash)).map((k) => k.subscriptionId));
  if (!(await addressKeysComplete()))
    for (const s of await Subscription.find({ emailHash }, { _id: 1 }).lean()) ids.add(s._id);
  return [...ids];
}
