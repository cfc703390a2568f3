import { AppError, isAppError, normaliseEmail, textProblem } from '@qn/domain';
import { withRedisLock } from '@qn/queue';
import { OWN_ACT_WAIT_MS } from './event-lock';
import { parseAttendeeCsv, type ImportRow } from './attendees-csv';
import { contactIssues, hasEmail, isEmailAddress, phoneDigits } from './contact';
import { loadEvent } from './manage-event';
import { Registration } from './models/registration';
import { Seat } from './models/seat';
import { findRegistrationByAddress } from './registration-keys';
import { assertRegistrable, registerAttendee } from './register-attendee';
import type { EventsDeps } from './events-deps';

/** An import is a console task for one event's list, not a bulk channel. */
export const IMPORT_MAX_BYTES = 1_000_000;
export const IMPORT_MAX_ROWS = 2_000;

export type ImportProblemCode =
  'required' | 'invalid' | 'too-long' | 'too-many' | 'contact-required' | 'duplicate' | 'full';

export type ImportProblem = {
  field: 'name' | 'email' | 'phone' | 'postalAddress' | 'organisation' | 'companions' | 'row';
  code: ImportProblemCode;
  /** For `duplicate`: the earlier line of the same person. For `too-many`: the allowed maximum. */
  value?: number;
};

export type ImportOutcome = 'confirmed' | 'waitlisted' | 'existing' | 'rejected';

export type ImportRowReport = {
  line: number;
  name: string;
  email?: string;
  phone?: string;
  postalAddress?: string;
  organisation?: string;
  companions: number;
  outcome: ImportOutcome;
  problems: ImportProblem[];
};

export type ImportReport = {
  rows: ImportRowReport[];
  counts: Record<ImportOutcome, number>;
};

/** A file that cannot be read as a list at all: refused as a whole, with the reason. */
function readRows(csv: string): ImportRow[] {
  if (Buffer.byteLength(csv, 'utf8') > IMPORT_MAX_BYTES)
    throw AppError.validation([{ field: 'csv', message: `at most ${IMPORT_MAX_BYTES} bytes` }]);
  const parsed = parseAttendeeCsv(csv);
  if (parsed.errors.length) throw AppError.validation(parsed.errors);
  if (parsed.rows.length === 0) throw AppError.validation([{ field: 'csv', message: 'no rows' }]);
  if (parsed.rows.length > IMPORT_MAX_ROWS)
    throw AppError.validation([{ field: 'csv', message: `at most ${IMPORT_MAX_ROWS} rows` }]);
  return parsed.rows;
}

/** The same person twice: by address, else by name and phone digits, else by name and postal address. */
function personKey(r: { name: string; email?: string; phone?: string; postalAddress?: string }): string {
  if (r.email) return `e:${r.email}`;
  const name = r.name.trim().toLowerCase().replace(/\s+/g, ' ');
  if (r.phone) return `p:${name}|${phoneDigits(r.phone)}`;
  return `a:${name}|${(r.postalAddress ?? '').toLowerCase().replace(/\s+/g, ' ')}`;
}

function checkRow(row: ImportRow, maxCompanions: number): ImportRowReport {
  const problems: ImportProblem[] = [];
  const name = row.name;
  if (!name) problems.push({ field: 'name', code: 'required' });
  else if (name.length > 200) problems.push({ field: 'name', code: 'too-long' });
  else if (textProblem(name, 'line')) problems.push({ field: 'name', code: 'invalid' });
  if (row.organisation && row.organisation.length > 200)
    problems.push({ field: 'organisation', code: 'too-long' });
  else if (row.organisation && textProblem(row.organisation, 'line'))
    problems.push({ field: 'organisation', code: 'invalid' });
  const email = row.email ? normaliseEmail(row.email) : undefined;
  if (email && !isEmailAddress(email)) problems.push({ field: 'email', code: 'invalid' });
  const { contact, issues } = contactIssues({ ...row, email });
  for (const i of issues)
    problems.push(
      i.field === 'email'
        ? { field: 'email', code: 'contact-required' }
        : { field: i.field as 'phone' | 'postalAddress', code: 'invalid' },
    );
  let companions = 0;
  if (row.companions !== undefined) {
    companions = Number(row.companions);
    if (!/^\d{1,3}$/.test(row.companions)) problems.push({ field: 'companions', code: 'invalid' });
    else if (companions > maxCompanions)
      problems.push({ field: 'companions', code: 'too-many', value: maxCompanions });
  }
  return {
    line: row.line,
    name,
    email,
    phone: contact.phone,
    postalAddress: contact.postalAddress,
    organisation: row.organisation,
    companions: Number.isFinite(companions) ? companions : 0,
    outcome: problems.length ? 'rejected' : 'confirmed',
    problems,
  };
}

