import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call a route; becomes the operation's security and a line of its description.
 * `console-session` / `console-admin`: the web console's signed-in session cookie (organisers
 * and admins / admins only); its forms also carry a CSRF token, not a bearer token.
 */
export type RouteAuth =
  'public' | 'admin' | 'organiser' | 'metrics-token' | 'console-session' | 'console-admin';

export type ApiResponse = {
  description: string;
  schema?: z.ZodType;
  /** Default application/json. */
  contentType?: string;
  example?: unknown;
  /** Response headers worth naming (`Location` of a redirect, `ETag`), name → description. */
  headers?: Record<string, string>;
};

/**
 * One documented route. The zod schemas are the same objects the handler parses with, so
 * the document cannot drift from what the code accepts.
 */
export type ApiRoute = {
  method: HttpMethod;
  /** Full public path as express writes it: `/api/events/:id`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  auth: RouteAuth;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  bodyExample?: unknown;
  /** Media type of the request body; default application/json (e.g. text/csv, a form). */
  bodyContentType?: string;
  responses: Record<number, ApiResponse>;
  /** Error statuses this route answers with problem+json (400 for bad input, 401, 403, …). */
  errors?: number[];
};

const routes = new Map<string, ApiRoute>();

/** Adds a route to the process's API document (call it next to the route's definition). */
export function documentRoute(route: ApiRoute): void {
  routes.set(`${route.method} ${route.path}`, route);
}

export function documentedRoutes(): ApiRoute[] {
  return [...routes.values()].sort((a, b) => (a.path + a.method).localeCompare(b.path + b.method));
}
