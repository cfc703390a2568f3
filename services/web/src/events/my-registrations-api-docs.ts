import { documentRoute } from '@qn/http';
import { z } from 'zod';
import {
  buttonForm,
  CSRF_EXAMPLE,
  errorResponses,
  FORM,
  manageTokenParams,
  page,
  publicTags,
  redirect,
} from '../web-doc-helpers';

const summary = 'All registrations of the address a manage link belongs to, with the personal calendar feed';

documentRoute({
  method: 'get',
  path: '/veranstaltungen/meine-anmeldungen/:token',
  summary,
  description:
    'Opened from the manage page ("Alle meine Anmeldungen"): every current and upcoming registration of the same address with its status and its own manage link, and the subscribe links of the personal feed (issued on the first visit). Only a valid manage token opens it. `Cache-Control: no-store`, `X-Robots-Tag: noindex, nofollow`, `Referrer-Policy: no-referrer`.',
  tags: publicTags,
  auth: 'public',
  params: manageTokenParams,
  query: z.object({
    neu: z.literal('1').optional().meta({ description: 'The feed address was just replaced' }),
  }),
  responses: { 200: page(summary), ...errorResponses(404) },
});

documentRoute({
  method: 'post',
  path: '/veranstaltungen/meine-anmeldungen/:token/kalender-neu',
  summary: 'Replace the personal calendar feed’s address',
  description:
    'For a leaked address: a new feed token is issued and the old one answers 404 from now on. Only a valid manage token of the address may do it.',
  tags: publicTags,
  auth: 'public',
  params: manageTokenParams,
  body: buttonForm,
  bodyContentType: FORM,
  bodyExample: { _csrf: CSRF_EXAMPLE },
  responses: {
    303: redirect('/veranstaltungen/meine-anmeldungen/{token}?neu=1'),
    ...errorResponses(403, 404, 429, 503),
  },
});
