import { z } from 'zod';
import { documentRoute } from '@qn/http';
import { consoleTags as tags, errorResponses, page, toSignIn } from '../../web-doc-helpers';
import { CONSOLE_AUDIT } from './audit-log-page';

/** The audit log pages in the OpenAPI document (server-rendered HTML, admins only). */
const auditQuery = z.object({
  who: z.string().optional().meta({ description: 'Account id of who made the change' }),
  action: z.string().optional().meta({ description: 'Action key, e.g. `event.publish`' }),
  type: z.string().optional().meta({ description: 'Object type, e.g. `event`' }),
  org: z.string().optional().meta({ description: 'Organisation id' }),
  from: z
    .string()
    .optional()
    .meta({ description: 'First day, `TT.MM.JJJJ` or `YYYY-MM-DD` (office time zone)' }),
  to: z.string().optional().meta({ description: 'Last day, inclusive, same formats' }),
  page: z.string().optional().meta({ description: '1-based page of 50 entries' }),
});
const badFilter = {
  400: page(
    'A filter is wrong (e.g. a date that does not exist): the page with an error summary naming the field',
  ),
};

documentRoute({
  method: 'get',
  path: CONSOLE_AUDIT,
  summary: 'Audit log: who changed what and when, newest first, filtered and paged',
  tags,
  auth: 'console-admin',
  query: auditQuery,
  responses: {
    200: page('The filters and one page of entries'),
    ...badFilter,
    ...toSignIn,
    ...errorResponses(403),
  },
});

documentRoute({
  method: 'get',
  path: `${CONSOLE_AUDIT}.csv`,
  summary: 'The filtered audit entries as CSV (a download, at most 10,000); audited',
  tags,
  auth: 'console-admin',
  query: auditQuery.omit({ page: true }),
  responses: {
    200: {
      description:
        'CSV in UTF-8 with BOM, `;`-separated, `Content-Disposition: attachment`, `Cache-Control: no-store`',
      contentType: 'text/csv',
    },
    ...badFilter,
    ...toSignIn,
    ...errorResponses(403),
  },
});
