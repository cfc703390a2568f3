import { documentRoute } from '@qn/http';
import { createProgrammeInput, updateProgrammeInput } from '@qn/funding';
import { staleQuery } from './admin-routes';
import { idParam, searchQuery } from './programme-routes';
import {
  brokenLinksAnswer,
  programmeExample,
  programmePage,
  programmeView,
  reviewDueAnswer,
  updatedProgramme,
} from './funding-api-schemas';
import './funding-subscription-api-docs';

/** The programme and data-quality routes in the OpenAPI document, with the handlers' own schemas. */
const tags = ['Förderprogramme'];
const base = '/api/funding';
const programme = { description: 'The programme', schema: programmeView, example: programmeExample };

documentRoute({
  method: 'get',
  path: `${base}/programmes`,
  summary:
    'Search funding programmes: by field of action, applicant type, municipality, provider, window, text',
  description:
    'Next deadline first (rolling programmes last), then title. The public gets published programmes only; `status` other than `published` needs an admin token.',
  tags,
  auth: 'public',
  query: searchQuery,
  responses: {
    200: {
      description: 'One page of programmes and the total of the same filter',
      schema: programmePage,
      example: { items: [programmeExample], total: 1, page: 1, limit: 20, today: '2026-11-25' },
    },
  },
  errors: [400, 401, 403],
});

documentRoute({
  method: 'get',
  path: `${base}/programmes/:id`,
  summary: 'One programme',
  description: 'Drafts and archived programmes are 404 except for admins.',
  tags,
  auth: 'public',
  params: idParam,
  responses: { 200: programme },
  errors: [400, 404],
});

documentRoute({
  method: 'post',
  path: `${base}/programmes`,
  summary: 'Create a programme (as a draft)',
  tags,
  auth: 'admin',
  body: createProgrammeInput,
  bodyExample: {
    title: 'Quartiersimpulse – Beratung und Prozessbegleitung',
    provider: 'land',
    providerName: 'Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg',
    summary:
      'Fördert Kommunen und zivilgesellschaftliche Akteure, die ein lebendiges, alternsgerechtes Quartier aufbauen.',
    fieldsOfAction: ['teilhabe', 'engagement'],
    applicantTypes: ['kommune', 'verein'],
    region: { scope: 'state' },
    deadlines: ['2027-01-15'],
    links: [{ label: 'Offizielle Ausschreibung', url: 'https://example.org/foerderung/quartiersimpulse' }],
  },
  responses: {
    201: {
      ...programme,
      description: 'Created',
      headers: { Location: 'URL of the new programme' },
      example: { ...programmeExample, status: 'draft', publishedAt: undefined, openNow: false },
    },
  },
  errors: [400, 401, 403],
});

documentRoute({
  method: 'patch',
  path: `${base}/programmes/:id`,
  summary: 'Change a programme; optional fields may be null to clear them',
  description:
    'When the application window of a published programme moves (deadline changed, new round), its subscribers are alerted.',
  tags,
  auth: 'admin',
  params: idParam,
  body: updateProgrammeInput,
  bodyExample: { deadlines: ['2027-02-01'], fundingRateNote: null },
  responses: {
    200: {
      description: 'The changed programme and the change subscribers hear about',
      schema: updatedProgramme,
      example: { ...programmeExample, change: 'deadline-changed' },
    },
  },
  errors: [400, 401, 403, 404, 409, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/programmes/:id/publish`,
  summary: 'Publish a draft and alert its subscribers (again on a published one: re-announces)',
  tags,
  auth: 'admin',
  params: idParam,
  responses: { 200: { ...programme, description: 'The published programme' } },
  errors: [400, 401, 403, 404, 409, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/programmes/:id/archive`,
  summary: 'Take a programme off the public list (idempotent)',
  tags,
  auth: 'admin',
  params: idParam,
  responses: {
    200: {
      ...programme,
      description: 'The archived programme',
      example: {
        ...programmeExample,
        status: 'archived',
        archivedAt: '2026-11-25T10:00:00.000Z',
        openNow: false,
      },
    },
  },
  errors: [400, 401, 403, 404, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/programmes/:id/review`,
  summary: 'Mark a programme as reviewed: its data is still right (takes it off the review-due list)',
  tags,
  auth: 'admin',
  params: idParam,
  responses: { 200: { ...programme, description: 'The programme with its new `reviewedAt`' } },
  errors: [400, 401, 403, 404],
});

documentRoute({
  method: 'get',
  path: `${base}/admin/review-due`,
  summary: 'Published programmes nobody has edited or reviewed for a while, oldest first',
  description: 'Without `olderThanDays` the configured review interval applies.',
  tags: ['Förderprogramme: Datenqualität'],
  auth: 'admin',
  query: staleQuery,
  responses: {
    200: {
      description: 'Programmes due for review (at most 500)',
      schema: reviewDueAnswer,
      example: {
        olderThanDays: 180,
        items: [
          {
            id: 'demo-quartiersimpulse',
            title: 'Quartiersimpulse – Beratung und Prozessbegleitung',
            provider: 'land',
            reviewedAt: '2026-04-02T09:00:00.000Z',
            openUntil: '2027-07-15',
          },
        ],
      },
    },
  },
  errors: [400, 401, 403],
});

documentRoute({
  method: 'get',
  path: `${base}/admin/broken-links`,
  summary: 'Official links of published programmes that failed their last check',
  tags: ['Förderprogramme: Datenqualität'],
  auth: 'admin',
  responses: {
    200: {
      description: 'Broken links, longest failing first',
      schema: brokenLinksAnswer,
      example: {
        items: [
          {
            programmeId: 'demo-quartiersimpulse',
            title: 'Quartiersimpulse – Beratung und Prozessbegleitung',
            url: 'https://example.org/foerderung/quartiersimpulse',
            httpStatus: 404,
            checkedAt: '2026-11-25T03:00:00.000Z',
            failingSince: '2026-11-23T03:00:00.000Z',
          },
        ],
      },
    },
  },
  errors: [401, 403],
});
