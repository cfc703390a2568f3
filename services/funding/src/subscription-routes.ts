import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { parseInput } from '@qn/http';
import { isAppError } from '@qn/domain';
import { publicWriteLimits } from '@qn/rate-limit';
import {
  confirmSubscription,
  findSubscriptionByToken,
  fundingSettingsOf,
  getManagedSubscription,
  requestSubscription,
  subscriptionFiltersInput,
  toSubscriptionView,
  unsubscribe,
  updateManagedSubscription,
  mailContextOf,
} from '@qn/funding';
import type { FundingRouterDeps } from './deps';
import { notFoundPage, p, postButton, sendPage, wantsHtml } from './pages';
import { formToPatch, manageForm, managePageHtml } from './manage-page';

export const subscribeInput = z.strictObject({
  email: z.email().max(254),
  filters: subscriptionFiltersInput.default({}),
  frequency: z.enum(['immediate', 'weekly']).default('immediate'),
  reminders: z.boolean().default(true),
  /** The consent text was shown and ticked; nothing is stored without it. */
  consent: z.literal(true),
});

export const managePatch = z
  .strictObject({
    filters: subscriptionFiltersInput.optional(),
    frequency: z.enum(['immediate', 'weekly']).optional(),
    reminders: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', path: ['body'] });

export const tokenParam = z.strictObject({ token: z.string().min(1).max(200) });

/** The one answer to every sign-up, whatever the address's state: it reveals nothing. */
export const SUBSCRIBE_ANSWER = {
  status: 'pending',
  detail:
    'Bitte prüfen Sie Ihr Postfach: Wir haben Ihnen einen Link geschickt, mit dem Sie die Anmeldung bestätigen.',
} as const;

/**
 * Sign-up with double opt-in, confirmation, the manage link and one-click unsubscribe. None of
 * these answers tells whether an address is subscribed: a sign-up always gets the same 202, and
 * links work by unguessable token only (unknown ones are 404).
 */
export function subscriptionRoutes(deps: FundingRouterDeps): Router {
  const r = Router();
  const settings = fundingSettingsOf(deps.config, deps.settings);
  const mail = mailContextOf(deps.config);

  /** For page routes: an unknown token is a 404 page for browsers, problem+json otherwise. */
  const pageOr404 =
    (handler: (req: Request, res: Response, token: string) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const { token } = parseInput(tokenParam, req.params);
      try {
        await handler(req, res, token);
      } catch (err) {
        if (isAppError(err) && err.code === 'not_found' && wantsHtml(req)) return notFoundPage(res);
        throw err;
      }
    };

  r.post('/subscriptions', ...publicWriteLimits(deps, 'funding.subscribe'), async (req, res) => {
    const input = parseInput(subscribeInput, req.body);
    await requestSubscription({ input, producer: deps.producer, mail, settings, requestId: String(req.id) });
    res.status(202).json(SUBSCRIBE_ANSWER);
  });

  // Confirming takes a click on a button: mail scanners that fetch every link must not confirm.
  r.get(
    '/subscriptions/confirm/:token',
    pageOr404(async (_req, res, token) => {
      const sub = await findSubscriptionByToken('confirm', token);
      sendPage(
        res,
        200,
        'Anmeldung bestätigen',
        p(`Benachrichtigungen über Förderprogramme an ${sub.email} bestätigen?`) +
          postButton('Ja, Anmeldung bestätigen'),
      );
    }),
  );
  r.post(
    '/subscriptions/confirm/:token',
    pageOr404(async (req, res, token) => {
      const sub = await confirmSubscription({ token, secret: deps.config.SECRET_KEY });
      if (!wantsHtml(req)) return void res.json({ status: sub.status });
      sendPage(
        res,
        200,
        'Anmeldung bestätigt',
        p(
          'Vielen Dank. Sie erhalten ab jetzt Benachrichtigungen über passende Förderprogramme. Jede E-Mail enthält Links zum Ändern und Abmelden.',
        ),
      );
    }),
  );

  r.get(
    '/subscriptions/manage/:token',
    pageOr404(async (req, res, token) => {
      const view = toSubscriptionView(await getManagedSubscription(token));
      if (!wantsHtml(req)) return void res.json(view);
      if (view.status !== 'confirmed')
        return sendPage(res, 200, 'Abgemeldet', p('Dieses Abonnement ist beendet.'));
      sendPage(res, 200, 'Benachrichtigungen verwalten', managePageHtml(view, false));
    }),
  );
  r.patch(
    '/subscriptions/manage/:token',
    pageOr404(async (req, res, token) => {
      const patch = parseInput(managePatch, req.body);
      res.json(toSubscriptionView(await updateManagedSubscription({ token, patch })));
    }),
  );
  r.post(
    '/subscriptions/manage/:token',
    pageOr404(async (req, res, token) => {
      const patch = parseInput(managePatch, formToPatch(parseInput(manageForm, req.body ?? {})));
      const view = toSubscriptionView(await updateManagedSubscription({ token, patch }));
      sendPage(res, 200, 'Benachrichtigungen verwalten', managePageHtml(view, true));
    }),
  );
  r.delete(
    '/subscriptions/manage/:token',
    pageOr404(async (_req, res, token) => {
      await getManagedSubscription(token);
      const sub = await unsubscribe({ token, purpose: 'manage' });
      res.json({ status: sub.status });
    }),
  );

  // RFC 8058: GET shows a page and never unsubscribes (link scanners); POST unsubscribes,
  // without login or cookies, whatever its body (mail clients send List-Unsubscribe=One-Click).
  r.get(
    '/unsubscribe/:token',
    pageOr404(async (_req, res, token) => {
      const sub = await findSubscriptionByToken('unsubscribe', token);
      if (sub.status !== 'confirmed' && sub.status !== 'pending')
        return sendPage(res, 200, 'Abgemeldet', p('Sie sind bereits abgemeldet.'));
      sendPage(
        res,
        200,
        'Abmelden',
        p(`Keine Benachrichtigungen über Förderprogramme mehr an ${sub.email} senden?`) +
          postButton('Abmelden', { 'List-Unsubscribe': 'One-Click' }),
      );
    }),
  );
  r.post(
    '/unsubscribe/:token',
    pageOr404(async (req, res, token) => {
      const sub = await unsubscribe({ token });
      if (!wantsHtml(req)) return void res.json({ status: sub.status });
      sendPage(
        res,
        200,
        'Abgemeldet',
        p(
          'Sie erhalten keine Benachrichtigungen über Förderprogramme mehr. Sie können sich jederzeit neu anmelden.',
        ),
      );
    }),
  );
  return r;
}
