import {
  ACTOR_TYPE_KEYS,
  FIELD_OF_ACTION_KEYS,
  MUNICIPALITY_KEYS,
  municipalityKey,
  normaliseEmail,
  AppError,
} from '@qn/domain';
import { addressHash, suppressedHashes } from '@qn/mail';
import { CONSENT_TEXT_VERSION } from './consent-text';
import { parseCsv } from './csv';
import { getList } from './lists';
import { Subscriber, subscriberIdOf, type SubscriberDoc } from './models/subscriber';
import type { NewsletterContext } from './newsletter-context';
import { newId } from './new-id';
import { enqueueConfirmationMail } from './subscriber-mails';
import { writeErrorsOf } from './batch-insert';

export type ImportMode = 'consented' | 'pending';

export type ImportReport = {
  rows: number;
  created: number;
  confirmed: number;
  pending: number;
  existing: number;
  suppressed: number;
  duplicateInFile: number;
  invalid: { line: number; errors: string[] }[];
};

const COLUMNS: Record<string, string> = {
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  name: 'name',
  municipality: 'municipality',
  kommune: 'municipality',
  actor_type: 'actorType',
  akteursart: 'actorType',
  fields_of_action: 'fieldsOfAction',
  handlungsfelder: 'fieldsOfAction',
  consent_at: 'consentAt',
  einwilligung_am: 'consentAt',
  consent_text_version: 'consentTextVersion',
  lang: 'lang',
  sprache: 'lang',
  // Columns of our own export that an import does not take over: a re-import starts afresh.
  status: 'ignore',
  consent_method: 'ignore',
  confirmed_at: 'ignore',
  created_at: 'ignore',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BATCH = 500;
export const MAX_IMPORT_ROWS = 100_000;

/**
 * CSV import into one list. `consented`: every row needs its consent date (and may name the
 * consent text version), rows become confirmed. `pending`: rows become pending and get the
 * confirmation mail. Suppressed addresses and addresses already on the list are skipped, never
 * changed; the report counts them. Rows go in with `insertMany` (unordered, duplicates are
 * answers), so running the same import twice changes nothing the second time, and a run cut
 * short by a crash can simply be repeated.
 */
export async function importSubscribers(
  ctx: NewsletterContext,
  listId: string,
  csv: string,
  opts: { mode: ImportMode; now?: Date; requestId?: string },
): Promise<ImportReport> {
  const now = opts.now ?? new Date();
  const list = await getList(listId);
  const rows = parseCsv(csv);
  if (rows.length < 2)
    throw AppError.validation([{ field: 'body', message: 'CSV needs a header line and at least one row' }]);
  if (rows.length - 1 > MAX_IMPORT_ROWS)
    throw AppError.validation([{ field: 'body', message: `at most ${MAX_IMPORT_ROWS} rows per import` }]);
  const header = rows[0]!.map((h) => COLUMNS[h.trim().toLowerCase()] ?? null);
  if (!header.includes('email'))
    throw AppError.validation([{ field: 'body', message: 'the header line needs an "email" column' }]);
  const unknown = rows[0]!.filter((_h, i) => header[i] === null);
  if (unknown.length)
    throw AppError.validation([{ field: 'body', message: `unknown columns: ${unknown.join(', ')}` }]);

  const report: ImportReport = {
    rows: rows.length - 1,
    created: 0,
    confirmed: 0,
    pending: 0,
    existing: 0,
    suppressed: 0,
    duplicateInFile: 0,
    invalid: [],
  };
  const seen = new Set<string>();
  let batch: Omit<SubscriberDoc, 'createdAt' | 'updatedAt'>[] = [];

  const flush = async () => {
    if (!batch.length) return;
    const current = batch;
    batch = [];
    const blocked = await suppressedHashes(current.map((d) => d.addressHash));
    const docs = current.filter((d) => !blocked.has(d.addressHash));
    report.suppressed += current.length - docs.length;
    const stamped = docs.map((d) => ({ ...d, createdAt: now, updatedAt: now }));
    const dup = new Set<number>();
    if (stamped.length) {
      try {
        await Subscriber.collection.insertMany(stamped as never[], { ordered: false });
      } catch (err) {
        const we = writeErrorsOf(err);
        if (!we || we.some((w) => w.code !== 11000)) throw err;
        for (const w of we) dup.add(w.index);
      }
    }
    const created = stamped.filter((_d, i) => !dup.has(i));
    report.existing += dup.size;
    report.created += created.length;
    for (const d of created) {
      if (d.status === 'confirmed') report.confirmed++;
      else {
        report.pending++;
        await enqueueConfirmationMail(ctx, d, list, opts.requestId);
      }
    }
  };

  for (let i = 1; i < rows.length; i++) {
    const line = i + 1;
    const rec: Record<string, string> = {};
    rows[i]!.forEach((v, j) => {
      const key = header[j];
      if (key && key !== 'ignore') rec[key] = v.trim();
    });
    const errors: string[] = [];
    const email = normaliseEmail(rec.email ?? '');
    if (!EMAIL.test(email) || email.length > 254) errors.push('email: not an e-mail address');
    let municipality: string | undefined;
    if (rec.municipality) {
      municipality = MUNICIPALITY_KEYS.includes(rec.municipality)
        ? rec.municipality
        : municipalityKey(rec.municipality);
      if (!MUNICIPALITY_KEYS.includes(municipality))
        errors.push(`municipality: unknown "${rec.municipality}"`);
    }
    const actorType = rec.actorType || undefined;
    if (actorType && !(ACTOR_TYPE_KEYS as string[]).includes(actorType))
      errors.push(`actor_type: unknown "${actorType}"`);
    const fieldsOfAction = (rec.fieldsOfAction ?? '')
      .split(/[|;,]/)
      .map((f) => f.trim())
      .filter(Boolean);
    const badFields = fieldsOfAction.filter((f) => !(FIELD_OF_ACTION_KEYS as string[]).includes(f));
    if (badFields.length) errors.push(`fields_of_action: unknown ${badFields.join(', ')}`);
    const lang = rec.lang ? rec.lang.toLowerCase() : list.lang;
    if (lang !== 'de' && lang !== 'en') errors.push('lang: de or en');
    let consentAt: Date | undefined;
    if (opts.mode === 'consented') {
      consentAt = rec.consentAt ? new Date(rec.consentAt) : undefined;
      if (!consentAt || Number.isNaN(consentAt.getTime()))
        errors.push('consent_at: a date is required for consented imports');
      else if (consentAt.getTime() > now.getTime()) errors.push('consent_at: in the future');
    }
    if (errors.length) {
      if (report.invalid.length < 1000) report.invalid.push({ line, errors });
      continue;
    }
    const hash = addressHash(email, ctx.secret);
    if (seen.has(hash)) {
      report.duplicateInFile++;
      continue;
    }
    seen.add(hash);
    const consented = opts.mode === 'consented';
    batch.push({
      _id: subscriberIdOf(list._id, hash),
      listId: list._id,
      email,
      addressHash: hash,
      name: rec.name || undefined,
      lang: lang as 'de' | 'en',
      status: consented ? 'confirmed' : 'pending',
      consent: consented
        ? { at: consentAt, method: 'import', textVersion: rec.consentTextVersion || CONSENT_TEXT_VERSION }
        : { requestedAt: now, method: 'import', textVersion: CONSENT_TEXT_VERSION },
      attributes: { municipality, actorType, fieldsOfAction },
      ...(consented ? { confirmedAt: now } : { confirmNonce: newId(), confirmRequestedAt: now }),
    });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return report;
}
