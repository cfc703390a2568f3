import { ACTOR_TYPES, labelOf } from '@qn/domain';
import type { ImportPreview, ImportProblem, ImportReport } from '@qn/newsletter';
import type { Lang } from '@qn/web-ui';

type Words = {
  link: string;
  title: (list: string) => string;
  intro: string;
  csv: string;
  csvHint: string;
  mode: string;
  modes: { consented: string; pending: string };
  modeHints: { consented: string; pending: string };
  consent: string;
  preview: string;
  previewTitle: string;
  previewIntro: string;
  summary: (p: ImportPreview) => string;
  sampleTitle: (n: number) => string;
  problemsTitle: string;
  rowProblem: (line: number, text: string) => string;
  doImport: string;
  nothing: string;
  startOver: string;
  resultTitle: string;
  result: (r: ImportReport) => string;
  back: string;
  expiredTitle: string;
  expired: string;
  cols: {
    line: string;
    email: string;
    name: string;
    actorType: string;
    municipality: string;
    fieldsOfAction: string;
    consentAt: string;
    outcome: string;
  };
  ok: string;
  file: { empty: string; header: string; columns: (cols: string) => string; size: string; consent: string };
  problem: (p: ImportProblem) => string;
};

const n = (v: number, lang: Lang) => v.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB');

const de: Words = {
  link: 'Abonnements importieren (CSV)',
  title: (l) => `Abonnements importieren: ${l}`,
  intro:
    'Fügen Sie eine Liste im CSV-Format ein, z. B. aus Excel gespeichert („CSV UTF-8“). Erst zeigt eine Vorschau, was mit jeder Zeile geschähe; gespeichert wird erst mit „Importieren“. Bereits eingetragene und gesperrte Adressen werden übersprungen, nie geändert.',
  csv: 'CSV-Inhalt',
  csvHint:
    'Erste Zeile mit den Spaltennamen, getrennt durch Semikolon oder Komma: E-Mail;Name;Art;Kommune;Handlungsfelder;Einwilligung am (auch die englischen Schlüssel der Schnittstelle). Art und Kommune als Bezeichnung („Verein“, „Esslingen am Neckar“) oder Schlüssel; Datum als TT.MM.JJJJ. Sehr lange Listen importieren Sie über die Schnittstelle.',
  mode: 'Rechtsgrundlage',
  modes: {
    consented: 'Einwilligung liegt vor (mit Datum je Zeile)',
    pending: 'Bestätigung per E-Mail einholen (Double-Opt-in)',
  },
  modeHints: {
    consented:
      'Jede Zeile braucht das Datum der Einwilligung („Einwilligung am“); die Abonnements sind sofort bestätigt.',
    pending: 'Jede Adresse bekommt eine Bestätigungs-E-Mail und erhält erst nach der Bestätigung Newsletter.',
  },
  consent:
    'Für jede Zeile mit Einwilligungsdatum liegt ein Nachweis der Einwilligung vor (z. B. das unterschriebene Formular).',
  preview: 'Vorschau anzeigen',
  previewTitle: 'Vorschau des Imports',
  previewIntro: 'Noch ist nichts gespeichert.',
  summary: (p) =>
    `${n(p.rows, 'de')} Zeilen: ${n(p.valid, 'de')} können importiert werden, ${n(p.invalid.length, 'de')} mit Fehlern, ${n(p.duplicateInFile, 'de')} doppelt in der Liste.`,
  sampleTitle: (k) => `Die ersten ${n(k, 'de')} Zeilen`,
  problemsTitle: 'Zeilen mit Fehlern',
  rowProblem: (line, text) => `Zeile ${line}: ${text}`,
  doImport: 'Importieren',
  nothing: 'Keine Zeile kann importiert werden.',
  startOver: 'Andere Liste einfügen',
  resultTitle: 'Ergebnis des Imports',
  result: (r) =>
    `Importiert: ${n(r.created, 'de')} (${n(r.confirmed, 'de')} bestätigt, ${n(r.pending, 'de')} warten auf Bestätigung). Übersprungen: ${n(r.existing, 'de')} schon eingetragen, ${n(r.suppressed, 'de')} gesperrt, ${n(r.duplicateInFile, 'de')} doppelt, ${n(r.invalid.length, 'de')} mit Fehlern.`,
  back: 'Zurück zur Liste',
  expiredTitle: 'Vorschau abgelaufen',
  expired: 'Diese Vorschau ist abgelaufen oder wurde schon importiert. Bitte fügen Sie die Liste erneut ein.',
  cols: {
    line: 'Zeile',
    email: 'E-Mail',
    name: 'Name',
    actorType: 'Art',
    municipality: 'Kommune',
    fieldsOfAction: 'Handlungsfelder',
    consentAt: 'Einwilligung am',
    outcome: 'Ergebnis',
  },
  ok: 'wird importiert',
  file: {
    empty: 'Bitte fügen Sie eine CSV-Liste mit Kopfzeile und mindestens einer Zeile ein.',
    header: 'Die erste Zeile muss die Spalte „E-Mail“ nennen.',
    columns: (c) =>
      `Unbekannte Spalten: ${c}. Erlaubt sind E-Mail, Name, Art, Kommune, Handlungsfelder, Einwilligung am, Sprache.`,
    size: 'Die Liste hat zu viele Zeilen.',
    consent: 'Bitte bestätigen Sie, dass die Einwilligungen nachweisbar vorliegen.',
  },
  problem: (p) => {
    switch (p.column) {
      case 'email':
        return 'E-Mail-Adresse ungültig';
      case 'municipality':
        return `Kommune „${p.value}“ unbekannt`;
      case 'actorType':
        return `Art „${p.value}“ unbekannt (erlaubt: ${ACTOR_TYPES.map((t) => t.de).join(', ')})`;
      case 'fieldsOfAction':
        return `Handlungsfeld „${p.value}“ unbekannt`;
      case 'lang':
        return 'Sprache: de oder en';
      case 'consentAt':
        return p.code === 'required'
          ? 'Datum der Einwilligung fehlt oder ist ungültig (TT.MM.JJJJ)'
          : 'Datum der Einwilligung liegt in der Zukunft';
    }
  },
};

