import { isDuplicateKeyError } from '@qn/db';
import {
  addressKeyId,
  SubscriptionAddressKey,
  type SubscriptionAddressKeyDoc,
} from './models/subscription-address-key';

const keyAt = (emailHash: string, n: number) =>
  SubscriptionAddressKey.findById(addressKeyId(emailHash, n)).lean<SubscriptionAddressKeyDoc>();

/**
 * How many sign-ups the address has made: the first n without a key. Keys have no gaps, so
 * doubling and then halving finds it in about 2·log2(n) reads by `_id`, one for a new address.
 */
export async function countAddressKeys(emailHash: string): Promise<number> {
  if (!(await keyAt(emailHash, 0))) return 0;
  let present = 0;
  let missing = 1;
  while (await keyAt(emailHash, missing)) {
    present = missing;
    missing *= 2;
  }
  while (missing - present > 1) {
    const mid = Math.floor((present + missing) / 2);
    if (await keyAt(emailHash, mid)) present = mid;
    else missing = mid;
  }
  return missing;
}

/** The latest keys below `count`, newest first, while younger than `since`, at most `max`. */
export async function recentAddressKeys(
  emailHash: string,
  count: number,
  since: Date,
  max: number,
): Promise<SubscriptionAddressKeyDoc[]> {
  const out: SubscriptionAddressKeyDoc[] = [];
  for (let n = count - 1; n >= 0 && out.length < max; n--) {
    const key = await keyAt(emailHash, n);
    if (!key || key.createdAt < since) break;
    out.push(key);
  }
  return out;
}

/** Every key of the address, oldest first: one read per sign-up it ever made. */
export async function listAddressKeys(emailHash: string): Promise<SubscriptionAddressKeyDoc[]> {
  const out: SubscriptionAddressKeyDoc[] = [];
  for (let n = 0; ; n++) {
    const key = await keyAt(emailHash, n);
    if (!key) return out;
    out.push(key);
  }
}

/** Claims the n-th key; false when another sign-up of the address claimed it first. */
export async function claimAddressKey(
  emailHash: string,
  n: number,
  key: Omit<SubscriptionAddressKeyDoc, '_id'>,
): Promise<boolean> {
  try {
    await SubscriptionAddressKey.collection.insertOne({ _id: addressKeyId(emailHash, n), ...key } as never);
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

/**
 * Appends a subscription to its address's keys unless it is there already (the backfill of
 * records from before the keys); a lost race for the next n just tries the one after.
 */
export async function appendAddressKey(
  emailHash: string,
  key: Omit<SubscriptionAddressKeyDoc, '_id'>,
): Promise<boolean> {
  const keys = await listAddressKeys(emailHash);
  if (keys.some((k) => k.subscriptionId === key.subscriptionId)) return false;
  for (let n = keys.length; ; n++) if (await claimAddressKey(emailHash, n, key)) return true;
}

/** Removes every key of the address, newest first, so an interrupted run leaves no gap. */
export async function dropAddressKeys(emailHash: string): Promise<number> {
  const keys = await listAddressKeys(emailHash);
  for (const k of [...keys].reverse()) await SubscriptionAddressKey.deleteOne({ _id: k._id });
  return keys.length;
}
