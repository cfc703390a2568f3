import { z } from 'zod';
import { documentRoute } from '@qn/http';
import {
  CSRF_EXAMPLE,
  FORM,
  errorResponses,
  formBody,
  page,
  publicTags as tags,
  redirect,
} from '../web-doc-helpers';
import { LINK_TOKEN_PATTERN } from '@qn/newsletter';
import { detailsForm } from './subscriber-details-routes';

/** The newsletter subscriber's details page (DSGVO Art. 16) in the OpenAPI document. */
const params = z.strictObject({
  token: z
    .string()
    .regex(LINK_TOKEN_PATTERN)
    .meta({ description: 'The token of the unsubscribe link in every newsletter' }),
});
const description =
  '`Referrer-Policy: no-referrer`; an unknown or forged token is a “link invalid” page (404). ' +
  'The address cannot be changed here: unsubscribe and sign up again.';

documentRoute({
  method: 'get',
  path: '/newsletter/angaben/:token',
  summary: 'The subscriber’s own name and attributes in a form (reached from the unsubscribe page)',
  description: `Never changes anything. ${description}`,
  tags,
  auth: 'public',
  params,
  query: z.object({ erledigt: z.literal('1').optional() }),
  responses: { 200: page('The details form, filled with what is stored'), ...errorResponses(404, 410) },
});

documentRoute({
  method: 'post',
  path: '/newsletter/angaben/:token',
  summary: 'Correct name, municipality, actor type and fields of action (DSGVO Art. 16)',
  description: `An emptied field deletes the entry. Rate-limited per client address. ${description}`,
  tags,
  auth: 'public',
  params,
  body: formBody(detailsForm),
  bodyContentType: FORM,
  bodyExample: {
    _csrf: CSRF_EXAMPLE,
    name: 'Erika Mustermann',
    municipality: 'koengen',
    actorType: '',
    fieldsOfAction: 'wohnen',
  },
  responses: {
    303: redirect('/newsletter/angaben/{token}?erledigt=1'),
    ...errorResponses(400, 403, 404, 410, 429, 503),
  },
});
