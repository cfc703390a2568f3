import request from 'supertest';
import mongoose from 'mongoose';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { Account, hashToken } from '@qn/auth';
import { documentedRoutes, type ApiRoute } from '@qn/http';
import { testConfig, uniqueName, deleteQueueKeys } from '@qn/testing';
import { WebSession } from '../../services/web/src/session/models/web-session';

/**
 * Every documented page and form at `/` answered by the real app: anonymous, and with an admin's
 * console session and CSRF token. Each answer's status must be one the document names for that
 * route (so a page that starts answering e.g. 409 without the document saying so fails here).
 */
const db = uniqueName('webdocs');
const config = testConfig(db, { PORT: '0', LOG_LEVEL: 'silent', RATE_LIMIT_PER_IP: '10000' });
let aio: AllInOne;
const SESSION = `qs_webdocs_${'s'.repeat(32)}`;

beforeAll(async () => {
  aio = await startAllInOne(config);
  const admin = await Account.create({ email: `admin-${db}@example.org`, role: 'admin' });
  await WebSession.create({
    _id: hashToken(SESSION),
    accountId: String(admin._id),
    expiresAt: new Date(Date.now() + 3600_000),
  });
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await aio.stop();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

const webRoutes = () => documentedRoutes().filter((r) => r.tags.some((t) => t.startsWith('Web')));

/** A concrete URL for a template: ids and tokens that exist nowhere. */
function urlOf(r: ApiRoute): string {
  return r.path.replace(/:(id|registrationId)\b/g, '0'.repeat(24)).replace(/:token\b/g, 'x'.repeat(43));
}

function documentedStatuses(r: ApiRoute): number[] {
  return [...Object.keys(r.responses).map(Number), ...(r.errors ?? [])].sort();
}

/** Answers whose status the document does not name for their route. */
let undocumented: string[] = [];
function check(r: ApiRoute, status: number, who: string) {
  if (!documentedStatuses(r).includes(status))
    undocumented.push(
      `${who}: ${r.method} ${r.path} answered ${status}, documented ${documentedStatuses(r).join('/')}`,
    );
}
beforeEach(() => {
  undocumented = [];
});
afterEach(() => {
  expect(undocumented).toEqual([]);
});

describe('documented web routes', () => {
  it('covers the whole / mount (there is something to check)', () => {
    expect(webRoutes().length).toBeGreaterThan(60);
  });

  it('anonymous: pages answer a documented status; every form post without CSRF token is 403', async () => {
    for (const r of webRoutes()) {
      if (r.method === 'get') {
        const res = await request(aio.server).get(urlOf(r));
        check(r, res.status, 'anonymous');
        if (r.auth !== 'public')
          expect([r.path, res.status, res.headers.location]).toEqual([r.path, 303, '/anmelden']);
      } else {
        const res = await request(aio.server).post(urlOf(r)).type('form').send({});
        check(r, res.status, 'anonymous without CSRF');
        expect([r.path, res.status]).toEqual([r.path, 403]);
      }
    }
  });

  it('admin session: pages and empty form posts with the CSRF token answer a documented status', async () => {
    const cookie = `qn_session=${SESSION}`;
    const home = await request(aio.server).get('/konsole').set('Cookie', cookie);
    expect(home.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home.text)?.[1];
    expect(csrf).toBeDefined();
    // Signing out ends the session: last.
    const routes = webRoutes().sort(
      (a, b) => Number(a.path === '/abmelden') - Number(b.path === '/abmelden'),
    );
    for (const r of routes) {
      const res =
        r.method === 'get'
          ? await request(aio.server).get(urlOf(r)).set('Cookie', cookie)
          : await request(aio.server).post(urlOf(r)).set('Cookie', cookie).type('form').send({ _csrf: csrf });
      check(r, res.status, 'admin');
    }
  });
});
