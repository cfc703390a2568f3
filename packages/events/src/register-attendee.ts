import mongoose from 'mongoose';
import { AppError, assertCleanText, normaliseEmail } from '@qn/domain';
import { isDuplicateKeyError } from '@qn/db';
import type { EventDoc } from './models/event';
import { cachedEvent } from './event-cache';
import { Registration, type RegistrationDoc, type RegistrationSource } from './models/registration';
import { Seat } from './models/seat';
import { claimSeatsFast, releaseSeats } from './claim-seats';
import { returnSeatNos } from './seat-pool';
import { rebuildPool, settleSeats } from './settle-seats';
import { withLock } from './event-lock';
import { hashManageToken, manageTokenOf } from './manage-token';
import { enqueueRegistrationMail } from './registration-mails';
import { findRegistrationByAddress, writeAddressKey } from './registration-keys';
import { indexRegistration } from './registrant-index';
import { scheduleReminders } from './reminders';
import { CONSENT_TEXT_VERSION } from './consent-text';
import type { EventsDeps } from './events-deps';
import { contactIssues, noEmailPlaceholder } from './contact';
import { checkAnswers, type AnswersInput, type RegistrationAnswer } from './check-answers';

export type RegisterInput = {
  eventId: string;
  name: string;
  /** Required when people register themselves; organisers may give a phone or postal address instead. */
  email?: string;
  phone?: string;
  postalAddress?: string;
  organisation?: string;
  accessibilityNeeds?: string;
  companions?: number;
  /** Answers to the event's questions by question id (check-answers.ts). */
  answers?: AnswersInput;
  source?: RegistrationSource;
  /** Organisers registering on someone's behalf may skip the window (a late phone call). */
  ignoreWindow?: boolean;
  now?: Date;
};

export type RegisterResult = {
  registration: RegistrationDoc;
  /** True when this address was already registered: nothing new was stored. */
  existing: boolean;
  /**
   * What this request's seat claim came to, whether or not the address was registered before:
   * the only status a public answer may show, so that it is the same for a new and a known
   * address (the owner of a known one is told by mail instead).
   */
  outcome: 'confirmed' | 'waitlisted';
  /** Only for a new registration: the manage token (also derivable, never stored). */
  manageToken: string;
};

/** Refuses registrations that must not be stored: unknown, draft, cancelled, past, outside window. */
export function assertRegistrable(
  event: EventDoc | null,
  now: Date,
  ignoreWindow = false,
): asserts event is EventDoc {
  if (!event || event.status === 'draft') throw AppError.notFound('Veranstaltung nicht gefunden.');
  if (event.status === 'cancelled') throw new AppError('gone', 'Die Veranstaltung wurde abgesagt.');
  if (event.startsAt.getTime() <= now.getTime())
    throw new AppError('gone', 'Die Veranstaltung hat bereits begonnen oder ist vorbei.');
  if (ignoreWindow) return;
  if (event.registrationOpensAt && now < event.registrationOpensAt)
    throw AppError.unprocessable('Die Anmeldung ist noch nicht geöffnet.', [
      { field: 'registrationOpensAt', message: 'registration not open yet' },
    ]);
  if (event.registrationClosesAt && now >= event.registrationClosesAt)
    throw AppError.unprocessable('Die Anmeldefrist ist abgelaufen.', [
      { field: 'registrationClosesAt', message: 'registration closed' },
    ]);
}

/**
 * Registers one person (plus companions) for an event: confirmed when seats are free, else
 * waitlisted (or refused when the event has no waiting list). The same address twice returns
 * the first registration. Seats come from the Redis pool and are claimed by unique inserts of
 * seat documents, so a burst can never oversell (see seat-pool.ts).
 */
