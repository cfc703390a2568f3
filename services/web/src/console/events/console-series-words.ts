import type { Lang } from '@qn/web-ui';

type SeriesWords = {
  newSeries: string;
  editFuture: string;
  cancelFuture: string;
  section: string;
  sectionHint: string;
  freq: string;
  freqWeekly: string;
  freqMonthlyWeekday: string;
  freqMonthlyDay: string;
  weekday: string;
  weekdays: string[];
  nth: string;
  nths: Record<string, string>;
  day: string;
  dayHint: string;
  until: string;
  count: string;
  endHint: string;
  previewButton: string;
  create: string;
  previewTitle: (n: number) => string;
  previewHint: string;
  registrationClosesAtRefused: string;
  endRequired: string;
  lengthRefused: string;
  ruleText: (r: { freq: string; weekday?: number; nth?: number; day?: number }) => string;
  dates: string;
  date: string;
  status: string;
  seats: string;
  waiting: string;
  links: string;
  consoleLink: string;
  publicLink: string;
  publish: string;
  created: string;
  published: (n: number) => string;
  updated: (n: number) => string;
  cancelled: (n: number) => string;
  partOf: string;
  editThis: string;
  editAll: string;
  seriesPage: string;
  editFutureHint: string;
  save: string;
  cancelConfirm: (n: number) => string;
  noFuture: string;
  back: string;
  publicNote: string;
  moreDates: string;
  fieldIssue: Record<string, string>;
};

const deWeekdays = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const enWeekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const deNth: Record<string, string> = {
  '1': 'ersten',
  '2': 'zweiten',
  '3': 'dritten',
  '4': 'vierten',
  '-1': 'letzten',
};
const enNth: Record<string, string> = {
  '1': 'first',
  '2': 'second',
  '3': 'third',
  '4': 'fourth',
  '-1': 'last',
};

