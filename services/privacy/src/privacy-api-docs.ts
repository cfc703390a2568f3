import { documentRoute } from '@qn/http';
import { MAILED_REQUEST_ANSWER } from '@qn/privacy';
import {
  adminInput,
  confirmInput,
  listInput,
  mailedRequestAnswer,
  mailedRequestInput,
  tokenParams,
} from './inputs';

/** The privacy routes in the OpenAPI document, with the schemas the handlers parse with. */
const tags = ['Datenschutz'];
const exportResponse = {
  description:
    'The export as a download: JSON (`format=json`), or a readable HTML summary with the JSON at its end (`format=html`)',
};

documentRoute({
  method: 'get',
  path: '/api/privacy/holders',
  summary: 'Where personal data lives: category, purpose, legal basis, source, recipients, retention',
  tags,
  auth: 'public',
  responses: { 200: { description: 'Every personal-data holder of the registry' } },
});

documentRoute({
  method: 'get',
  path: '/api/privacy/consent-texts',
  summary: 'Every consent text version ever shown, with its words',
  tags,
  auth: 'public',
  responses: { 200: { description: 'Consent texts, oldest first per domain' } },
});

documentRoute({
  method: 'post',
  path: '/api/privacy/requests',
  summary: 'Ask for access to or erasure of the data stored about an address (confirmed by a mailed link)',
  description:
    'Always the same 202 and the same work, whether or not anything is stored about the address; the mail goes to that address only.',
  tags,
  auth: 'public',
  body: mailedRequestInput,
  bodyExample: { email: 'erika@example.org', kind: 'access', lang: 'de' },
  responses: {
    202: {
      description: 'Accepted; a mail follows',
      schema: mailedRequestAnswer,
      example: MAILED_REQUEST_ANSWER,
    },
  },
  errors: [400, 429, 503],
});

documentRoute({
  method: 'get',
  path: '/api/privacy/requests/:token',
  summary: 'The open request behind a mailed link: a page with one button for browsers, JSON otherwise',
  description: 'Confirms nothing (mail scanners follow links).',
  tags,
  auth: 'public',
  params: tokenParams,
  responses: { 200: { description: 'The request: kind, status, deadline, language' } },
  errors: [404],
});

documentRoute({
  method: 'post',
  path: '/api/privacy/requests/:token/confirm',
  summary: 'Follow the mailed link: produces the export or runs the erasure; the link is dead afterwards',
  tags,
  auth: 'public',
  params: tokenParams,
  body: confirmInput,
  bodyExample: { format: 'html' },
  responses: { 200: { description: 'The export (download) or the erasure’s answer' } },
  errors: [400, 404, 409],
});

documentRoute({
  method: 'post',
  path: '/api/privacy/admin/access',
  summary: 'Export everything stored about an address (Art. 15), for a request the office received',
  tags,
  auth: 'admin',
  body: adminInput,
  bodyExample: { email: 'erika@example.org', format: 'json' },
  responses: { 200: exportResponse },
  errors: [400, 401, 403],
});

documentRoute({
  method: 'post',
  path: '/api/privacy/admin/erasure',
  summary: 'Erase everything stored about an address (Art. 17); resumes an erasure that stopped halfway',
  tags,
  auth: 'admin',
  body: adminInput,
  bodyExample: { email: 'erika@example.org' },
  responses: {
    200: {
      description:
        'What was deleted and anonymised, what is kept by law and why, and that the address is suppressed',
    },
  },
  errors: [400, 401, 403, 409],
});

documentRoute({
  method: 'get',
  path: '/api/privacy/admin/requests',
  summary: 'The log of access and erasure requests (HMAC of the address only, never the data)',
  tags,
  auth: 'admin',
  query: listInput,
  responses: { 200: { description: 'Requests, newest first' } },
  errors: [400, 401, 403],
});
