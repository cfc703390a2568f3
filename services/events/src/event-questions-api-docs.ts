import { z } from 'zod';
import { documentRoute } from '@qn/http';
import { questionsInput } from './event-input';
import { eventIdParams, questionView } from './events-api-schemas';

/** The event's registration questions in the OpenAPI document. */
documentRoute({
  method: 'put',
  path: '/api/events/:eventId/questions',
  summary: 'Set the questions an event asks at registration (the whole list, in order)',
  description:
    'Up to 10 questions: `text` (answers up to 500 characters), `choice` (2 to 10 options, one is chosen) or ' +
    '`yesno`; `required` or not. A question without `id` is new; keep the `id` of a question to keep it ' +
    '(answers point at it). Answers already given keep the label they were given to, so rewording or ' +
    'deleting a question leaves them readable. Do not ask for health or other special data unless the ' +
    'event needs it (the accessibility field exists for that). Errors name `questions.<index>.<part>`.',
  tags: ['Veranstaltungen'],
  auth: 'organiser',
  params: eventIdParams,
  body: questionsInput,
  bodyExample: {
    questions: [
      {
        label: 'Welche Arbeitsgruppe möchten Sie besuchen?',
        type: 'choice',
        required: true,
        options: ['Wohnen', 'Mobilität'],
      },
      { label: 'Essen Sie mit?', type: 'yesno', required: false },
    ],
  },
  responses: {
    200: {
      description: 'The questions as stored, with their ids',
      schema: z.object({ questions: z.array(questionView) }),
      example: {
        questions: [
          {
            id: 'q1a2b3c4d',
            label: 'Welche Arbeitsgruppe möchten Sie besuchen?',
            type: 'choice',
            required: true,
            options: ['Wohnen', 'Mobilität'],
          },
          { id: 'q5e6f7a8b', label: 'Essen Sie mit?', type: 'yesno', required: false },
        ],
      },
    },
  },
  errors: [400, 401, 403, 404, 409, 503],
});
