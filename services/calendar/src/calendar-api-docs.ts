import { z } from 'zod';
import { FEED_TOKEN_PATTERN } from '@qn/calendar';
import { documentRoute, type ApiResponse } from '@qn/http';
import { feedIndexOf, subscribeLinksOf } from './feed-index';
import { eventsFeedQuery, manageTokenBody, ORGANISATION_ID } from './feed-query';

/** The /feeds routes in the OpenAPI document, with the schemas the handlers parse with. */
const tags = ['Kalender-Feeds'];
const base = '/feeds';

const caching =
  'Served from the built-feed cache; HEAD answers the same headers without a body. Every answer carries ' +
  '`ETag` (per content coding) and `Last-Modified`: a request with a matching `If-None-Match` (or, without ' +
  'it, an `If-Modified-Since` not older than the feed) gets 304 without a body. Compressed with br or gzip ' +
  'when `Accept-Encoding` allows (`Vary: Accept-Encoding`). Any query parameter is a 400.';

const feedHeaders = {
  ETag: 'Validator of this representation; send it back as If-None-Match',
  'Last-Modified': 'When the feed’s content last changed',
  'Cache-Control': 'How long caches may keep the feed',
};

function feedResponses(what: string, disposition: 'inline' | 'attachment'): Record<number, ApiResponse> {
  return {
    200: {
      description: `${what} (iCalendar, RFC 5545; \`Content-Disposition: ${disposition}\`)`,
      contentType: 'text/calendar',
      schema: z.string(),
      example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Quartiersnetz//DE\r\n…\r\nEND:VCALENDAR\r\n',
      headers: feedHeaders,
    },
    304: {
      description: 'Not modified: the client’s copy (If-None-Match / If-Modified-Since) is current',
      headers: feedHeaders,
    },
  };
}

const subscribeLinks = z.object({
  url: z.url(),
  webcalUrl: z.string(),
  googleSubscribeUrl: z.url(),
  outlookSubscribeUrl: z.url(),
});

const feedIndex = z.object({
  feeds: z.array(subscribeLinks.extend({ id: z.string(), name: z.string() })),
  /** Filter parameters per feed file, with their meaning. */
  parameters: z.record(z.string(), z.record(z.string(), z.string())),
});

const grantAnswer = subscribeLinks.extend({ token: z.string().regex(FEED_TOKEN_PATTERN) });

const exampleUrl = (path: string) => `https://quartiersnetz.example${base}${path}`;

const feedToken = 'Xk3v9Qm2Lr8Tz1Wb6Nc4Hd7Jf0Gs5Ya2Pe8Ku3Vq1Rx';

documentRoute({
  method: 'get',
  path: base,
  summary: 'The public feeds with their subscribe links (webcal, Google, Outlook) and filter parameters',
  tags,
  auth: 'public',
  responses: {
    200: {
      description: 'Feeds and parameters',
      schema: feedIndex,
      example: feedIndexOf(exampleUrl),
    },
  },
  errors: [400],
});

documentRoute({
  method: 'get',
  path: `${base}/events.ics`,
  summary: 'Published events (upcoming and the recent past) as a calendar feed, optionally filtered',
  description:
    'Each filter takes one or more keys, repeated (`?kind=a&kind=b`) or comma-separated (`?kind=a,b`); ' +
    'filters combine with AND, values of one filter with OR. An unknown key or an unknown organisation is ' +
    'a 400 naming the field; unknown parameters (utm_source …) are ignored. Recently cancelled events stay in the feed as STATUS:CANCELLED. ' +
    caching.replace(' Any query parameter is a 400.', ''),
  tags,
  auth: 'public',
  query: eventsFeedQuery,
  responses: feedResponses('The events feed', 'inline'),
  errors: [400],
});

documentRoute({
  method: 'get',
  path: `${base}/organisations/:organisationId.ics`,
  summary: 'One organisation’s published events as a calendar feed',
  description: caching,
  tags,
  auth: 'public',
  params: z.strictObject({ organisationId: z.string().regex(ORGANISATION_ID) }),
  responses: feedResponses('The organisation’s feed', 'inline'),
  errors: [400, 404],
});

documentRoute({
  method: 'get',
  path: `${base}/events/:eventId.ics`,
  summary: 'One event as an .ics file (to add it to a calendar once)',
  description: `Drafts are 404. ${caching}`,
  tags,
  auth: 'public',
  params: z.strictObject({ eventId: z.string().regex(/^[a-f0-9]{24}$/) }),
  responses: feedResponses('The event', 'attachment'),
  errors: [400, 404],
});

documentRoute({
  method: 'get',
  path: `${base}/funding-deadlines.ics`,
  summary: 'Application deadlines of published funding programmes as a calendar feed',
  description: caching,
  tags,
  auth: 'public',
  responses: feedResponses('The funding deadlines feed', 'inline'),
  errors: [400],
});

documentRoute({
  method: 'get',
  path: `${base}/personal/:token.ics`,
  summary: 'A registrant’s own feed: the events they are registered for',
  description:
    'The token is the capability; it answers 404 once rotated or revoked, or when unknown. ' +
    '`Cache-Control: private` (it names one person’s registrations). ' +
    caching,
  tags,
  auth: 'public',
  params: z.strictObject({ token: z.string().regex(FEED_TOKEN_PATTERN) }),
  responses: feedResponses('The personal feed', 'inline'),
  errors: [400, 404],
});

const grant = (description: string): ApiResponse => ({
  description: `${description} (\`Cache-Control: no-store\`)`,
  schema: grantAnswer,
  example: {
    token: feedToken,
    ...subscribeLinksOf(exampleUrl(`/personal/${feedToken}.ics`), 'Quartiersnetz – Meine Veranstaltungen'),
  },
});

documentRoute({
  method: 'post',
  path: `${base}/personal`,
  summary: 'Get one’s personal feed, proven by a registration’s manage token (the same token on every call)',
  description:
    'After a revocation a new token is made, never the old one again. An unknown manage token is 404.',
  tags,
  auth: 'public',
  body: manageTokenBody,
  bodyExample: { manageToken: 'q3R7wXb1Kd9Lm2Np5Tz8Vc4Hj6Gf0Sa1Ye3Ui7Ok2Pw' },
  responses: { 200: grant('The personal feed’s token and subscribe links') },
  errors: [400, 404],
});

documentRoute({
  method: 'post',
  path: `${base}/personal/rotate`,
  summary: 'Replace the personal feed’s token; the old URL answers 404 from now on',
  tags,
  auth: 'public',
  body: manageTokenBody,
  bodyExample: { manageToken: 'q3R7wXb1Kd9Lm2Np5Tz8Vc4Hj6Gf0Sa1Ye3Ui7Ok2Pw' },
  responses: { 200: grant('The new token and subscribe links') },
  errors: [400, 404, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/personal/revoke`,
  summary: 'Switch the personal feed off; its URL answers 404 from now on',
  tags,
  auth: 'public',
  body: manageTokenBody,
  bodyExample: { manageToken: 'q3R7wXb1Kd9Lm2Np5Tz8Vc4Hj6Gf0Sa1Ye3Ui7Ok2Pw' },
  responses: { 204: { description: 'Revoked' } },
  errors: [400, 404, 503],
});
