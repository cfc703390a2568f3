import type { BounceKind, ManualSuppressionReason, SuppressionSource } from '@qn/newsletter';
import type { Lang } from '@qn/web-ui';

type SuppressionReason = 'unsubscribed' | 'bounced' | 'complained' | 'erased' | 'manual';

type Words = {
  suppressions: string;
  suppressionsIntro: string;
  bounces: string;
  bouncesIntro: string;
  hash: string;
  reason: string;
  source: string;
  since: string;
  actions: string;
  reasons: Record<SuppressionReason, string>;
  sources: Record<SuppressionSource, string>;
  notes: Record<ManualSuppressionReason, string>;
  allReasons: string;
  filter: string;
  filterButton: string;
  count: (n: number) => string;
  pageOf: (page: number, pages: number) => string;
  capped: (shown: number) => string;
  previous: string;
  next: string;
  pagination: string;
  check: string;
  checkEmail: string;
  checkHint: string;
  addHint: string;
  entries: string;
  checkButton: string;
  checkedYes: (reason: string, source: string, since: string) => string;
  checkedNo: string;
  add: string;
  addEmail: string;
  addReason: string;
  addButton: string;
  added: string;
  alreadyThere: (reason: string) => string;
  remove: string;
  removeLabel: (hash: string) => string;
  removeTitle: string;
  removeIntro: string;
  removeNoResubscribe: string;
  removeButton: string;
  removed: string;
  cancel: string;
  back: string;
  bounceKinds: Record<BounceKind | 'all', string>;
  kind: string;
  hard: string;
  soft: string;
  lastAt: string;
  lastStatus: string;
  subscriber: string;
  noSubscriber: string;
  lastKind: Record<BounceKind, string>;
};

const de: Words = {
  suppressions: 'Sperrliste',
  suppressionsIntro:
    'Adressen auf der Sperrliste bekommt kein Newsletter. Gespeichert ist nur ein Fingerabdruck (HMAC) jeder Adresse, nie die Adresse selbst: Prüfen, sperren und entsperren geht deshalb über die Eingabe einer Adresse.',
  bounces: 'Unzustellbare Adressen (Bounces)',
  bouncesIntro:
    'Rückmeldungen der Mailserver: Ein harter Bounce (dauerhaft unzustellbar) sperrt die Adresse, ein weicher (vorübergehend) wird nur gezählt.',
  hash: 'Fingerabdruck',
  reason: 'Grund',
  source: 'Herkunft',
  since: 'Seit',
  actions: 'Aktionen',
  reasons: {
    unsubscribed: 'abgemeldet',
    bounced: 'unzustellbar',
    complained: 'als Spam gemeldet',
    erased: 'Daten gelöscht',
    manual: 'von Hand gesperrt',
  },
  sources: {
    unsubscribe: 'Abmeldelink',
    bounce: 'Bounce-Meldung',
    complaint: 'Beschwerde des Mailanbieters',
    privacy: 'Löschantrag',
    console: 'Konsole',
  },
  notes: {
    request: 'Auf Wunsch der Person',
    invalid: 'Adresse ungültig',
    other: 'Anderer Grund',
  },
  allReasons: 'Alle Gründe',
  filter: 'Filtern nach',
  filterButton: 'Filtern',
  count: (n) => (n === 1 ? '1 Eintrag' : `${n.toLocaleString('de-DE')} Einträge`),
  pageOf: (p, n) => `Seite ${p} von ${n}`,
  capped: (n) =>
    `Angezeigt werden die neuesten ${n.toLocaleString('de-DE')}; ältere Einträge finden Sie über „Adresse prüfen“.`,
  previous: 'Vorherige Seite',
  next: 'Nächste Seite',
  pagination: 'Seiten',
  check: 'Adresse prüfen',
  checkEmail: 'E-Mail-Adresse',
  checkHint: 'Die Adresse wird nur für die Prüfung verwendet und nicht gespeichert.',
  addHint: 'Gespeichert wird nur der Fingerabdruck der Adresse, nicht die Adresse.',
  entries: 'Einträge',
  checkButton: 'Prüfen',
  checkedYes: (r, s, d) => `Die Adresse ist gesperrt: ${r} (${s}), seit ${d}.`,
  checkedNo: 'Die Adresse ist nicht gesperrt.',
  add: 'Adresse sperren',
  addEmail: 'E-Mail-Adresse',
  addReason: 'Grund',
  addButton: 'Sperren',
  added: 'Die Adresse ist gesperrt. Sie bekommt keinen Newsletter mehr.',
  alreadyThere: (r) => `Die Adresse war schon gesperrt (${r}); der Eintrag bleibt, wie er ist.`,
  remove: 'Entsperren',
  removeLabel: (h) => `Entsperren: ${h}`,
  removeTitle: 'Sperre aufheben?',
  removeIntro: 'Dieser Eintrag wird von der Sperrliste entfernt:',
  removeNoResubscribe:
    'Niemand wird dadurch wieder angemeldet: Wer sich abgemeldet hat oder unzustellbar war, bleibt es, bis er sich selbst wieder anmeldet. Nur bestätigte Abonnements bekommen den nächsten Newsletter wieder.',
  removeButton: 'Sperre aufheben',
  removed: 'Die Sperre ist aufgehoben.',
  cancel: 'Abbrechen',
  back: 'Zurück zum Newsletter',
  bounceKinds: { all: 'Alle', hard: 'Harte Bounces', soft: 'Weiche Bounces' },
  kind: 'Art',
  hard: 'Hart',
  soft: 'Weich',
  lastAt: 'Zuletzt',
  lastStatus: 'Status-Code',
  subscriber: 'Abonnement',
  noSubscriber: 'kein Abonnement mehr (gelöscht)',
  lastKind: { hard: 'hart', soft: 'weich' },
};

