import { createRequire } from 'node:module';
import {
  fundingAddress,
  fundingIdOf,
  fundingSaltOf,
  fundingStatusOf,
  hasFeed,
  newsletterAddress,
  newsletterStatusOf,
  personAddress,
  personOf,
  registrationIdOf,
} from './fill.mjs';

const require = createRequire(import.meta.url);
const { addressHash } = require('@qn/mail');
const { signLinkToken } = require('@qn/newsletter');
const { subscriptionToken } = require('@qn/funding');
const { manageTokenOf } = require('@qn/events');
const { personalFeedToken, registrantKey } = require('@qn/calendar');

const json = (body) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const html = { headers: { accept: 'text/html' } };

/**
 * The public requests the bench times, each against records of the filled data (`pick` says
 * which index may serve: one a request changes is never used twice) or a new address. `fresh`
 * requests make up an address nobody used; `expect` is the only status that counts as answered.
 */
export function publicRequests(s) {
  const unsubToken = (i) =>
    signLinkToken(
      { kind: 'u', listId: s.listId, addressHash: addressHash(newsletterAddress(i), s.secret) },
      s.secret,
    );
  const fundingSub = (i) => ({ _id: fundingIdOf(i), tokenSalt: fundingSaltOf(i) });
  return [
    {
      id: 'newsletter-unsubscribe',
      label: 'POST one-click unsubscribe (newsletter)',
      pick: (i) => newsletterStatusOf(i) === 'confirmed',
      make: (i) => ({
        method: 'POST',
        path: `/api/newsletter/u/${unsubToken(i)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      }),
      expect: 200,
    },
    {
      id: 'newsletter-details',
      label: 'GET newsletter details page',
      pick: (i) => newsletterStatusOf(i) === 'confirmed',
      make: (i) => ({ method: 'GET', path: `/newsletter/angaben/${unsubToken(i)}`, ...html }),
      expect: 200,
    },
    {
      id: 'newsletter-subscribe',
      label: 'POST newsletter subscribe (new address)',
      fresh: true,
      make: (_i, fresh) => ({
        method: 'POST',
        path: `/api/newsletter/lists/${s.listId}/subscribe`,
        ...json({ email: `neu.${fresh}@quartier-bench.example.org`, consent: true }),
      }),
      expect: 202,
    },
    {
      id: 'funding-subscribe',
      label: 'POST funding alert sign-up (new address)',
      fresh: true,
      make: (_i, fresh) => ({
        method: 'POST',
        path: '/api/funding/subscriptions',
        ...json({
          email: `neu.${fresh}@quartier-bench.example.org`,
          filters: { fieldsOfAction: ['wohnen'] },
          consent: true,
        }),
      }),
      expect: 202,
    },
    {
      id: 'funding-confirm-page',
      label: 'GET funding confirm page',
      pick: (i) => fundingStatusOf(i) === 'pending',
      make: (i) => ({
        method: 'GET',
        path: `/api/funding/subscriptions/confirm/${subscriptionToken('confirm', fundingSub(i), s.secret)}`,
        ...html,
      }),
      expect: 200,
    },
    {
      id: 'funding-manage-page',
      label: 'GET funding manage page',
      pick: (i) => fundingStatusOf(i) === 'confirmed',
      make: (i) => ({
        method: 'GET',
        path: `/api/funding/subscriptions/manage/${subscriptionToken('manage', fundingSub(i), s.secret)}`,
        ...html,
      }),
      expect: 200,
    },
    {
      id: 'event-register',
      label: 'POST event registration (new address)',
      fresh: true,
      make: (_i, fresh) => ({
        method: 'POST',
        path: `/api/events/${s.registerEventId()}/registrations`,
        ...json({
          name: `Neue Teilnehmerin ${fresh}`,
          email: `neu.${fresh}@quartier-bench.example.org`,
          consent: true,
        }),
      }),
      expect: 201,
    },
    {
      id: 'event-manage-page',
      label: 'GET event manage page',
      pick: () => true,
      make: (i) => ({
        method: 'GET',
        path: `/veranstaltungen/anmeldung/${manageTokenOf(s.secret, registrationIdOf(i))}`,
        ...html,
      }),
      expect: 200,
    },
    {
      id: 'personal-feed',
      label: 'GET personal calendar feed (not cached)',
      // The first registration of a person with a feed; each person's feed is fetched once,
      // so every sample builds it instead of answering from the feed cache.
      pick: (i) => i % 2 === 0 && hasFeed(personOf(i)),
      make: (i) => {
        const key = registrantKey(s.secret, personAddress(personOf(i)));
        return { method: 'GET', path: `/feeds/personal/${personalFeedToken(s.secret, key, 1)}.ics` };
      },
      expect: 200,
    },
    {
      id: 'privacy-request',
      label: 'POST privacy request (known address)',
      pick: () => true,
      make: (i) => ({
        method: 'POST',
        path: '/api/privacy/requests',
        ...json({ email: fundingAddress(i), kind: 'access', lang: 'de' }),
      }),
      expect: 202,
    },
  ];
}
