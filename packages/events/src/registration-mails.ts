import { renderMail, type MailBlock } from '@qn/mail';
import { buildEventIcs, venueLine, type IcsMethod } from './build-event-ics';
import type { EventDoc } from './models/event';
import type { RegistrationDoc } from './models/registration';
import { eventUrlOf, manageUrlOf } from './manage-token';
import type { EventsDeps } from './events-deps';
import { enqueueMailBatched } from './batched-enqueue';
import { hasEmail } from './contact';

export type RegistrationMailKind =
  | 'confirmed'
  | 'waitlisted'
  | 'promoted'
  | 'offered'
  | 'cancelled'
  | 'offer-expired'
  | 'reminder'
  | 'event-changed'
  | 'event-cancelled'
  | 'already-registered';

type MailEvent = Pick<
  EventDoc,
  | '_id'
  | 'title'
  | 'description'
  | 'startsAt'
  | 'endsAt'
  | 'venue'
  | 'onlineUrl'
  | 'sequence'
  | 'contact'
  | 'accessibility'
  | 'createdAt'
  | 'updatedAt'
>;
type MailRegistration = Pick<RegistrationDoc, '_id' | 'email' | 'name' | 'companions' | 'offerExpiresAt'> &
  Partial<Pick<RegistrationDoc, 'status' | 'confirmedAt' | 'cancelledAt' | 'waitlistedAt'>>;

/** The moment a registration mail's .ics speaks of, so it is newer than the one before it. */
function factAt(kind: RegistrationMailKind, reg: MailRegistration): Date | undefined {
  // DTSTAMP has whole seconds: a cancellation within a second of its confirmation still
  // needs the later stamp.
  if (kind === 'cancelled' && reg.cancelledAt)
    return new Date(Math.max(reg.cancelledAt.getTime(), (reg.confirmedAt?.getTime() ?? 0) + 1000));
  if (kind === 'confirmed' || kind === 'promoted') return reg.confirmedAt;
  return undefined;
}

/** Intl formatters are costly to build (a burst renders thousands of mails): one per zone and style. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, style: 'day' | 'time' | 'both'): Intl.DateTimeFormat {
  const key = `${timeZone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      style === 'day'
        ? { timeZone, dateStyle: 'full' }
        : style === 'time'
          ? { timeZone, timeStyle: 'short' }
          : { timeZone, dateStyle: 'full', timeStyle: 'short' };
    f = new Intl.DateTimeFormat('de-DE', opts);
    formatters.set(key, f);
  }
  return f;
}

export function formatWhen(event: Pick<EventDoc, 'startsAt' | 'endsAt'>, timeZone: string): string {
  const day = formatter(timeZone, 'day');
  const time = formatter(timeZone, 'time');
  const sameDay = day.format(event.startsAt) === day.format(event.endsAt);
  return sameDay
    ? `${day.format(event.startsAt)}, ${time.format(event.startsAt)}–${time.format(event.endsAt)} Uhr`
    : `${day.format(event.startsAt)}, ${time.format(event.startsAt)} Uhr bis ${day.format(event.endsAt)}, ${time.format(event.endsAt)} Uhr`;
}

function formatInstant(d: Date, timeZone: string): string {
  return `${formatter(timeZone, 'both').format(d)} Uhr`;
}

const subjects: Record<RegistrationMailKind, string> = {
  confirmed: 'Anmeldung bestätigt',
  waitlisted: 'Sie stehen auf der Warteliste',
  promoted: 'Ein Platz ist frei geworden: Ihre Anmeldung ist bestätigt',
  offered: 'Ein Platz ist frei geworden: bitte bestätigen',
  cancelled: 'Abmeldung bestätigt',
  'offer-expired': 'Platzangebot abgelaufen',
  reminder: 'Erinnerung',
  'event-changed': 'Änderung',
  'event-cancelled': 'Abgesagt',
  'already-registered': 'Sie sind bereits angemeldet',
};

const standing: Record<RegistrationDoc['status'], string> = {
  confirmed: 'Ihre Anmeldung ist bestätigt.',
  waitlisted: 'Sie stehen auf der Warteliste.',
  offered: 'Für Sie ist ein Platz reserviert; bitte nehmen Sie ihn über den Link unten an.',
  cancelled: 'Sie sind abgemeldet.',
  'offer-expired': 'Ihr Platzangebot ist abgelaufen.',
};

function intro(kind: RegistrationMailKind, reg: MailRegistration, timeZone: string): string {
  const seats = reg.companions > 0 ? ` (${1 + reg.companions} Plätze)` : '';
  switch (kind) {
    case 'confirmed':
      return `Ihre Anmeldung${seats} ist bestätigt. Die Termindatei im Anhang können Sie in Ihren Kalender übernehmen.`;
    case 'waitlisted':
      return `Die Veranstaltung ist ausgebucht. Sie stehen auf der Warteliste${seats}; wird ein Platz frei, benachrichtigen wir Sie. Ihren aktuellen Platz auf der Liste sehen Sie über den Link unten.`;
    case 'promoted':
      return `Für Sie ist ein Platz frei geworden: Ihre Anmeldung${seats} ist jetzt bestätigt.`;
    case 'offered':
      return `Für Sie ist ein Platz frei geworden${seats}. Bitte bestätigen Sie ihn bis ${
        reg.offerExpiresAt ? formatInstant(reg.offerExpiresAt, timeZone) : 'zum angegebenen Termin'
      } über den Link unten; danach geht er an die nächste Person auf der Warteliste.`;
    case 'cancelled':
      return 'Sie haben sich abgemeldet. Ihr Platz wird weitergegeben. Danke, dass Sie Bescheid gegeben haben.';
    case 'offer-expired':
      return 'Ihr Platzangebot ist abgelaufen und wurde an die nächste Person auf der Warteliste weitergegeben.';
    case 'reminder':
      return 'wir erinnern Sie an die Veranstaltung, zu der Sie angemeldet sind.';
    case 'event-changed':
      return 'die Veranstaltung, zu der Sie angemeldet sind, hat sich geändert. Die aktuelle Termindatei liegt bei.';
    case 'event-cancelled':
      return 'die Veranstaltung, zu der Sie angemeldet sind, wurde leider abgesagt. Die Termindatei im Anhang entfernt den Termin aus Ihrem Kalender.';
    case 'already-registered':
      return `jemand hat Ihre Adresse noch einmal für diese Veranstaltung angemeldet. Sie waren schon angemeldet; geändert haben wir nichts. ${
        reg.status ? standing[reg.status] : ''
      } Waren Sie das nicht, können Sie diese E-Mail einfach ignorieren.`;
  }
}

/**
 * The ledger slot of a kind: a promotion is the confirmation of a waitlisted person, so both
 * share one key and a re-enqueue by the reconciler can never send the other one as well.
 */
