import { z } from 'zod';
import { documentRoute } from '@qn/http';
import {
  buttonForm,
  consoleTags as tags,
  CSRF_EXAMPLE,
  errorResponses,
  FORM,
  page,
  redirect,
  toSignIn,
} from '../../web-doc-helpers';
import { BROKEN, CF, REVIEW_DUE } from './funding-lists-pages';

/** The funding console's data-quality lists and the archive confirmation in the OpenAPI document. */
const admins = 'Admins only (403 for everyone else).';
const params = z.strictObject({ id: z.string().min(1).max(100) });

documentRoute({
  method: 'get',
  path: BROKEN,
  summary: 'Programmes whose links failed the last link check',
  description: `Each failing link with its problem in words, since when, and an edit link. ${admins}`,
  tags,
  auth: 'console-session',
  responses: { 200: page('The list'), ...toSignIn, ...errorResponses(403) },
});

documentRoute({
  method: 'get',
  path: REVIEW_DUE,
  summary: 'Programmes whose review is due',
  description: `With the last review and a "Geprüft" button each. ${admins}`,
  tags,
  auth: 'console-session',
  query: z.object({ geprueft: z.string().max(100).optional() }),
  responses: { 200: page('The list'), ...toSignIn, ...errorResponses(403) },
});

documentRoute({
  method: 'post',
  path: `${CF}/:id/geprueft`,
  summary: 'Mark a programme as reviewed',
  description: `Audited as \`funding.programme.review\`. ${admins}`,
  tags,
  auth: 'console-session',
  params,
  body: buttonForm,
  bodyContentType: FORM,
  bodyExample: { _csrf: CSRF_EXAMPLE },
  responses: { 303: redirect(REVIEW_DUE), ...errorResponses(401, 403, 404, 503) },
});

documentRoute({
  method: 'get',
  path: `${CF}/:id/archivieren`,
  summary: 'Confirm archiving a programme',
  description: `Says what archiving does; only the POST archives. ${admins}`,
  tags,
  auth: 'console-session',
  params,
  responses: { 200: page('The confirmation'), ...toSignIn, ...errorResponses(403, 404) },
});
