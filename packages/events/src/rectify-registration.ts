import { AppError, type FieldIssue } from '@qn/domain';
import { Event } from './models/event';
import { Registration, type RegistrationDoc } from './models/registration';
import { withEventLock } from './event-lock';
import type { EventsDeps } from './events-deps';

/**
 * What a registrant may correct about themselves (DSGVO Art. 16). `null` clears an optional
 * field. The address is not among them: it is the registration's identity (one per event and
 * address) and the manage link was mailed to it, so a new address means cancel and register anew.
 */
export type RegistrationCorrections = {
  name?: string;
  organisation?: string | null;
  accessibilityNeeds?: string | null;
};

export const RECTIFIABLE_REGISTRATION_FIELDS = ['name', 'organisation', 'accessibilityNeeds'] as const;

const LIMITS = { name: 200, organisation: 200, accessibilityNeeds: 1_000 } as const;

/** A registration may still be corrected: it is live and its event neither cancelled nor over. */
export function isRectifiable(
  registration: Pick<RegistrationDoc, 'status' | 'anonymisedAt'>,
  event: { status: string; endsAt: Date },
  now = new Date(),
): boolean {
  return (
    !registration.anonymisedAt &&
    ['confirmed', 'waitlisted', 'offered'].includes(registration.status) &&
    event.status !== 'cancelled' &&
    event.endsAt > now
  );
}

function checked(changes: RegistrationCorrections): { set: Record<string, string>; unset: string[] } {
  const issues: FieldIssue[] = [];
  const set: Record<string, string> = {};
  const unset: string[] = [];
  for (const field of RECTIFIABLE_REGISTRATION_FIELDS) {
    const raw = changes[field];
    if (raw === undefined) continue;
    if (raw === null) {
      if (field === 'name') issues.push({ field, message: 'required' });
      else unset.push(field);
      continue;
    }
    const value = raw.trim();
    if (!value) {
      if (field === 'name') issues.push({ field, message: 'required' });
      else unset.push(field);
    } else if (value.length > LIMITS[field]) {
      issues.push({ field, message: `at most ${LIMITS[field]} characters` });
    } else set[field] = value;
  }
  if (issues.length) throw AppError.validation(issues);
  if (!Object.keys(set).length && !unset.length)
    throw AppError.validation([{ field: 'body', message: 'nothing to change' }]);
  return { set, unset };
}

/**
 * Corrects the registrant's own name, organisation or accessibility needs. Runs under the event
 * lock like every other writer of a registration: FerretDB writes whole documents back, so an
 * unserialised correction could undo a concurrent promotion or cancellation (and vice versa).
 * Cancelled registrations and cancelled or past events answer 409: nothing is done for them
 * any more, and their data is on its way to anonymisation.
 */
export async function rectifyRegistration(
  deps: Pick<EventsDeps, 'redis' | 'keyPrefix'>,
  opts: { registrationId: string; changes: RegistrationCorrections; now?: Date },
): Promise<{ registration: RegistrationDoc; changed: string[] }> {
  const { set, unset } = checked(opts.changes);
  const first = await Registration.findById(opts.registrationId).lean();
  if (!first || first.anonymisedAt) throw AppError.notFound('Anmeldung nicht gefunden.');
  return withEventLock(deps, first.eventId, async () => {
    const reg = await Registration.findById(first._id).lean();
    const event = reg && (await Event.findById(reg.eventId).lean());
    if (!reg || !event || reg.anonymisedAt) throw AppError.notFound('Anmeldung nicht gefunden.');
    const now = opts.now ?? new Date();
    if (reg.status === 'cancelled' || reg.status === 'offer-expired')
      throw AppError.conflict('Die Anmeldung ist storniert; ihre Angaben können nicht mehr geändert werden.');
    if (event.status === 'cancelled')
      throw AppError.conflict(
        'Die Veranstaltung ist abgesagt; die Angaben können nicht mehr geändert werden.',
      );
    if (!isRectifiable(reg, event, now))
      throw AppError.conflict('Die Veranstaltung ist vorbei; die Angaben können nicht mehr geändert werden.');
    const changed = [
      ...Object.keys(set).filter((k) => reg[k as keyof RegistrationDoc] !== set[k]),
      ...unset.filter((k) => reg[k as keyof RegistrationDoc] !== undefined),
    ];
    if (!changed.length) return { registration: reg, changed };
    await Registration.updateOne(
      { _id: reg._id },
      {
        $set: set,
        ...(unset.length ? { $unset: Object.fromEntries(unset.map((k) => [k, 1])) } : {}),
      },
    );
    const updated = await Registration.findById(reg._id).lean();
    return { registration: updated!, changed };
  });
}
