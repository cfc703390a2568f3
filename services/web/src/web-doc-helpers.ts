import { z } from 'zod';
import type { ApiResponse } from '@qn/http';

/**
 * Pieces of the web front end's entries in the OpenAPI document. The pages answer HTML (errors
 * as HTML pages, not problem+json), forms post `application/x-www-form-urlencoded` with the
 * CSRF token `_csrf` of the page they came from, and successful form posts redirect (303).
 */
export const publicTags = ['Web (HTML)'];
export const consoleTags = ['Web-Konsole (HTML)'];
export const FORM = 'application/x-www-form-urlencoded';

const csrf = z
  .string()
  .max(100)
  .meta({ description: 'CSRF token from the form’s page (bound to the session or the browser cookie)' });

const formText =
  'An HTML form, urlencoded: every value is text (numbers too), an empty field counts as absent, a ticked checkbox sends `on`, a repeated name gives a list.';

/** The form schema the handler parses with, plus the CSRF field every POST must carry. */
export function formBody<S extends z.ZodObject>(schema: S) {
  return schema.safeExtend({ _csrf: csrf }).meta({ description: formText });
}

/** A form whose only field is the CSRF token (a button). */
export const buttonForm = z.object({ _csrf: csrf }).meta({ description: formText });
export const CSRF_EXAMPLE = 'Hq2mV0cXk1…';

export const idParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{24}$/) });
export const manageTokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

export function page(description: string): ApiResponse {
  return { description, contentType: 'text/html' };
}

export function redirect(to: string): ApiResponse {
  return { description: `Done: See Other to \`${to}\``, headers: { Location: to } };
}

const errorPages: Record<number, string> = {
  400: 'The form again, with a message beside each rejected field; nothing stored',
  401: 'No console session (a POST; a GET redirects to `/anmelden` instead)',
  403: 'CSRF token missing or wrong, or signed in without the right (role, organisation)',
  404: 'Not found (error page)',
  409: 'Conflicts with the current state (error page)',
  410: 'The link or offer is no longer valid (error page)',
  429: 'Too many requests from this address or for this email address; see Retry-After',
  503: 'A dependency (database, Redis) is unavailable; try again shortly',
};

/** HTML error pages by status. */
export function errorResponses(...statuses: number[]): Record<number, ApiResponse> {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        ...page(errorPages[s] ?? 'Error page'),
        ...(s === 429 ? { headers: { 'Retry-After': 'Seconds to wait' } } : {}),
      },
    ]),
  );
}

/** What an unauthenticated GET of a console page gets. */
export const toSignIn: Record<number, ApiResponse> = {
  303: {
    description: 'No console session: See Other to `/anmelden`',
    headers: { Location: '/anmelden' },
  },
};
