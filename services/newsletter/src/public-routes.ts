import { Router, type Request } from 'express';
import { parseInput } from '@qn/http';
import { publicWriteLimits } from '@qn/rate-limit';
import {
  CONSENT_TEXT,
  CONSENT_TEXT_VERSION,
  confirmSubscription,
  describeConfirmation,
  describeUnsubscribe,
  getList,
  requestSubscription,
  unsubscribeByToken,
  type ConfirmView,
  type NewsletterContext,
  type UnsubscribeView,
} from '@qn/newsletter';
import type { NewsletterRouterDeps } from './deps';
import { idParam, subscribeFromForm, subscribeInput, tokenParam } from './inputs';
import { link, p, postButton, sendPage, words } from './pages';

/** The one answer to every sign-up, whatever the address's state: it reveals nothing. */
export const SUBSCRIBE_ANSWER = {
  status: 'accepted',
  message:
    'Danke! Falls die Adresse noch nicht angemeldet ist, kommt gleich eine Mail mit einem Bestätigungslink. / Thank you! Unless the address is subscribed already, a mail with a confirmation link is on its way.',
};

function confirmPage(view: ConfirmView): [number, string, string] {
  const w = words[view.lang];
  switch (view.state) {
    case 'valid':
      return [200, w.confirmTitle, p(w.confirmAsk(view.listName)) + postButton(w.confirmButton)];
    case 'confirmed':
      return [200, w.confirmedTitle, p(w.confirmed(view.listName))];
    case 'expired':
      return [410, w.expiredTitle, p(w.expired)];
    default:
      return [404, w.invalidTitle, p(w.invalid)];
  }
}

function unsubscribePage(view: UnsubscribeView, token?: string): [number, string, string] {
  const w = words[view.lang];
  switch (view.state) {
    case 'valid':
      return [
        200,
        w.unsubTitle,
        p(w.unsubAsk(view.listName)) +
          postButton(w.unsubButton) +
          // The same link opens the details page on the web front end (DSGVO Art. 16).
          (token ? link(`/newsletter/angaben/${encodeURIComponent(token)}`, w.detailsLink) : ''),
      ];
    case 'done':
      return [200, w.unsubDoneTitle, p(w.unsubDone)];
    case 'test':
      return [200, w.testTitle, p(w.test)];
    default:
      return [404, w.invalidTitle, p(w.invalid)];
  }
}

/**
 * What anyone may call: sign-up, the public description of a list (with the consent text),
 * and the pages behind the links in mails. A GET on a link never changes anything (mail
 * scanners follow links); the pages carry a button that POSTs. The unsubscribe POST is also
 * RFC 8058's one-click target: no cookie, no login, no CSRF token, the signed token is enough.
 */
export function publicRoutes(deps: NewsletterRouterDeps, ctx: NewsletterContext): Router {
  const r = Router();

  r.get('/lists/:id/public', async (req, res) => {
    const { id } = parseInput(idParam, req.params);
    const list = await getList(id);
    res.json({
      id: list._id,
      name: list.name,
      description: list.description ?? null,
      lang: list.lang,
      consentText: CONSENT_TEXT,
      consentTextVersion: CONSENT_TEXT_VERSION,
    });
  });

  r.post(
    '/lists/:id/subscribe',
    ...publicWriteLimits(deps, 'newsletter.subscribe'),
    async (req: Request, res) => {
      const { id } = parseInput(idParam, req.params);
      const body = req.is('application/x-www-form-urlencoded')
        ? subscribeFromForm(req.body as Record<string, unknown>)
        : req.body;
      const input = parseInput(subscribeInput, body);
      await requestSubscription(ctx, { listId: id, ...input }, { requestId: String(req.id) });
      res.status(202).json(SUBSCRIBE_ANSWER);
    },
  );

  r.get('/confirm/:token', async (req, res) => {
    const { token } = parseInput(tokenParam, req.params);
    sendPage(res, ...withLang(await describeConfirmation(ctx, token), confirmPage));
  });
  r.post('/confirm/:token', async (req, res) => {
    const { token } = parseInput(tokenParam, req.params);
    sendPage(
      res,
      ...withLang(await confirmSubscription(ctx, token, { requestId: String(req.id) }), confirmPage),
    );
  });

  r.get('/u/:token', async (req, res) => {
    const { token } = parseInput(tokenParam, req.params);
    sendPage(res, ...withLang(await describeUnsubscribe(ctx, token), (v) => unsubscribePage(v, token)));
  });
  r.post('/u/:token', async (req, res) => {
    const { token } = parseInput(tokenParam, req.params);
    sendPage(res, ...withLang(await unsubscribeByToken(ctx, token), unsubscribePage));
  });
  return r;
}

function withLang<V extends { lang: 'de' | 'en' }>(
  view: V,
  page: (v: V) => [number, string, string],
): [number, 'de' | 'en', string, string] {
  const [status, title, body] = page(view);
  return [status, view.lang, title, body];
}
