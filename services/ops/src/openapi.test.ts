import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import mongoose from 'mongoose';
import { startAllInOne, composeApp, type AllInOne } from '@qn/all-in-one';
import { documentedRoutes, expressRoutes } from '@qn/http';
import { repoRoot } from '@qn/infra';
import { testConfig, uniqueName, deleteQueueKeys } from '@qn/testing';

/**
 * The OpenAPI document: valid 3.1 by an independent validator, every documented example valid
 * against its own zod schema, and every route of the composed app present in it.
 */
const db = uniqueName('openapi');
const config = testConfig(db, { PORT: '0', LOG_LEVEL: 'silent' });
let aio: AllInOne;
const dir = mkdtempSync(join(tmpdir(), 'qn-openapi-'));

beforeAll(async () => {
  aio = await startAllInOne(config);
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await aio.stop();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
  rmSync(dir, { recursive: true, force: true });
});

/** The validator is an ES module; it runs in its own node process (jest here is CommonJS). */
function validateOpenApi(doc: unknown): { valid: boolean; version?: string; errors?: unknown } {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(doc));
  const script = `
    import { Validator } from '@seriousme/openapi-schema-validator';
    import { readFileSync } from 'node:fs';
    const v = new Validator();
    const r = await v.validate(JSON.parse(readFileSync(process.argv[1], 'utf8')));
    process.stdout.write(JSON.stringify({ valid: r.valid, version: v.version, errors: r.errors }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, file], { cwd: repoRoot });
  return JSON.parse(out.toString());
}

describe('OpenAPI', () => {
  it('serves a document that validates as OpenAPI 3.1', async () => {
    const res = await request(aio.server).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/api/smoke/pings'].post.requestBody).toBeDefined();
    expect(res.body.paths['/api/audit'].get.responses['403']).toEqual({
      $ref: '#/components/responses/Problem403',
    });
    const result = validateOpenApi(res.body);
    expect(result).toMatchObject({ valid: true, version: '3.1' });
  });

  it('has only examples that its own schemas accept', () => {
    const bad: string[] = [];
    for (const r of documentedRoutes()) {
      if (r.body && r.bodyExample !== undefined && !r.body.safeParse(r.bodyExample).success) {
        bad.push(`${r.method} ${r.path} body`);
      }
      for (const [status, res] of Object.entries(r.responses)) {
        if (res.schema && res.example !== undefined && !res.schema.safeParse(res.example).success) {
          bad.push(`${r.method} ${r.path} ${status}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('documents every route, and nothing that does not exist', () => {
    const actual = expressRoutes(composeApp(aio.rt)).map((r) => `${r.method} ${r.path}`);
    const documented = documentedRoutes().map((r) => `${r.method} ${r.path}`);
    expect(actual.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((d) => !actual.includes(d))).toEqual([]);
  });

  it('serves the reference page and its assets from this server', async () => {
    const page = await request(aio.server).get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/https?:\/\//);
    const js = await request(aio.server).get('/api/docs/assets/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect((await request(aio.server).get('/api/docs/assets/swagger-ui.css')).status).toBe(200);
    expect((await request(aio.server).get('/api/docs/init.js')).text).toContain('/api/openapi.json');
  });
});