const en: Words = {
  link: 'Import subscribers (CSV)',
  title: (l) => `Import subscribers: ${l}`,
  intro:
    'Paste a list in CSV format, e.g. saved from Excel ("CSV UTF-8"). A preview first shows what would happen to each row; nothing is stored until you choose "Import". Addresses already on the list or suppressed are skipped, never changed.',
  csv: 'CSV content',
  csvHint:
    'First line with the column names, separated by semicolons or commas: E-Mail;Name;Art;Kommune;Handlungsfelder;Einwilligung am (or the API\'s English keys). Actor type and municipality as a label ("Verein", "Esslingen am Neckar") or key; dates as DD.MM.YYYY. Import very long lists through the API.',
  mode: 'Legal basis',
  modes: {
    consented: 'Consent given (with a date per row)',
    pending: 'Ask for confirmation by e-mail (double opt-in)',
  },
  modeHints: {
    consented:
      'Every row needs the date of consent ("Einwilligung am"); the subscriptions are confirmed at once.',
    pending: 'Every address gets a confirmation e-mail and receives newsletters only once confirmed.',
  },
  consent: 'For every row with a consent date, proof of consent exists (e.g. the signed form).',
  preview: 'Show preview',
  previewTitle: 'Import preview',
  previewIntro: 'Nothing is stored yet.',
  summary: (p) =>
    `${n(p.rows, 'en')} rows: ${n(p.valid, 'en')} can be imported, ${n(p.invalid.length, 'en')} with errors, ${n(p.duplicateInFile, 'en')} duplicated in the list.`,
  sampleTitle: (k) => `The first ${n(k, 'en')} rows`,
  problemsTitle: 'Rows with errors',
  rowProblem: (line, text) => `Row ${line}: ${text}`,
  doImport: 'Import',
  nothing: 'No row can be imported.',
  startOver: 'Paste another list',
  resultTitle: 'Import result',
  result: (r) =>
    `Imported: ${n(r.created, 'en')} (${n(r.confirmed, 'en')} confirmed, ${n(r.pending, 'en')} awaiting confirmation). Skipped: ${n(r.existing, 'en')} already on the list, ${n(r.suppressed, 'en')} suppressed, ${n(r.duplicateInFile, 'en')} duplicates, ${n(r.invalid.length, 'en')} with errors.`,
  back: 'Back to the list',
  expiredTitle: 'Preview expired',
  expired: 'This preview has expired or was imported already. Please paste the list again.',
  cols: {
    line: 'Row',
    email: 'E-mail',
    name: 'Name',
    actorType: 'Actor type',
    municipality: 'Municipality',
    fieldsOfAction: 'Fields of action',
    consentAt: 'Consent given',
    outcome: 'Result',
  },
  ok: 'will be imported',
  file: {
    empty: 'Please paste a CSV list with a header line and at least one row.',
    header: 'The first line must name the column "E-Mail".',
    columns: (c) =>
      `Unknown columns: ${c}. Allowed are E-Mail, Name, Art, Kommune, Handlungsfelder, Einwilligung am, Sprache.`,
    size: 'The list has too many rows.',
    consent: 'Please confirm that proof of consent exists.',
  },
  problem: (p) => {
    switch (p.column) {
      case 'email':
        return 'e-mail address invalid';
      case 'municipality':
        return `municipality "${p.value}" unknown`;
      case 'actorType':
        return `actor type "${p.value}" unknown (allowed: ${ACTOR_TYPES.map((t) => labelOf(ACTOR_TYPES, t.key, 'en')).join(', ')})`;
      case 'fieldsOfAction':
        return `field of action "${p.value}" unknown`;
      case 'lang':
        return 'language: de or en';
      case 'consentAt':
        return p.code === 'required'
          ? 'date of consent missing or invalid (DD.MM.YYYY)'
          : 'date of consent in the future';
    }
  },
};

/** The subscriber import's words; row problems come from the domain as codes. */
export const importWords: Record<Lang, Words> = { de, en };