/** Who is registered already (not cancelled), by the same keys as the rows. */
async function registeredKeys(eventId: string, valid: ImportRowReport[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const r of valid)
    if (r.email) {
      const reg = await findRegistrationByAddress(eventId, r.email);
      if (reg && reg.status !== 'cancelled' && reg.status !== 'offer-expired') known.add(personKey(r));
    }
  // People without an address have no pointer: one read of the event's list (a console task).
  if (valid.some((r) => !r.email)) {
    const regs = await Registration.find(
      { eventId },
      { name: 1, email: 1, phone: 1, postalAddress: 1, status: 1 },
    ).lean();
    for (const reg of regs)
      if (!hasEmail(reg.email) && reg.status !== 'cancelled' && reg.status !== 'offer-expired')
        known.add(personKey({ name: reg.name, phone: reg.phone, postalAddress: reg.postalAddress }));
  }
  return known;
}

function tally(rows: ImportRowReport[]): ImportReport {
  const counts = { confirmed: 0, waitlisted: 0, existing: 0, rejected: 0 };
  for (const r of rows) counts[r.outcome]++;
  return { rows, counts };
}

/** Checks every row and marks repeats, in file order; nothing is stored. */
async function checkRows(eventId: string, csv: string) {
  const event = await loadEvent(eventId);
  // A draft, cancelled or past event takes no list at all (the window does not apply).
  assertRegistrable(event, new Date(), true);
  const rows = readRows(csv).map((r) => checkRow(r, event.maxCompanions));
  const valid = rows.filter((r) => r.problems.length === 0);
  const known = await registeredKeys(eventId, valid);
  const firstLine = new Map<string, number>();
  for (const r of valid) {
    const key = personKey(r);
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      r.outcome = 'rejected';
      r.problems.push({ field: 'row', code: 'duplicate', value: earlier });
    } else {
      firstLine.set(key, r.line);
      if (known.has(key)) r.outcome = 'existing';
    }
  }
  return { event, rows };
}

/**
 * What an import of this CSV would do, row by row: confirmed while seats last (in file order),
 * then the waiting list (or refused when the event has none), known people as `existing`, and
 * the rows that cannot be registered with their reasons. Stores nothing; the seats of the
 * moment decide, so the import itself may come out differently when others register meanwhile.
 */
export async function previewAttendeeImport(opts: { eventId: string; csv: string }): Promise<ImportReport> {
  const { event, rows } = await checkRows(opts.eventId, opts.csv);
  let left = Math.max(0, event.capacity - (await Seat.countDocuments({ eventId: opts.eventId })));
  for (const r of rows) {
    if (r.outcome !== 'confirmed') continue;
    const seats = 1 + r.companions;
    if (seats <= left) left -= seats;
    else if (event.waitlistEnabled) r.outcome = 'waitlisted';
    else {
      r.outcome = 'rejected';
      r.problems.push({ field: 'row', code: 'full' });
    }
  }
  return tally(rows);
}

/**
 * Registers the valid rows of an attendee CSV, in file order, as the organiser's import (no
 * registration window; every listed person consented, the caller confirms). A person already
 * registered is reported as `existing` and nothing changes, so importing the same file twice
 * registers nobody twice. People without an address have no unique key to arbitrate by, so
 * the imports of one event run one at a time: the check for repeats and the registrations
 * happen under one lock.
 */
export async function importAttendees(
  deps: EventsDeps,
  opts: { eventId: string; csv: string; now?: Date },
): Promise<ImportReport> {
  return withRedisLock(
    deps.redis,
    `${deps.keyPrefix}:lock:attendee-import:${opts.eventId}`,
    async () => {
      const { rows } = await checkRows(opts.eventId, opts.csv);
      for (const r of rows) {
        if (r.outcome !== 'confirmed') continue;
        try {
          const { registration, existing } = await registerAttendee(deps, {
            eventId: opts.eventId,
            name: r.name,
            email: r.email,
            phone: r.phone,
            postalAddress: r.postalAddress,
            organisation: r.organisation,
            companions: r.companions,
            source: 'import',
            ignoreWindow: true,
            now: opts.now,
          });
          r.outcome = existing
            ? 'existing'
            : registration.status === 'confirmed'
              ? 'confirmed'
              : 'waitlisted';
        } catch (err) {
          // A full event without a waiting list refuses this row; anything else (the event
          // gone, an outage) stops the import with the rows so far registered and reported again
          // as known on the next run.
          if (!isAppError(err) || (err.code !== 'conflict' && err.code !== 'validation')) throw err;
          r.outcome = 'rejected';
          r.problems.push(
            err.code === 'conflict' ? { field: 'row', code: 'full' } : { field: 'row', code: 'invalid' },
          );
        }
      }
      return tally(rows);
    },
    {
      renew: true,
      waitMs: OWN_ACT_WAIT_MS,
      busyMessage: 'Für diese Veranstaltung läuft gerade ein Import. Bitte gleich erneut versuchen.',
    },
  );
}

const problemWords: Record<ImportProblemCode, (v?: number) => string> = {
  required: () => 'required',
  invalid: () => 'invalid',
  'too-long': () => 'too long',
  'too-many': (v) => `at most ${v} companions for this event`,
  'contact-required': () => 'an email, phone or postal address is required',
  duplicate: (v) => `the same person as line ${v}`,
  full: () => 'the event is full',
};

/** A row problem in the API's words (the console pages have their own, German and English). */
export function importProblemText(p: ImportProblem): { field: string; message: string } {
  return { field: p.field, message: problemWords[p.code](p.value) };
}
