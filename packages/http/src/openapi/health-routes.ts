import { z } from 'zod';
import { documentRoute } from './api-routes';

const check = z.object({ name: z.string(), ok: z.boolean(), error: z.string().optional() });

/** /healthz and /readyz, which every app built by createHttpApp has. */
export function documentHealthRoutes(): void {
  documentRoute({
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: the process answers',
    tags: ['Betrieb'],
    auth: 'public',
    responses: {
      200: { description: 'Alive', schema: z.object({ status: z.literal('ok') }), example: { status: 'ok' } },
    },
  });
  documentRoute({
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: database, Redis and mail relay reachable',
    description:
      '503 problem+json while one is down; `errors[].field` names it (`database`, `redis`, `mail`).',
    tags: ['Betrieb'],
    auth: 'public',
    responses: {
      200: {
        description: 'Every dependency answers',
        schema: z.object({ status: z.literal('ready'), checks: z.array(check) }),
        example: {
          status: 'ready',
          checks: [
            { name: 'database', ok: true },
            { name: 'redis', ok: true },
            { name: 'mail', ok: true },
          ],
        },
      },
    },
    errors: [503],
  });
}
