import { documentRoute } from '@qn/http';
import { errorResponses, manageTokenParams, page, publicTags } from '../web-doc-helpers';

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
  responses: { 200: page(summary), ...errorResponses(404) },
});
