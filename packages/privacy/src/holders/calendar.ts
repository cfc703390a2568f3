import { PersonalFeed, PersonalFeedTokenKey, hashFeedToken, publishInvalidation } from '@qn/calendar';
import { anyOf, toRecords } from '../records';
import { fixedRetention } from '../retention';
import type { PersonalDataHolder } from '../types';

/** A registrant's personal calendar feed (its `_id` is an HMAC of the address). */
export const personalFeedsHolder: PersonalDataHolder = {
  key: 'calendar.personal-feeds',
  activity: 'calendar',
  collection: 'calendar_personal_feeds',
  models: [{ model: 'CalendarPersonalFeed', fields: ['email', 'tokenHash'] }],
  category: { de: 'Persönlicher Kalender-Feed', en: 'Personal calendar feed' },
  purpose: {
    de: 'Ihre angemeldeten Veranstaltungen im eigenen Kalenderprogramm anzeigen',
    en: 'Show the events you registered for in your own calendar app',
  },
  legalBasis: {
    de: 'Art. 6 Abs. 1 lit. a DSGVO (auf Ihren Wunsch über Ihren Verwaltungslink angelegt)',
    en: 'Art. 6(1)(a) GDPR (created at your request through your manage link)',
  },
  source: { de: 'Ihr Verwaltungslink einer Anmeldung', en: 'The manage link of one of your registrations' },
  recipients: {
    de: 'Nur wer den Feed-Link kennt (Ihr Kalenderprogramm)',
    en: 'Only whoever has the feed link (your calendar app)',
  },
  retention: () =>
    fixedRetention({
      de: 'Bis Sie den Feed widerrufen oder Ihre Daten löschen lassen',
      en: 'Until you revoke the feed or have your data erased',
    }),
  find: async (ctx) => {
    const byToken = ctx.tokens.map(hashFeedToken);
    const rows = await PersonalFeed.find(
      byToken.length ? { $or: [{ email: ctx.email }, { tokenHash: anyOf(byToken) }] } : { email: ctx.email },
      { tokenHash: 0 },
    ).lean();
    return toRecords(rows);
  },
  // A feed counts nothing: it goes, and every process drops its built copy, so the token is 404.
  erase: async (ctx) => {
    const rows = await PersonalFeed.find({ email: ctx.email }, { _id: 1 }).lean();
    if (rows.length === 0) return { deleted: 0, anonymised: 0 };
    const r = await PersonalFeed.deleteMany({ _id: anyOf(rows.map((f) => f._id)) });
    // The token pointers name the registrant key (an HMAC of the address), current and
    // rotated ones alike: one read of the pointer collection per erasure.
    await PersonalFeedTokenKey.deleteMany({ feedId: anyOf(rows.map((f) => f._id)) });
    if (ctx.redis) {
      for (const f of rows)
        await publishInvalidation(ctx.redis, ctx.config.QUEUE_PREFIX, 'events', { tag: f._id });
    }
    return { deleted: r.deletedCount, anonymised: 0 };
  },
};
