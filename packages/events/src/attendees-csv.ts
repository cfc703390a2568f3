import type { Attendee } from './attendees';
import type { EventQuestion } from './event-questions';
import { answerColumns } from './answer-columns';

const statusLabel: Record<Attendee['status'], string> = {
  confirmed: 'bestätigt',
  offered: 'Platz angeboten',
  waitlisted: 'Warteliste',
  cancelled: 'storniert',
  'offer-expired': 'Angebot abgelaufen',
};

/**
 * A cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe (OWASP CSV injection); then it is quoted whenever it holds the separator, a quote
 * or a line break.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Attendee list for German Excel: UTF-8 with BOM (so umlauts open correctly), `;` as separator
 * (the German list separator), CRLF line ends.
 */
export function attendeesCsv(
  attendees: Attendee[],
  timeZone: string,
  questions: EventQuestion[] = [],
): string {
  const dateTime = new Intl.DateTimeFormat('de-DE', { timeZone, dateStyle: 'short', timeStyle: 'short' });
  const fmt = (d?: Date) => (d ? dateTime.format(d) : '');
  const header = [
    'Name',
    'E-Mail',
    'Organisation',
    'Begleitpersonen',
    'Status',
    'Barrierefreiheit',
    'Angemeldet am',
    'Anwesend',
    'Telefon',
    'Anschrift',
  ];
  const rows = attendees.map((a) => [
    a.name,
    a.email ?? '',
    a.organisation ?? '',
    String(a.companions),
    statusLabel[a.status],
    a.accessibilityNeeds ?? '',
    fmt(a.registeredAt),
    a.checkedInAt ? `ja (${fmt(a.checkedInAt)})` : 'nein',
    a.phone ?? '',
    a.postalAddress ?? '',
  ]);
  const answers = answerColumns(questions, attendees);
  header.push(...answers.map((c) => c.label));
  rows.forEach((r, i) => r.push(...answers.map((c) => c.csvValue(attendees[i]!))));
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

export type ImportRow = {
  line: number;
  name: string;
  email: string;
  organisation?: string;
  companions?: string;
  phone?: string;
  postalAddress?: string;
};

/**
 * Parses an attendee CSV (`;` or `,`, optional BOM, quoted cells). The header names the
 * columns, in German or as the API's keys: Name, E-Mail, Organisation, Begleitpersonen (or
 * Begleitung), Telefon, Anschrift; Name and one contact column (E-Mail or Telefon or
 * Anschrift) are required.
 */
export function parseAttendeeCsv(text: string): {
  rows: ImportRow[];
  errors: { field: string; message: string }[];
} {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const sep = firstLine.includes(';') ? ';' : ',';
  const records = splitCsv(clean, sep).filter((r) => r.some((c) => c.trim() !== ''));
  const errors: { field: string; message: string }[] = [];
  if (records.length === 0) return { rows: [], errors: [{ field: 'csv', message: 'empty' }] };
  const header = records[0]!.map((h) => h.trim().toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const iName = col('name');
  const iEmail = col('e-mail', 'email', 'mail');
  const iOrg = col('organisation', 'organization');
  const iComp = col('begleitpersonen', 'begleitung', 'companions');
  const iPhone = col('telefon', 'telefonnummer', 'tel.', 'phone');
  const iPostal = col('anschrift', 'adresse', 'postanschrift', 'postaladdress');
  if (iName < 0) errors.push({ field: 'csv.header', message: 'missing column Name' });
  if (iEmail < 0 && iPhone < 0 && iPostal < 0)
    errors.push({ field: 'csv.header', message: 'missing column E-Mail' });
  if (errors.length) return { rows: [], errors };
  const rows = records.slice(1).map((r, i) => ({
    line: i + 2,
    name: (r[iName] ?? '').trim(),
    email: iEmail >= 0 ? (r[iEmail] ?? '').trim() : '',
    organisation: iOrg >= 0 ? (r[iOrg] ?? '').trim() || undefined : undefined,
    companions: iComp >= 0 ? (r[iComp] ?? '').trim() || undefined : undefined,
    phone: iPhone >= 0 ? (r[iPhone] ?? '').trim() || undefined : undefined,
    postalAddress: iPostal >= 0 ? (r[iPostal] ?? '').trim() || undefined : undefined,
  }));
  return { rows, errors };
}

function splitCsv(text: string, sep: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    out.push(row);
  }
  return out;
}
