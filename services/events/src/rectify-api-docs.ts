import { documentRoute } from '@qn/http';
import { rectifiedView, rectifyParams, rectifyRegistrationInput } from './rectify-registration-route';

/** The registrant's correction route (DSGVO Art. 16) in the OpenAPI document. */
documentRoute({
  method: 'patch',
  path: '/api/events/manage/:token',
  summary: 'Correct one’s own name, organisation or accessibility needs (manage link)',
  description:
    'Rectification by the registrant (DSGVO Art. 16), for confirmed, offered and waitlisted registrations ' +
    'until the event has ended. `null` clears an optional field. The address cannot be changed: cancel ' +
    'and register again. Cancelled registrations and cancelled or past events answer 409.',
  tags: ['Veranstaltungen'],
  auth: 'public',
  params: rectifyParams,
  body: rectifyRegistrationInput,
  bodyExample: { name: 'Erika Mustermann', organisation: 'Seniorenrat Köngen', accessibilityNeeds: null },
  responses: {
    200: {
      description: 'The corrected registration and the fields that changed',
      schema: rectifiedView,
      example: {
        registration: {
          id: '65f0c0ffee0000000000abcd',
          eventId: '65f0c0ffee0000000000abce',
          status: 'confirmed',
          name: 'Erika Mustermann',
          email: 'erika@example.org',
          organisation: 'Seniorenrat Köngen',
          companions: 0,
        },
        changed: ['name', 'organisation', 'accessibilityNeeds'],
      },
    },
  },
  errors: [400, 404, 409, 503],
});
