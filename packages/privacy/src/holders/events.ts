import {
  Event,
  Registration,
  cancelRegistration,
  eventsDepsOf,
  dropAddressKey,
  dropRegistrantIndex,
  hashManageToken,
  removeReminders,
  withEventLock,
} from '@qn/events';
import { anyOf, deadHash, erasedAddress, toRecord, toRecords } from '../records';
import { daysFromConfig, fixedRetention } from '../retention';
import type { HolderContext, PersonalDataHolder } from '../types';

const registrationBasis = {
  de: 'Art. 6 Abs. 1 lit. a DSGVO (Einwilligung bei der Anmeldung, Textversion gespeichert) und lit. e i. V. m. § 4 LDSG BW; Angaben zur Barrierefreiheit: Art. 9 Abs. 2 lit. a DSGVO',
  en: 'Art. 6(1)(a) GDPR (consent at registration, text version stored) and (e) with § 4 LDSG BW; accessibility needs: Art. 9(2)(a) GDPR',
};

async function registrationsOf(ctx: HolderContext) {
  const byToken = ctx.tokens.map(hashManageToken);
  return Registration.find(
    byToken.length
      ? { $or: [{ email: ctx.email }, { manageTokenHash: anyOf(byToken) }] }
      : { email: ctx.email },
  ).lean();
}

const ACTIVE = new Set(['confirmed', 'offered', 'waitlisted']);

/** Registrations in every status (confirmed, waitlisted, offered, cancelled) with check-ins. */
export const eventRegistrationsHolder: PersonalDataHolder = {
  key: 'events.registrations',
  activity: 'events',
  collection: 'event_registrations',
  models: [
    {
      model: 'Registration',
      fields: [
        'email',
        'name',
        'organisation',
        'accessibilityNeeds',
        'manageTokenHash',
        'phone',
        'postalAddress',
        'answers',
      ],
    },
  ],
  category: {
    de: 'Anmeldungen zu Veranstaltungen (mit Warteliste, Abmeldung und Check-in)',
    en: 'Event registrations (with waiting list, cancellation and check-in)',
  },
  purpose: {
    de: 'Durchführung der Veranstaltung: Platzvergabe, Warteliste, Bestätigungen, Erinnerungen, Änderungsmitteilungen, Teilnahmeliste und Check-in',
    en: 'Running the event: seats, waiting list, confirmations, reminders, change notices, attendee list and check-in',
  },
  legalBasis: registrationBasis,
  source: {
    de: 'Ihre Anmeldung, oder die Organisatorin/der Organisator in Ihrem Auftrag (Telefon, CSV-Import)',
    en: 'Your registration, or the organiser on your behalf (phone, CSV import)',
  },
  recipients: {
    de: 'Die veranstaltende Organisation und die Koordinationsstelle; der Mail-Relay (Auftragsverarbeiter)',
    en: 'The organising organisation and the coordination office; the mail relay (processor)',
  },
  retention: (config) =>
    daysFromConfig(
      config,
      'EVENT_RETENTION_DAYS',
      (d) => ({
        de: `Bis ${d} Tage nach der Veranstaltung, dann anonymisiert (die Zählung bleibt)`,
        en: `Until ${d} days after the event, then anonymised (counts stay)`,
      }),
      {
        de: 'Bis 90 Tage nach der Veranstaltung, dann anonymisiert (die Zählung bleibt)',
        en: 'Until 90 days after the event, then anonymised (counts stay)',
      },
    ),
  find: async (ctx) => {
    const regs = await registrationsOf(ctx);
    const events = await Event.find(
      { _id: anyOf([...new Set(regs.map((r) => r.eventId))]) },
      { title: 1, startsAt: 1 },
    ).lean();
    const titles = new Map(events.map((e) => [String(e._id), e]));
    return regs.map(({ manageTokenHash: _hash, ...r }) => ({
      ...toRecord(r),
      event: titles.has(r.eventId) ? toRecord(titles.get(r.eventId)!) : undefined,
    }));
  },
  // Anonymised in place like the retention job does: status and check-in stay, so the event's
  // statistics stay right; a seat for an event still to come is given back first; the
  // manage link dies with its hash.
  erase: async (ctx) => {
    const regs = await Registration.find({ email: ctx.email }, { _id: 1, eventId: 1, status: 1 }).lean();
    for (const r of regs) {
      // A seat of an event still to come goes back to the waiting list, as a cancellation
      // would; one that took place stays counted, anonymously.
      if (ACTIVE.has(r.status) && ctx.redis && ctx.producer) {
        const event = await Event.findById(r.eventId, { endsAt: 1 }).lean();
        if (event && event.endsAt > new Date())
          await cancelRegistration(
            eventsDepsOf({ producer: ctx.producer, redis: ctx.redis, config: ctx.config }),
            {
              registrationId: String(r._id),
              notify: false,
            },
          );
      }
      const anonymise = async () => {
        await Registration.updateOne(
          { _id: r._id },
          {
            $set: {
              email: erasedAddress(r._id),
              name: 'anonymisiert',
              manageTokenHash: deadHash(),
              anonymisedAt: new Date(),
            },
            $unset: { organisation: 1, accessibilityNeeds: 1, phone: 1, postalAddress: 1, answers: 1 },
          },
        );
        await dropAddressKey(r.eventId, ctx.email);
        const event = await Event.findById(r.eventId, { reminderOffsetsMinutes: 1 }).lean();
        if (event && ctx.producer) await removeReminders({ producer: ctx.producer }, event, String(r._id));
      };
      if (ctx.redis)
        await withEventLock({ redis: ctx.redis, keyPrefix: ctx.config.QUEUE_PREFIX }, r.eventId, anonymise);
      else await anonymise();
    }
    await dropRegistrantIndex({ secretKey: ctx.config.SECRET_KEY }, ctx.email);
    return { deleted: 0, anonymised: regs.length };
  },
};

/** An organiser named as an event's contact person. */
export const eventContactsHolder: PersonalDataHolder = {
  key: 'events.contacts',
  activity: 'events',
  collection: 'events',
  models: [{ model: 'Event', fields: ['contact'] }],
  category: { de: 'Ansprechperson einer Veranstaltung', en: 'Contact person of an event' },
  purpose: {
    de: 'Interessierte wissen, wen sie zur Veranstaltung fragen können',
    en: 'People interested in the event know whom to ask',
  },
  legalBasis: {
    de: 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 4 LDSG BW',
    en: 'Art. 6(1)(e) GDPR with § 4 LDSG BW',
  },
  source: {
    de: 'Von der veranstaltenden Organisation eingetragen',
    en: 'Entered by the organising organisation',
  },
  recipients: {
    de: 'Öffentlich auf der Veranstaltungsseite und im Kalender',
    en: 'Public on the event page and in calendars',
  },
  retention: () =>
    fixedRetention({
      de: 'Solange die Veranstaltung veröffentlicht ist',
      en: 'As long as the event is published',
    }),
  find: async (ctx) =>
    toRecords(await Event.find({ 'contact.email': ctx.email }, { title: 1, startsAt: 1, contact: 1 }).lean()),
  // The event stays public, so somebody must stay reachable: the office takes over the contact.
  erase: async (ctx) => {
    const r = await Event.updateMany(
      { 'contact.email': ctx.email },
      {
        $set: {
          contact: {
            name: ctx.config.OFFICE_NAME,
            email: ctx.config.OFFICE_EMAIL,
            phone: ctx.config.OFFICE_PHONE,
          },
        },
      },
    );
    return { deleted: 0, anonymised: r.modifiedCount };
  },
};
