import request from 'supertest';
import { startWebStack, type WebStack } from './support/web-stack';

/** The stylesheet and scripts under /assets; anything else there is a 404, never a 500. */
let stack: WebStack;
beforeAll(async () => {
  stack = await startWebStack('webassets');
});
afterAll(() => stack?.stop());

it('serves the stylesheet and answers 404 for a missing file or a folder, whatever is accepted', async () => {
  expect((await request(stack.aio.server).get('/assets/site.css')).status).toBe(200);
  for (const path of ['/assets/nope.css', '/assets/', '/assets/sub/nope.js']) {
    for (const accept of ['text/css', 'text/html', '*/*']) {
      const res = await request(stack.aio.server).get(path).set('Accept', accept);
      expect([path, accept, res.status]).toEqual([path, accept, 404]);
    }
  }
  // A way out of the folder is refused outright.
  expect((await request(stack.aio.server).get('/assets/..%2f..%2fpackage.json')).status).toBe(403);
});