export async function registerAttendee(deps: EventsDeps, input: RegisterInput): Promise<RegisterResult> {
  const now = input.now ?? new Date();
  assertCleanText({
    line: { name: input.name, organisation: input.organisation },
    text: { accessibilityNeeds: input.accessibilityNeeds },
  });
  const event = await cachedEvent(input.eventId);
  assertRegistrable(event, now, input.ignoreWindow);
  const eventId = String(event._id);
  const companions = input.companions ?? 0;
  if (companions > event.maxCompanions)
    throw AppError.validation([
      { field: 'companions', message: `at most ${event.maxCompanions} companions for this event` },
    ]);
  const contact = contactIssues(input);
  if (isSelfService(input) && !contact.contact.email)
    throw AppError.validation([{ field: 'email', message: 'an e-mail address is required' }]);
  if (contact.issues.length) throw AppError.validation(contact.issues);
  // Checked before any seat is claimed: a wrong answer stores nothing.
  const answers = checkAnswers(event.questions ?? [], input.answers, { requireAll: isSelfService(input) });
  const { phone, postalAddress } = contact.contact;
  const email = contact.contact.email ? normaliseEmail(contact.contact.email) : undefined;

  const _id = new mongoose.Types.ObjectId();
  const registrationId = String(_id);
  const manageToken = manageTokenOf(deps.secretKey, registrationId);
  const seatNos = await claimSeatsFast(deps, {
    eventId,
    registrationId,
    count: 1 + companions,
    rebuild: () => rebuildPool(deps, eventId),
  });
  if (!seatNos && !event.waitlistEnabled) {
    const existing = email ? await findRegistrationByAddress(eventId, email) : null;
    if (existing && existing.status !== 'cancelled') {
      const repeat = await answerRepeat(deps, event, existing, input, now, 'waitlisted');
      // A stranger must get what a new address gets: fully booked.
      if (isSelfService(input)) throw AppError.conflict('Die Veranstaltung ist ausgebucht.');
      return repeat;
    }
    throw AppError.conflict('Die Veranstaltung ist ausgebucht.');
  }
  const doc: RegistrationDoc = {
    _id,
    eventId,
    email: email ?? noEmailPlaceholder(registrationId),
    phone,
    postalAddress,
    name: input.name,
    organisation: input.organisation,
    accessibilityNeeds: input.accessibilityNeeds,
    answers: answers.length ? answers : undefined,
    companions,
    status: seatNos ? 'confirmed' : 'waitlisted',
    confirmedAt: seatNos ? now : undefined,
    waitlistedAt: seatNos ? undefined : now,
    manageTokenHash: hashManageToken(manageToken),
    consentAt: now,
    consentTextVersion: CONSENT_TEXT_VERSION,
    source: input.source ?? 'self',
    createdAt: now,
    updatedAt: now,
  };
  try {
    await Registration.collection.insertOne(stripUndefined(doc) as never);
  } catch (err) {
    // Not stored: give the seats back (a release that fails too is left to the reconciler).
    if (seatNos) {
      await releaseSeats(eventId, seatNos);
      await returnSeatNos(deps, eventId, seatNos);
    }
    if (!isDuplicateKeyError(err) || !email) throw err;
    // This address is registered already: answer with that registration.
    const existing = await findRegistrationByAddress(eventId, email);
    if (!existing) throw err;
    if (existing.status === 'cancelled' || existing.status === 'offer-expired')
      return reRegister(deps, event, existing, input, now, seatNos ? 'confirmed' : 'waitlisted', answers);
    // A simultaneous twin of this request was waitlisted while we held seats: the seats just
    // given back go to the waiting list in order, which may well be that same person.
    if (seatNos && existing.status === 'waitlisted') await settleSeats(deps, eventId);
    return answerRepeat(deps, event, existing, input, now, seatNos ? 'confirmed' : 'waitlisted');
  }
  await Promise.all([
    // Without an address there is nothing to point from, index or mail.
    email && writeAddressKey(eventId, email, registrationId),
    email && indexRegistration(deps, email, registrationId),
    email && afterRegistered(deps, event, doc),
  ]);
  return {
    registration: doc,
    existing: false,
    outcome: doc.status as 'confirmed' | 'waitlisted',
    manageToken,
  };
}

const isSelfService = (input: RegisterInput): boolean => (input.source ?? 'self') === 'self';

