import express, { Router } from 'express';
import { dirname } from 'node:path';
import { z } from 'zod';
import { buildOpenApiDocument, documentRoute, documentedRoutes } from '@qn/http';

documentRoute({
  method: 'get',
  path: '/api/openapi.json',
  summary: 'This API description (OpenAPI 3.1), generated from the validating zod schemas',
  tags: ['Betrieb'],
  auth: 'public',
  responses: {
    200: { description: 'The OpenAPI document', schema: z.object({ openapi: z.string() }).loose() },
  },
});
documentRoute({
  method: 'get',
  path: '/api/docs',
  summary: 'Readable API reference (Swagger UI, served from this server)',
  tags: ['Betrieb'],
  auth: 'public',
  responses: { 200: { description: 'HTML page', contentType: 'text/html' } },
});
documentRoute({
  method: 'get',
  path: '/api/docs/init.js',
  summary: "The reference page's start script (its stylesheet and bundle are under /api/docs/assets/)",
  tags: ['Betrieb'],
  auth: 'public',
  responses: { 200: { description: 'JavaScript', contentType: 'text/javascript' } },
});

const page = `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Quartiersnetz API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

// An external file, not an inline script: the CSP allows scripts from 'self' only.
const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

// swagger-ui-dist ships no types; its folder is all that is needed.
function swaggerUiDir(): string {
  return dirname(require.resolve('swagger-ui-dist/package.json'));
}

/** `/api/openapi.json`: built on each request from the routes documented in this process. */
export function createOpenApiRouter(opts: { publicUrl: string; version?: string }): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.json(
      buildOpenApiDocument(documentedRoutes(), {
        title: 'Quartiersnetz API',
        version: opts.version ?? '0.1.0',
        description:
          'Koordination Quartier, Landkreis Esslingen: Veranstaltungen, Förderprogramm-Hinweise, Newsletter, Kalender. Errors are RFC 9457 problem+json.',
        serverUrl: opts.publicUrl,
      }),
    );
  });
  return router;
}

/** `/api/docs`: Swagger UI from the swagger-ui-dist package (no CDN). */
export function createApiDocsRouter(): Router {
  const router = Router();
  router.get('/', (_req, res) => void res.type('html').send(page));
  router.get('/init.js', (_req, res) => void res.type('js').send(init));
  router.use('/assets', express.static(swaggerUiDir(), { index: false, maxAge: '1d' }));
  return router;
}
