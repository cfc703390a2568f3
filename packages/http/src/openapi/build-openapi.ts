import { z } from 'zod';
import type { ApiRoute } from './api-routes';

type JsonSchema = Record<string, unknown>;

const problemTitles: Record<number, string> = {
  400: 'Invalid input: `errors` names every offending field',
  401: 'No or an unknown token',
  403: 'Authenticated, but not allowed',
  404: 'Not found',
  409: 'Conflict with the current state',
  410: 'Gone',
  413: 'Body too large',
  422: 'Not processable',
  429: 'Rate limit exceeded; see Retry-After',
  503: 'A dependency is unavailable; see Retry-After',
};

/** JSON Schema 2020-12 of what a client sends (`io: input`: before defaults and coercion). */
export function schemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parametersOf(route: ApiRoute): JsonSchema[] {
  const out: JsonSchema[] = [];
  const add = (where: 'path' | 'query', obj: z.ZodType | undefined) => {
    if (!obj) return;
    const s = schemaOf(obj);
    const props = (s.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((s.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(props)) {
      const { description, ...rest } = schema;
      out.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  };
  add('path', route.params);
  add('query', route.query);
  return out;
}

const authText: Record<ApiRoute['auth'], string> = {
  public: 'Public.',
  admin: 'Admins only (API token of an admin account).',
  organiser: 'Organisers (for their own organisation) and admins.',
  'metrics-token': 'Needs `Authorization: Bearer <METRICS_TOKEN>`.',
  'console-session':
    'Console: signed-in organisers (their own organisation) and admins, by the session cookie from the sign-in link; without a session a GET redirects (303) to `/anmelden`. Forms carry the CSRF token `_csrf`.',
  'console-admin':
    'Console, admins only, by the session cookie from the sign-in link; without a session a GET redirects (303) to `/anmelden`. Forms carry the CSRF token `_csrf`.',
};

function securityOf(auth: ApiRoute['auth']): JsonSchema[] {
  if (auth === 'public') return [];
  if (auth === 'console-session' || auth === 'console-admin') return [{ consoleSession: [] }];
  return [{ bearerAuth: [] }];
}

/** The OpenAPI 3.1 document of the given routes. */
export function buildOpenApiDocument(
  routes: ApiRoute[],
  info: { title: string; version: string; description?: string; serverUrl?: string },
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const usedProblems = new Set<number>();
  for (const r of routes) {
    const responses: Record<string, JsonSchema> = {};
    for (const [status, res] of Object.entries(r.responses)) {
      const type = res.contentType ?? 'application/json';
      responses[status] = {
        description: res.description,
        ...(res.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(res.headers).map(([name, description]) => [
                  name,
                  { description, schema: { type: 'string' } },
                ]),
              ),
            }
          : {}),
        ...(res.schema || res.example !== undefined || res.contentType
          ? {
              content: {
                [type]: {
                  ...(res.schema ? { schema: schemaOf(res.schema, 'output') } : {}),
                  ...(res.example !== undefined ? { example: res.example } : {}),
                },
              },
            }
          : {}),
      };
    }
    for (const status of r.errors ?? []) {
      usedProblems.add(status);
      responses[String(status)] = { $ref: `#/components/responses/Problem${status}` };
    }
    const op: JsonSchema = {
      operationId: `${r.method}${r.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: r.summary,
      description: [r.description, authText[r.auth]].filter(Boolean).join('\n\n'),
      tags: r.tags,
      security: securityOf(r.auth),
      parameters: parametersOf(r),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: {
                [r.bodyContentType ?? 'application/json']: {
                  schema: schemaOf(r.body),
                  ...(r.bodyExample !== undefined ? { example: r.bodyExample } : {}),
                },
              },
            },
          }
        : {}),
      responses,
    };
    (paths[toOpenApiPath(r.path)] ??= {})[r.method] = op;
  }
  const problemResponses: Record<string, JsonSchema> = {};
  for (const status of [...usedProblems].sort()) {
    problemResponses[`Problem${status}`] = {
      description: problemTitles[status] ?? 'Error',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      ...(status === 429 || status === 503
        ? { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } } }
        : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      ...(info.description ? { description: info.description } : {}),
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'API token' },
        consoleSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'qn_session',
          description:
            'Web console session from the mailed sign-in link (`__Host-qn_session` over https); HttpOnly, SameSite=Lax',
        },
      },
      schemas: {
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['field', 'message'],
                properties: { field: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
      responses: problemResponses,
    },
  };
}