/** The words of the console's series pages and of the series notes on event pages. */
export const seriesWords: Record<Lang, SeriesWords> = {
  de: {
    newSeries: 'Neue Reihe',
    editFuture: 'Alle künftigen Termine bearbeiten',
    cancelFuture: 'Alle künftigen Termine absagen',
    section: 'Wiederholung',
    sectionHint:
      'Beginn und Ende oben legen die Uhrzeit und die Dauer jedes Termins fest. Der erste Termin ist der erste passende Tag ab dem Datum des Beginns.',
    freq: 'Rhythmus',
    freqWeekly: 'wöchentlich an einem Wochentag',
    freqMonthlyWeekday: 'monatlich an einem Wochentag (z. B. am ersten Mittwoch)',
    freqMonthlyDay: 'monatlich an einem Tag des Monats (z. B. am 15.)',
    weekday: 'Wochentag',
    weekdays: deWeekdays,
    nth: 'Welcher im Monat',
    nths: { '1': 'erster', '2': 'zweiter', '3': 'dritter', '4': 'vierter', '-1': 'letzter' },
    day: 'Tag des Monats',
    dayHint: 'Monate ohne diesen Tag (etwa der 31. im April) werden übersprungen.',
    until: 'Wiederholen bis (Datum)',
    count: 'Oder: Anzahl der Termine',
    endHint: 'Höchstens 52 Termine, höchstens zwei Jahre nach dem ersten.',
    previewButton: 'Termine anzeigen',
    create: 'Reihe anlegen',
    previewTitle: (n) => `Vorschau: ${n} Termine`,
    previewHint: 'Alle Termine werden als Entwurf angelegt; veröffentlichen Sie die Reihe danach.',
    registrationClosesAtRefused:
      'Bei einer Reihe nicht möglich: die Anmeldung schließt bei jedem Termin mit dessen Ende.',
    endRequired: 'Geben Sie ein Enddatum oder eine Anzahl an, nicht beides.',
    lengthRefused: 'Ein Termin darf höchstens 24 Stunden dauern.',
    ruleText: (r) =>
      r.freq === 'weekly'
        ? `wöchentlich am ${deWeekdays[r.weekday! - 1]}`
        : r.freq === 'monthly-weekday'
          ? `monatlich am ${deNth[String(r.nth)]} ${deWeekdays[r.weekday! - 1]}`
          : `monatlich am ${r.day}.`,
    dates: 'Termine',
    date: 'Termin',
    status: 'Status',
    seats: 'Plätze belegt',
    waiting: 'Warteliste',
    links: 'Links',
    consoleLink: 'Verwalten',
    publicLink: 'Öffentliche Seite',
    publish: 'Reihe veröffentlichen',
    created: 'Die Reihe wurde mit allen Terminen als Entwurf angelegt.',
    published: (n) => `${n} Termine wurden veröffentlicht.`,
    updated: (n) => `${n} künftige Termine wurden geändert; ihre Angemeldeten werden benachrichtigt.`,
    cancelled: (n) => `${n} künftige Termine wurden abgesagt; ihre Angemeldeten werden benachrichtigt.`,
    partOf: 'Teil der Reihe',
    editThis: 'Nur diesen Termin bearbeiten',
    editAll: 'Alle künftigen Termine bearbeiten',
    seriesPage: 'Zur Reihe',
    editFutureHint:
      'Die Änderungen gelten für alle Termine, die noch nicht begonnen haben. Vom Beginn und Ende zählen nur Uhrzeit und Dauer; jeder Termin behält sein Datum.',
    save: 'Künftige Termine speichern',
    cancelConfirm: (n) =>
      `${n} künftige Termine absagen? Alle Angemeldeten dieser Termine erhalten eine Absage mit Kalender-Update.`,
    noFuture: 'Die Reihe hat keine künftigen Termine mehr.',
    back: 'Zurück',
    publicNote: 'Dieser Termin gehört zur Reihe',
    moreDates: 'Weitere Termine:',
    fieldIssue: {
      freq: 'Bitte wählen Sie einen Rhythmus.',
      weekday: 'Bitte wählen Sie einen Wochentag.',
      nth: 'Bitte wählen Sie, welcher Wochentag im Monat.',
      day: 'Bitte geben Sie einen Tag von 1 bis 31 an.',
      startsAt: 'Mindestens ein Termin läge in der Vergangenheit.',
      until:
        'Das Enddatum ergibt mehr als 52 Termine, keinen Termin oder liegt mehr als zwei Jahre nach dem ersten.',
      count: 'Bitte höchstens 52 Termine innerhalb von zwei Jahren.',
    },
  },
  en: {
    newSeries: 'New series',
    editFuture: 'Edit all future dates',
    cancelFuture: 'Cancel all future dates',
    section: 'Repetition',
    sectionHint:
      'Start and end above set the time and length of every date. The first date is the first matching day from the start’s date on.',
    freq: 'Rhythm',
    freqWeekly: 'weekly on a weekday',
    freqMonthlyWeekday: 'monthly on a weekday (e.g. the first Wednesday)',
    freqMonthlyDay: 'monthly on a day of the month (e.g. the 15th)',
    weekday: 'Weekday',
    weekdays: enWeekdays,
    nth: 'Which one in the month',
    nths: { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '-1': 'last' },
    day: 'Day of the month',
    dayHint: 'Months without this day (such as the 31st in April) are skipped.',
    until: 'Repeat until (date)',
    count: 'Or: number of dates',
    endHint: 'At most 52 dates, at most two years after the first.',
    previewButton: 'Show dates',
    create: 'Create series',
    previewTitle: (n) => `Preview: ${n} dates`,
    previewHint: 'All dates are created as drafts; publish the series afterwards.',
    registrationClosesAtRefused:
      'Not available for a series: registration for each date closes when it ends.',
    endRequired: 'Give an end date or a number of dates, not both.',
    lengthRefused: 'A date may last at most 24 hours.',
    ruleText: (r) =>
      r.freq === 'weekly'
        ? `weekly on ${enWeekdays[r.weekday! - 1]}`
        : r.freq === 'monthly-weekday'
          ? `monthly on the ${enNth[String(r.nth)]} ${enWeekdays[r.weekday! - 1]}`
          : `monthly on day ${r.day}`,
    dates: 'Dates',
    date: 'Date',
    status: 'Status',
    seats: 'Seats taken',
    waiting: 'Waiting list',
    links: 'Links',
    consoleLink: 'Manage',
    publicLink: 'Public page',
    publish: 'Publish series',
    created: 'The series was created with all its dates as drafts.',
    published: (n) => `${n} dates were published.`,
    updated: (n) => `${n} future dates were changed; their registrants are told.`,
    cancelled: (n) => `${n} future dates were cancelled; their registrants are told.`,
    partOf: 'Part of the series',
    editThis: 'Edit only this date',
    editAll: 'Edit all future dates',
    seriesPage: 'To the series',
    editFutureHint:
      'The changes apply to every date that has not begun. Of start and end only the time and length count; each date keeps its day.',
    save: 'Save future dates',
    cancelConfirm: (n) =>
      `Cancel ${n} future dates? Everyone registered for them gets a cancellation with a calendar update.`,
    noFuture: 'The series has no future dates left.',
    back: 'Back',
    publicNote: 'This date belongs to the series',
    moreDates: 'More dates:',
    fieldIssue: {
      freq: 'Please choose a rhythm.',
      weekday: 'Please choose a weekday.',
      nth: 'Please choose which weekday of the month.',
      day: 'Please give a day from 1 to 31.',
      startsAt: 'At least one date would lie in the past.',
      until: 'The end date yields more than 52 dates, none, or lies more than two years after the first.',
      count: 'Please at most 52 dates within two years.',
    },
  },
};
