import type { ImportOutcome, ImportProblem } from '@qn/events';
import type { Lang } from '@qn/web-ui';

type Words = {
  link: string;
  title: string;
  intro: string;
  csv: string;
  csvHint: (maxRows: number) => string;
  consent: string;
  preview: string;
  previewTitle: string;
  previewIntro: string;
  doImport: string;
  nothing: string;
  startOver: string;
  resultTitle: string;
  expiredTitle: string;
  expired: string;
  back: string;
  line: string;
  name: string;
  contact: string;
  companions: string;
  outcome: string;
  problemsTitle: string;
  summary: (c: Record<ImportOutcome, number>) => string;
  resultSummary: (c: Record<ImportOutcome, number>) => string;
  rowProblem: (line: number, text: string) => string;
  file: Record<string, string>;
  outcomes: Record<ImportOutcome, string>;
  problem: (p: ImportProblem) => string;
};

const deField: Record<ImportProblem['field'], string> = {
  name: 'Name',
  email: 'E-Mail-Adresse',
  phone: 'Telefonnummer',
  postalAddress: 'Anschrift',
  organisation: 'Organisation',
  companions: 'Begleitung',
  row: 'Zeile',
};
const enField: Record<ImportProblem['field'], string> = {
  name: 'Name',
  email: 'E-mail address',
  phone: 'Phone number',
  postalAddress: 'Postal address',
  organisation: 'Organisation',
  companions: 'Companions',
  row: 'Row',
};

