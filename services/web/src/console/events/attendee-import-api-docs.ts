import { z } from 'zod';
import { documentRoute } from '@qn/http';
import {
  buttonForm,
  consoleTags as tags,
  CSRF_EXAMPLE,
  errorResponses,
  FORM,
  formBody,
  idParams,
  page,
  toSignIn,
} from '../../web-doc-helpers';
import { CONSOLE_EVENTS } from './console-event-pages';
import { importForm } from './attendee-import-pages';

/** The console's attendee import pages in the OpenAPI document. */
const who = 'Organisers of the event’s organisation and admins; others get 403.';
const base = `${CONSOLE_EVENTS}/:id/importieren`;

documentRoute({
  method: 'get',
  path: base,
  summary: 'Import attendees from a CSV list: the form',
  description: `A text area for the pasted list and the consent confirmation. ${who}`,
  tags,
  auth: 'console-session',
  params: idParams,
  responses: { 200: page('The import form'), ...toSignIn, ...errorResponses(403, 404) },
});

documentRoute({
  method: 'post',
  path: base,
  summary: 'Preview an attendee import: every row as it would be registered; nothing stored',
  description:
    'Header line in German (Name;E-Mail;Organisation;Telefon;Begleitung, also Anschrift) or the events API’s keys, ' +
    '`;` or `,`, with or without BOM; at most 1 MB and 2,000 rows. The answer (200) lists each row as confirmed, ' +
    'waiting list, already registered or error with the reason, and holds the list for 30 minutes under a random id ' +
    'for the import button. A list that cannot be read, or a missing consent, is the form again (400).',
  tags,
  auth: 'console-session',
  params: idParams,
  body: formBody(importForm),
  bodyContentType: FORM,
  bodyExample: {
    _csrf: CSRF_EXAMPLE,
    csv: 'Name;E-Mail;Organisation;Telefon;Begleitung\r\nErika Muster;erika@example.org;Seniorenrat;;1\r\n',
    consent: 'on',
  },
  responses: { 200: page('The preview'), ...errorResponses(400, 401, 403, 404, 410, 503) },
});

documentRoute({
  method: 'post',
  path: `${base}/:previewId`,
  summary: 'Import the previewed attendee list; audited as `event.attendees.import` (counts only)',
  description:
    'Registers the rows the preview found valid, in file order (mails go to those with an address), and answers ' +
    'with the result page: counts and the per-row report. People already registered are reported, not registered ' +
    'again. The held list is used up by this request: a second click, a reload, another account or another event ' +
    'gets 410.',
  tags,
  auth: 'console-session',
  params: z.strictObject({
    id: idParams.shape.id,
    previewId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{22}$/)
      .meta({ description: 'From the preview page' }),
  }),
  body: buttonForm,
  bodyContentType: FORM,
  bodyExample: { _csrf: CSRF_EXAMPLE },
  responses: { 200: page('The import result'), ...errorResponses(401, 403, 404, 410, 503) },
});
