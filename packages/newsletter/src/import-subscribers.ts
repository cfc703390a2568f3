import { AppError } from '@qn/domain';
import { addressHash, suppressedHashes } from '@qn/mail';
import { CONSENT_TEXT_VERSION } from './consent-text';
import { parseCsv } from './csv';
import { getList } from './lists';
import { Subscriber, subscriberIdOf, type SubscriberDoc } from './models/subscriber';
import type { NewsletterContext } from './newsletter-context';
import { newId } from './new-id';
import { enqueueConfirmationMail } from './subscriber-mails';
import { writeErrorsOf } from './batch-insert';
import { checkImportRow, problemText, type CheckedRow, type ImportProblem } from './import-rows';

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
  'e-mail-adresse': 'email',
  emailadresse: 'email',
  mail: 'email',
  name: 'name',
  municipality: 'municipality',
  kommune: 'municipality',
  gemeinde: 'municipality',
  actor_type: 'actorType',
  akteursart: 'actorType',
  art: 'actorType',
  fields_of_action: 'fieldsOfAction',
  handlungsfelder: 'fieldsOfAction',
  themen: 'fieldsOfAction',
  consent_at: 'consentAt',
  einwilligung_am: 'consentAt',
  einwilligung: 'consentAt',
  consent_text_version: 'consentTextVersion',
  einwilligungstext: 'consentTextVersion',
  lang: 'lang',
  sprache: 'lang',
  // Columns of our own export that an import does not take over: a re-import starts afresh.
  status: 'ignore',
  consent_method: 'ignore',
  confirmed_at: 'ignore',
  created_at: 'ignore',
};

/** Header cells as spreadsheets write them: any case, blanks or underscores ("Einwilligung am"). */
function columnOf(header: string): string | null {
  const h = header
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '_');
  return COLUMNS[h] ?? null;
}

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
/** The CSV's rows and what each column is; whole-file problems are validation errors on `body`. */
function readImportCsv(csv: string): { rows: string[][]; header: (string | null)[] } {
  const rows = parseCsv(csv);
  if (rows.length < 2)
    throw AppError.validation([{ field: 'body', message: 'CSV needs a header line and at least one row' }]);
  if (rows.length - 1 > MAX_IMPORT_ROWS)
    throw AppError.validation([{ field: 'body', message: `at most ${MAX_IMPORT_ROWS} rows per import` }]);
  const header = rows[0]!.map(columnOf);
  if (!header.includes('email'))
    throw AppError.validation([{ field: 'body', message: 'the header line needs an "email" column' }]);
  const unknown = rows[0]!.filter((_h, i) => header[i] === null);
  if (unknown.length)
    throw AppError.validation([{ field: 'body', message: `unknown columns: ${unknown.join(', ')}` }]);
  return { rows, header };
}

function recordOf(cells: string[], header: (string | null)[]): Record<string, string> {
  const rec: Record<string, string> = {};
  cells.forEach((v, j) => {
    const key = header[j];
    if (key && key !== 'ignore') rec[key] = v.trim();
  });
  return rec;
}

export type ImportPreviewRow = { line: number; row: CheckedRow; problems: ImportProblem[] };
export type ImportPreview = {
  rows: number;
  valid: number;
  duplicateInFile: number;
  /** Rows with problems (the first 1000). */
  invalid: ImportPreviewRow[];
  /** The first rows as they would go in, for the office to look over. */
  sample: ImportPreviewRow[];
};

/**
 * What an import would do, without writing anything: every row checked as the import checks
 * it. Addresses already on the list or suppressed are only known at import, where they are
 * skipped and counted.
 */
export async function previewSubscriberImport(
  ctx: Pick<NewsletterContext, 'secret'>,
  listId: string,
  csv: string,
  opts: { mode: ImportMode; now?: Date; sampleSize?: number },
): Promise<ImportPreview> {
  const now = opts.now ?? new Date();
  const list = await getList(listId);
  const { rows, header } = readImportCsv(csv);
  const out: ImportPreview = { rows: rows.length - 1, valid: 0, duplicateInFile: 0, invalid: [], sample: [] };
  const seen = new Set<string>();
  for (let i = 1; i < rows.length; i++) {
    const checked = checkImportRow(recordOf(rows[i]!, header), { mode: opts.mode, listLang: list.lang, now });
    const r = { line: i + 1, ...checked };
    if (out.sample.length < (opts.sampleSize ?? 100)) out.sample.push(r);
    if (r.problems.length) {
      if (out.invalid.length < 1000) out.invalid.push(r);
      continue;
    }
    const hash = addressHash(r.row.email, ctx.secret);
    if (seen.has(hash)) out.duplicateInFile++;
    else {
      seen.add(hash);
      out.valid++;
    }
  }
  return out;
}

export async function importSubscribers(
  ctx: NewsletterContext,
  listId: string,
  csv: string,
  opts: { mode: ImportMode; now?: Date; requestId?: string },
): Promise<ImportReport> {
  const now = opts.now ?? new Date();
  const list = await getList(listId);
  const { rows, header } = readImportCsv(csv);

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
    const rec = recordOf(rows[i]!, header);
    const { row, problems } = checkImportRow(rec, { mode: opts.mode, listLang: list.lang, now });
    if (problems.length) {
      if (report.invalid.length < 1000) report.invalid.push({ line, errors: problems.map(problemText) });
      continue;
    }
    const { email, municipality, actorType, fieldsOfAction, lang, consentAt } = row;
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
      name: row.name,
      lang,
      status: consented ? 'confirmed' : 'pending',
      consent: consented
        ? { at: consentAt, method: 'import', textVersion: row.consentTextVersion ?? CONSENT_TEXT_VERSION }
        : { requestedAt: now, method: 'import', textVersion: CONSENT_TEXT_VERSION },
      attributes: { municipality, actorType, fieldsOfAction },
      ...(consented ? { confirmedAt: now } : { confirmNonce: newId(), confirmRequestedAt: now }),
    });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return report;
}
