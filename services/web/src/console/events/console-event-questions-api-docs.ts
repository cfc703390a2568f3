import { z } from 'zod';
import { documentRoute } from '@qn/http';
import {
  consoleTags as tags,
  CSRF_EXAMPLE,
  errorResponses,
  FORM,
  formBody,
  idParams,
  page,
  redirect,
  toSignIn,
} from '../../web-doc-helpers';
import { CONSOLE_EVENTS } from './console-event-pages';

/** The console's registration-question page in the OpenAPI document. */
const who = 'Organisers of the event’s organisation and admins; others get 403.';
const path = `${CONSOLE_EVENTS}/:id/fragen`;
const row = (part: string, description: string) =>
  z
    .string()
    .optional()
    .meta({ description: `q0_${part} … q9_${part}: ${description}` });

documentRoute({
  method: 'get',
  path,
  summary: 'The event’s registration questions: a form of 10 rows',
  description: `Filled rows are the questions in their order, blank rows are free. With a note not to ask for health or other special data unless needed. ${who}`,
  tags,
  auth: 'console-session',
  params: idParams,
  responses: { 200: page('The question form'), ...toSignIn, ...errorResponses(403, 404) },
});

documentRoute({
  method: 'post',
  path,
  summary: 'Save the registration questions; audited as `event.questions.update`',
  description:
    'Rows with a question text are saved in the order of their `position` (then row); an emptied row removes its ' +
    'question. Answers already given keep the wording they were given to. Errors (a text over 200 characters, a ' +
    'choice without 2 to 10 different options) come back as the form (400) with each error beside its row.',
  tags,
  auth: 'console-session',
  params: idParams,
  body: formBody(
    z.object({
      q0_id: row('id', 'the kept question’s id (hidden)'),
      q0_label: row('label', 'the question, at most 200 characters'),
      q0_type: row('type', '`text`, `choice` or `yesno`'),
      q0_options: row('options', 'for `choice`: one option per line'),
      q0_required: row('required', '`on` when an answer is required'),
      q0_position: row('position', 'order, 1 to 10'),
    }),
  ),
  bodyContentType: FORM,
  bodyExample: {
    _csrf: CSRF_EXAMPLE,
    q0_label: 'Welche Arbeitsgruppe möchten Sie besuchen?',
    q0_type: 'choice',
    q0_options: 'Wohnen\r\nMobilität',
    q0_required: 'on',
    q0_position: '1',
  },
  responses: {
    303: redirect(`${path}?erledigt=gespeichert`),
    ...errorResponses(400, 401, 403, 404, 409, 503),
  },
});