/**
 * An address registers that is registered already. Nothing changes; when the person did it
 * themselves (or someone typed their address), the owner gets a note with their manage link,
 * at most one a day, so a stranger can neither read the registration nor flood the inbox.
 */
async function answerRepeat(
  deps: EventsDeps,
  event: EventDoc,
  existing: RegistrationDoc,
  input: RegisterInput,
  now: Date,
  outcome: RegisterResult['outcome'],
): Promise<RegisterResult> {
  if (isSelfService(input))
    await enqueueRegistrationMail(deps, {
      kind: 'already-registered',
      event,
      registration: existing,
      occurrence: now.toISOString().slice(0, 10),
    });
  return {
    registration: existing,
    existing: true,
    outcome,
    manageToken: manageTokenOf(deps.secretKey, String(existing._id)),
  };
}

async function afterRegistered(deps: EventsDeps, event: EventDoc, reg: RegistrationDoc): Promise<void> {
  const regId = String(reg._id);
  if (reg.status === 'confirmed') {
    await scheduleReminders(deps, event, regId);
    await enqueueRegistrationMail(deps, {
      kind: 'confirmed',
      event,
      registration: reg,
      occurrence: String(reg.confirmedAt!.getTime()),
    });
  } else {
    await enqueueRegistrationMail(deps, {
      kind: 'waitlisted',
      event,
      registration: reg,
      occurrence: String(reg.waitlistedAt!.getTime()),
    });
  }
}

/**
 * Someone who cancelled (or let an offer lapse) registers again: the unique (event, address)
 * index keeps their one registration, which becomes active again, at the end of the list.
 */
async function reRegister(
  deps: EventsDeps,
  event: EventDoc,
  existing: RegistrationDoc,
  input: RegisterInput,
  now: Date,
  /** What this request's first claim came to, for the answer if a twin was quicker. */
  claimed: RegisterResult['outcome'],
  answers: RegistrationAnswer[] = [],
): Promise<RegisterResult> {
  const eventId = String(event._id);
  const regId = String(existing._id);
  return withLock(deps, `registration:${regId}`, async () => {
    const current = await Registration.findById(existing._id).lean();
    if (!current) throw AppError.notFound();
    const manageToken = manageTokenOf(deps.secretKey, regId);
    if (current.status !== 'cancelled' && current.status !== 'offer-expired')
      return answerRepeat(deps, event, current, input, now, claimed);
    // Seats of the old registration were released at its cancellation; none may linger.
    await Seat.deleteMany({ registrationId: regId });
    const companions = input.companions ?? 0;
    const seatNos = await claimSeatsFast(deps, {
      eventId,
      registrationId: regId,
      count: 1 + companions,
      rebuild: () => rebuildPool(deps, eventId),
    });
    if (!seatNos && !event.waitlistEnabled) throw AppError.conflict('Die Veranstaltung ist ausgebucht.');
    const set = {
      name: input.name,
      phone: input.phone?.trim() || undefined,
      postalAddress: input.postalAddress?.trim() || undefined,
      organisation: input.organisation,
      accessibilityNeeds: input.accessibilityNeeds,
      answers: answers.length ? answers : undefined,
      companions,
      status: seatNos ? ('confirmed' as const) : ('waitlisted' as const),
      confirmedAt: seatNos ? now : undefined,
      waitlistedAt: seatNos ? current.waitlistedAt : now,
      consentAt: now,
      consentTextVersion: CONSENT_TEXT_VERSION,
      source: input.source ?? 'self',
    };
    await Registration.updateOne(
      { _id: current._id },
      {
        $set: stripUndefined(set),
        // Answers of the cancelled registration do not carry over to the new one.
        $unset: {
          cancelledAt: 1,
          offerExpiresAt: 1,
          checkedInAt: 1,
          ...(answers.length ? {} : { answers: 1 }),
        },
      },
    );
    const reg: RegistrationDoc = { ...current, ...set, cancelledAt: undefined, offerExpiresAt: undefined };
    await afterRegistered(deps, event, reg);
    return {
      registration: reg,
      existing: false,
      outcome: reg.status as RegisterResult['outcome'],
      manageToken,
    };
  });
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