/** The attendee import's words; the row problems come from the domain as codes. */
export const importWords: Record<Lang, Words> = {
  de: {
    link: 'Teilnehmende importieren (CSV)',
    title: 'Teilnehmende importieren',
    intro:
      'Fügen Sie eine Liste im CSV-Format ein, z. B. aus Excel gespeichert („CSV UTF-8“). Erst zeigt eine Vorschau, was mit jeder Zeile geschähe; gespeichert wird erst mit „Importieren“.',
    csv: 'CSV-Inhalt',
    csvHint: (n) =>
      `Erste Zeile mit den Spaltennamen, getrennt durch Semikolon oder Komma: Name;E-Mail;Organisation;Telefon;Begleitung (auch Anschrift). Jede Zeile braucht einen Namen und eine E-Mail-Adresse, Telefonnummer oder Anschrift. Höchstens ${n.toLocaleString('de-DE')} Zeilen; sehr lange Listen fügen Sie bitte in Teilen ein (wer schon angemeldet ist, wird nicht doppelt angemeldet).`,
    consent: 'Alle aufgeführten Personen haben der Anmeldung und der Speicherung ihrer Angaben zugestimmt.',
    preview: 'Vorschau anzeigen',
    previewTitle: 'Vorschau des Imports',
    previewIntro:
      'Noch ist nichts gespeichert. Personen mit E-Mail-Adresse bekommen nach dem Import die üblichen E-Mails.',
    doImport: 'Importieren',
    nothing: 'Keine Zeile kann importiert werden.',
    startOver: 'Andere Liste einfügen',
    resultTitle: 'Ergebnis des Imports',
    expiredTitle: 'Vorschau abgelaufen',
    expired:
      'Diese Vorschau ist abgelaufen oder wurde schon importiert. Bitte fügen Sie die Liste erneut ein.',
    back: 'Zurück zur Veranstaltung',
    line: 'Zeile',
    name: 'Name',
    contact: 'Kontakt',
    companions: 'Begleitung',
    outcome: 'Ergebnis',
    problemsTitle: 'Zeilen mit Fehlern',
    summary: (c) =>
      `${c.confirmed} bestätigt, ${c.waitlisted} auf der Warteliste, ${c.existing} schon angemeldet, ${c.rejected} mit Fehlern.`,
    resultSummary: (c) =>
      `Importiert: ${c.confirmed} bestätigt, ${c.waitlisted} auf der Warteliste. ${c.existing} schon angemeldet, ${c.rejected} mit Fehlern nicht importiert.`,
    rowProblem: (line, text) => `Zeile ${line}: ${text}`,
    file: {
      empty: 'Bitte fügen Sie eine CSV-Liste ein.',
      header:
        'Die erste Zeile muss die Spalten „Name“ und „E-Mail“ (oder „Telefon“ bzw. „Anschrift“) nennen.',
      size: 'Die Liste ist zu groß (höchstens 1 MB und 2.000 Zeilen).',
      rows: 'Die Liste enthält keine Zeilen unter der Kopfzeile.',
      consent: 'Bitte bestätigen Sie die Zustimmung der aufgeführten Personen.',
    },
    outcomes: {
      confirmed: 'bestätigt',
      waitlisted: 'Warteliste',
      existing: 'schon angemeldet',
      rejected: 'Fehler',
    },
    problem: (p) => {
      const f = deField[p.field];
      switch (p.code) {
        case 'required':
          return `${f} fehlt`;
        case 'too-long':
          return `${f} zu lang`;
        case 'too-many':
          return `höchstens ${p.value} Begleitpersonen`;
        case 'contact-required':
          return 'E-Mail-Adresse, Telefonnummer oder Anschrift fehlt';
        case 'duplicate':
          return `dieselbe Person wie in Zeile ${p.value}`;
        case 'full':
          return 'ausgebucht (keine Warteliste)';
        default:
          return p.field === 'row' ? 'kann nicht angemeldet werden' : `${f} ungültig`;
      }
    },
  },
  en: {
    link: 'Import attendees (CSV)',
    title: 'Import attendees',
    intro:
      'Paste a list in CSV format, e.g. saved from Excel ("CSV UTF-8"). A preview first shows what would happen to each row; nothing is stored until you choose "Import".',
    csv: 'CSV content',
    csvHint: (n) =>
      `First line with the column names, separated by semicolons or commas: Name;E-Mail;Organisation;Telefon;Begleitung (also Anschrift), or the API's keys. Each row needs a name and an e-mail address, phone number or postal address. At most ${n.toLocaleString('en-GB')} rows; please paste very long lists in parts (anyone already registered is not registered twice).`,
    consent: 'Everyone listed agreed to be registered and to their details being stored.',
    preview: 'Show preview',
    previewTitle: 'Import preview',
    previewIntro:
      'Nothing is stored yet. People with an e-mail address get the usual e-mails after the import.',
    doImport: 'Import',
    nothing: 'No row can be imported.',
    startOver: 'Paste another list',
    resultTitle: 'Import result',
    expiredTitle: 'Preview expired',
    expired: 'This preview has expired or was imported already. Please paste the list again.',
    back: 'Back to the event',
    line: 'Row',
    name: 'Name',
    contact: 'Contact',
    companions: 'Companions',
    outcome: 'Result',
    problemsTitle: 'Rows with errors',
    summary: (c) =>
      `${c.confirmed} confirmed, ${c.waitlisted} on the waiting list, ${c.existing} already registered, ${c.rejected} with errors.`,
    resultSummary: (c) =>
      `Imported: ${c.confirmed} confirmed, ${c.waitlisted} on the waiting list. ${c.existing} already registered, ${c.rejected} with errors not imported.`,
    rowProblem: (line, text) => `Row ${line}: ${text}`,
    file: {
      empty: 'Please paste a CSV list.',
      header: 'The first line must name the columns "Name" and "E-Mail" (or "Telefon" or "Anschrift").',
      size: 'The list is too large (at most 1 MB and 2,000 rows).',
      rows: 'The list has no rows below the header.',
      consent: 'Please confirm that everyone listed agreed.',
    },
    outcomes: {
      confirmed: 'confirmed',
      waitlisted: 'waiting list',
      existing: 'already registered',
      rejected: 'error',
    },
    problem: (p) => {
      const f = enField[p.field];
      switch (p.code) {
        case 'required':
          return `${f} missing`;
        case 'too-long':
          return `${f} too long`;
        case 'too-many':
          return `at most ${p.value} companions`;
        case 'contact-required':
          return 'e-mail address, phone number or postal address missing';
        case 'duplicate':
          return `the same person as in row ${p.value}`;
        case 'full':
          return 'fully booked (no waiting list)';
        default:
          return p.field === 'row' ? 'cannot be registered' : `${f} invalid`;
      }
    },
  },
};
