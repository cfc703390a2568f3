import { documentRoute } from '@qn/http';
import { detailsParams, detailsPatch, detailsView } from './subscriber-details-routes';

/** The subscriber's own details (DSGVO Art. 16) in the OpenAPI document. */
const tags = ['Newsletter'];
const example = {
  listName: 'Quartiersnetz-Newsletter',
  lang: 'de' as const,
  email: 'erika@example.org',
  name: 'Erika Mustermann',
  status: 'confirmed',
  attributes: { municipality: 'koengen', actorType: 'verein', fieldsOfAction: ['wohnen', 'teilhabe'] },
};

documentRoute({
  method: 'get',
  path: '/api/newsletter/u/:token/details',
  summary: 'The subscriber’s own name and attributes behind the personal link in every newsletter',
  description: 'The token is the one of the unsubscribe link. Never changes anything.',
  tags,
  auth: 'public',
  params: detailsParams,
  responses: { 200: { description: 'What is stored on this list record', schema: detailsView, example } },
  errors: [404, 410, 503],
});

documentRoute({
  method: 'patch',
  path: '/api/newsletter/u/:token/details',
  summary: 'Correct one’s own name, municipality, actor type or fields of action',
  description:
    'Rectification by the subscriber (DSGVO Art. 16) on the list record whose mail carried the link. ' +
    '`null` deletes an entry. The address cannot be changed: unsubscribe and sign up again.',
  tags,
  auth: 'public',
  params: detailsParams,
  body: detailsPatch,
  bodyExample: {
    name: 'Erika Mustermann',
    municipality: 'koengen',
    actorType: null,
    fieldsOfAction: ['wohnen'],
  },
  responses: { 200: { description: 'The corrected record', schema: detailsView, example } },
  errors: [400, 404, 410, 429, 503],
});
