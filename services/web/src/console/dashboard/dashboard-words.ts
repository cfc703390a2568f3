import type { Lang } from '@qn/web-ui';

export type DashboardWords = {
  upcoming: string;
  upcomingTable: string;
  noEvents: string;
  createOne: string;
  col: { title: string; date: string; seats: string; waiting: string; status: string };
  seats: (taken: number, capacity: number) => string;
  recent: string;
  noRegistrations: string;
  hiddenName: string;
  registeredFor: (when: string) => string;
  campaigns: string;
  noCampaigns: string;
  campaignStatus: { sending: string; paused: string };
  sentOf: (sent: number, total: number) => string;
  progressLabel: (name: string) => string;
  review: string;
  reviewIntro: (days: number) => string;
  noReview: string;
  reviewedOn: (date: string) => string;
  brokenLinks: string;
  noBrokenLinks: string;
  failingSince: (date: string) => string;
  more: (n: number) => string;
};

const de: DashboardWords = {
  upcoming: 'Anstehende Veranstaltungen',
  upcomingTable: 'Anstehende Veranstaltungen mit belegten Plätzen',
  noEvents: 'Noch keine Veranstaltungen',
  createOne: 'jetzt eine anlegen',
  col: {
    title: 'Veranstaltung',
    date: 'Datum',
    seats: 'Plätze belegt',
    waiting: 'Warteliste',
    status: 'Status',
  },
  seats: (taken, capacity) => `${taken} von ${capacity}`,
  recent: 'Neueste Anmeldungen',
  noRegistrations: 'Noch keine Anmeldungen.',
  hiddenName: 'Eine Anmeldung',
  registeredFor: (when) => `angemeldet ${when}`,
  campaigns: 'Laufende Newsletter-Kampagnen',
  noCampaigns: 'Gerade wird keine Kampagne versendet.',
  campaignStatus: { sending: 'Versand läuft', paused: 'Angehalten' },
  sentOf: (sent, total) => `${sent} von ${total} versendet`,
  progressLabel: (name) => `Versandfortschritt: ${name}`,
  review: 'Förderprogramme zur Prüfung',
  reviewIntro: (days) =>
    `Veröffentlichte Programme, die seit mehr als ${days} Tagen niemand geprüft oder geändert hat.`,
  noReview: 'Kein Programm ist zur Prüfung fällig.',
  reviewedOn: (date) => `zuletzt geprüft am ${date}`,
  brokenLinks: 'Defekte Links in Förderprogrammen',
  noBrokenLinks: 'Bei der letzten Prüfung waren alle offiziellen Links erreichbar.',
  failingSince: (date) => `nicht erreichbar seit ${date}`,
  more: (n) => `… und ${n} weitere`,
};

const en: DashboardWords = {
  upcoming: 'Upcoming events',
  upcomingTable: 'Upcoming events with seats taken',
  noEvents: 'No events yet',
  createOne: 'create one now',
  col: { title: 'Event', date: 'Date', seats: 'Seats taken', waiting: 'Waiting list', status: 'Status' },
  seats: (taken, capacity) => `${taken} of ${capacity}`,
  recent: 'Latest registrations',
  noRegistrations: 'No registrations yet.',
  hiddenName: 'A registration',
  registeredFor: (when) => `registered ${when}`,
  campaigns: 'Newsletter campaigns in progress',
  noCampaigns: 'No campaign is being sent right now.',
  campaignStatus: { sending: 'Sending', paused: 'Paused' },
  sentOf: (sent, total) => `${sent} of ${total} sent`,
  progressLabel: (name) => `Sending progress: ${name}`,
  review: 'Funding programmes due for review',
  reviewIntro: (days) => `Published programmes nobody has reviewed or changed for more than ${days} days.`,
  noReview: 'No programme is due for review.',
  reviewedOn: (date) => `last reviewed on ${date}`,
  brokenLinks: 'Broken links in funding programmes',
  noBrokenLinks: 'At the last check every official link could be reached.',
  failingSince: (date) => `unreachable since ${date}`,
  more: (n) => `… and ${n} more`,
};

/** The console home page's own words (German first, English under `?lang=en`). */
export const dashboardWords: Record<Lang, DashboardWords> = { de, en };