const slotOf = (kind: RegistrationMailKind): string => (kind === 'promoted' ? 'confirmed' : kind);

/** Which mails carry an .ics, and which method. */
const icsOf: Partial<Record<RegistrationMailKind, IcsMethod>> = {
  confirmed: 'REQUEST',
  promoted: 'REQUEST',
  'event-changed': 'REQUEST',
  cancelled: 'CANCEL',
  'event-cancelled': 'CANCEL',
};

/**
 * Whether the recipient holds a seat as this mail speaks: only they get an online event's
 * meeting link, so a place on the waiting list never becomes a way in.
 */
function holdsSeat(kind: RegistrationMailKind, reg: MailRegistration): boolean {
  if (kind === 'confirmed' || kind === 'promoted' || kind === 'reminder') return true;
  if (kind === 'event-changed' || kind === 'already-registered') return reg.status === 'confirmed';
  return false;
}

/**
 * Renders one registration mail and puts it on the mail queue under its natural key: the
 * mailer sends each `ledgerKey` at most once, so calling this twice for one fact is harmless.
 */
export async function enqueueRegistrationMail(
  deps: Pick<EventsDeps, 'producer' | 'publicUrl' | 'secretKey' | 'timeZone' | 'requestId'>,
  opts: {
    kind: RegistrationMailKind;
    event: MailEvent;
    registration: MailRegistration;
    /** Makes the key unique per occurrence (a timestamp, a sequence, an offset). */
    occurrence: string;
  },
): Promise<void> {
  const { kind, event, registration: reg } = opts;
  // Registered by phone without an address: the organiser tells them, nothing is sent.
  if (!hasEmail(reg.email)) return;
  const eventId = String(event._id);
  const regId = String(reg._id);
  const eventUrl = eventUrlOf(deps, eventId);
  const seated = holdsSeat(kind, reg);
  const rows: [string, string][] = [
    ['Veranstaltung', event.title],
    ['Wann', formatWhen(event, deps.timeZone)],
    ['Wo', venueLine(event)],
  ];
  if (event.onlineUrl && kind !== 'cancelled' && kind !== 'event-cancelled' && kind !== 'offer-expired')
    rows.push([
      'Online-Teilnahme',
      seated ? event.onlineUrl : 'Den Zugangslink erhalten Sie, sobald Ihr Platz bestätigt ist.',
    ]);
  if (event.accessibility) rows.push(['Barrierefreiheit', event.accessibility]);
  rows.push(['Kontakt', `${event.contact.name} <${event.contact.email}>`]);
  const blocks: MailBlock[] = [
    { type: 'p', text: intro(kind, reg, deps.timeZone) },
    { type: 'facts', rows },
    { type: 'action', label: 'Zur Veranstaltung', url: eventUrl },
  ];
  if (kind !== 'event-cancelled' && kind !== 'cancelled' && kind !== 'offer-expired') {
    blocks.push({
      type: 'action',
      label:
        kind === 'offered'
          ? 'Platz annehmen oder ablehnen'
          : 'Anmeldung ansehen, Angaben berichtigen oder stornieren',
      url: manageUrlOf(deps, regId),
    });
  }
  const body = renderMail({
    greeting: `Guten Tag ${reg.name},`,
    blocks,
    footer: {
      officeName: 'Landratsamt Esslingen · Koordination Quartier',
      privacyUrl: `${deps.publicUrl}/datenschutz`,
      imprintUrl: `${deps.publicUrl}/impressum`,
    },
  });
  const method = icsOf[kind];
  await enqueueMailBatched(
    deps.producer,
    {
      ledgerKey: `event-${slotOf(kind)}:${regId}:${opts.occurrence}`,
      kind: `event-${kind}`,
      to: reg.email,
      subject: `${subjects[kind]}: ${event.title}`,
      ...body,
      ical: method
        ? buildEventIcs({
            event,
            method,
            url: eventUrl,
            attendee: { name: reg.name, email: reg.email },
            timeZone: deps.timeZone,
            withLink: seated,
            stamp: factAt(kind, reg),
          })
        : undefined,
    },
    { requestId: deps.requestId },
  );
}
