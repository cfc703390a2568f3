import { isDuplicateKeyError } from '@qn/db';
import { Registration, type RegistrationDoc } from './models/registration';
import { RegistrationKey, addressKeyOf } from './models/registration-key';

/**
 * After the registration won its unique (event, address) insert: only that writer gets here
 * for this key, so replacing a stale pointer (of an anonymised registration) races with nobody.
 */
export async function writeAddressKey(eventId: string, email: string, registrationId: string): Promise<void> {
  const _id = addressKeyOf(eventId, email);
  try {
    await RegistrationKey.collection.insertOne({ _id, registrationId } as never);
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    await RegistrationKey.updateOne({ _id }, { $set: { registrationId } });
  }
}

export async function dropAddressKey(eventId: string, email: string): Promise<void> {
  await RegistrationKey.deleteOne({ _id: addressKeyOf(eventId, email) });
}

/**
 * The registration of this (normalised) address for this event, by two `_id` reads. The
 * pointer is written just after the registration, so a twin request that lost the insert a
 * moment ago, or a registration from before the pointers, finds none: then one scan, exact
 * by the unique index, which writes the pointer for next time.
 */
export async function findRegistrationByAddress(
  eventId: string,
  email: string,
): Promise<RegistrationDoc | null> {
  const key = await RegistrationKey.findById(addressKeyOf(eventId, email)).lean();
  const reg = key ? await Registration.findById(key.registrationId).lean() : null;
  if (reg && reg.eventId === eventId && reg.email === email) return reg;
  const found = await Registration.findOne({ eventId, email }).lean();
  if (found) await writeAddressKey(eventId, email, String(found._id));
  return found;
}
