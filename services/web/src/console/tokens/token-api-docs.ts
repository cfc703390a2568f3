import { z } from 'zod';
import { documentRoute } from '@qn/http';
import {
  buttonForm,
  consoleTags as tags,
  CSRF_EXAMPLE,
  errorResponses,
  FORM,
  formBody,
  page,
  redirect,
  toSignIn,
} from '../../web-doc-helpers';
import { tokenNameForm, TOKENS } from './token-pages';
import { tokenWords } from './token-words';

/** The console's API token pages in the OpenAPI document. */
const params = z.strictObject({
  id: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ description: 'The token’s id: the SHA-256 of the token, as the list links it' }),
});
const whose =
  'Every signed-in account sees and revokes its own tokens; admins also every other account’s. ' +
  'Another account’s token is “not found” (404) for everyone else.';

documentRoute({
  method: 'get',
  path: TOKENS,
  summary: 'The account’s API tokens (admins: every account’s), and the form for a new one',
  description: `Name, created, last used (to the hour), state. ${whose}`,
  tags,
  auth: 'console-session',
  query: z.object({ erledigt: z.literal('widerrufen').optional() }),
  responses: { 200: page('The token lists and the form'), ...toSignIn },
});

documentRoute({
  method: 'post',
  path: TOKENS,
  summary: 'Create an API token for the signed-in account',
  description:
    'The answer (200, `Cache-Control: no-store`) is the one page that shows the token; only its SHA-256 is stored. ' +
    'The token carries exactly the account’s rights. Audited as `api-token.created`.',
  tags,
  auth: 'console-session',
  body: formBody(tokenNameForm(tokenWords.en.nameInvalid)),
  bodyContentType: FORM,
  bodyExample: { _csrf: CSRF_EXAMPLE, name: 'Import-Skript Seniorenbüro' },
  responses: {
    200: page('The new token, shown this once'),
    ...errorResponses(400, 401, 403, 503),
  },
});

documentRoute({
  method: 'get',
  path: `${TOKENS}/:id/widerrufen`,
  summary: 'Confirm revoking an API token',
  description: `A token revoked before redirects to the list. ${whose}`,
  tags,
  auth: 'console-session',
  params,
  responses: {
    200: page('The confirmation: name, account, created, last used'),
    303: { description: 'See Other to the list (no session: to `/anmelden`)', headers: { Location: TOKENS } },
    ...errorResponses(404),
  },
});

documentRoute({
  method: 'post',
  path: `${TOKENS}/:id/widerrufen`,
  summary: 'Revoke an API token (from the confirmation page)',
  description: `Refused at once by every API. Idempotent. Audited as \`api-token.revoked\`. ${whose}`,
  tags,
  auth: 'console-session',
  params,
  body: buttonForm,
  bodyContentType: FORM,
  bodyExample: { _csrf: CSRF_EXAMPLE },
  responses: { 303: redirect(`${TOKENS}?erledigt=widerrufen`), ...errorResponses(401, 403, 404, 503) },
});