const en: Words = {
  suppressions: 'Suppression list',
  suppressionsIntro:
    'No newsletter goes to an address on the suppression list. Only a fingerprint (HMAC) of each address is stored, never the address itself, so checking, blocking and unblocking work by entering an address.',
  bounces: 'Undeliverable addresses (bounces)',
  bouncesIntro:
    'Reports from mail servers: a hard bounce (permanently undeliverable) suppresses the address, a soft one (temporary) is only counted.',
  hash: 'Fingerprint',
  reason: 'Reason',
  source: 'Source',
  since: 'Since',
  actions: 'Actions',
  reasons: {
    unsubscribed: 'unsubscribed',
    bounced: 'undeliverable',
    complained: 'reported as spam',
    erased: 'data erased',
    manual: 'blocked by hand',
  },
  sources: {
    unsubscribe: 'Unsubscribe link',
    bounce: 'Bounce report',
    complaint: "Mail provider's complaint",
    privacy: 'Erasure request',
    console: 'Console',
  },
  notes: { request: "At the person's request", invalid: 'Address invalid', other: 'Other reason' },
  allReasons: 'All reasons',
  filter: 'Filter by',
  filterButton: 'Filter',
  count: (n) => (n === 1 ? '1 entry' : `${n.toLocaleString('en-GB')} entries`),
  pageOf: (p, n) => `Page ${p} of ${n}`,
  capped: (n) =>
    `The newest ${n.toLocaleString('en-GB')} are shown; find older entries with "Check an address".`,
  previous: 'Previous page',
  next: 'Next page',
  pagination: 'Pages',
  check: 'Check an address',
  checkEmail: 'Email address',
  checkHint: 'The address is used for the check only and is not stored.',
  addHint: 'Only the fingerprint of the address is stored, not the address.',
  entries: 'Entries',
  checkButton: 'Check',
  checkedYes: (r, s, d) => `The address is suppressed: ${r} (${s}), since ${d}.`,
  checkedNo: 'The address is not suppressed.',
  add: 'Block an address',
  addEmail: 'Email address',
  addReason: 'Reason',
  addButton: 'Block',
  added: 'The address is blocked. It gets no more newsletters.',
  alreadyThere: (r) => `The address was suppressed already (${r}); the entry stays as it is.`,
  remove: 'Unblock',
  removeLabel: (h) => `Unblock: ${h}`,
  removeTitle: 'Lift the suppression?',
  removeIntro: 'This entry will be removed from the suppression list:',
  removeNoResubscribe:
    'Nobody is subscribed again by this: whoever unsubscribed or bounced stays so until they subscribe again themselves. Only confirmed subscriptions get the next newsletter again.',
  removeButton: 'Lift the suppression',
  removed: 'The suppression is lifted.',
  cancel: 'Cancel',
  back: 'Back to the newsletter',
  bounceKinds: { all: 'All', hard: 'Hard bounces', soft: 'Soft bounces' },
  kind: 'Kind',
  hard: 'Hard',
  soft: 'Soft',
  lastAt: 'Last',
  lastStatus: 'Status code',
  subscriber: 'Subscription',
  noSubscriber: 'no subscription any more (erased)',
  lastKind: { hard: 'hard', soft: 'soft' },
};

/** The suppression and bounce pages' words. */
export const listsWords: Record<Lang, Words> = { de, en };
