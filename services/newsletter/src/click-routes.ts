import { Router } from 'express';
import { parseInput } from '@qn/http';
import { countClick, type NewsletterContext } from '@qn/newsletter';
import { byClientAddress, rateLimit } from '@qn/rate-limit';
import type { NewsletterRouterDeps } from './deps';
import { tokenParam } from './inputs';
import { p, sendPage, words } from './pages';

/**
 * The counting redirect behind the links of a campaign that counts clicks (opt-in per
 * campaign): one click document per request, then 302 to the link's target from the campaign's
 * own body. A forged or unknown token gets the invalid-link page (404), never a redirect. Mail
 * scanners that follow links count as clicks too; the figures are per link, not per person.
 * The limit per client address only bounds what one client can write (a whole office behind
 * one NAT still fits).
 */
export function clickRoutes(deps: NewsletterRouterDeps, ctx: NewsletterContext): Router {
  const r = Router();
  r.get(
    '/c/:token',
    rateLimit({
      redis: deps.redis,
      prefix: deps.config.QUEUE_PREFIX,
      name: 'newsletter.click',
      key: byClientAddress,
      limit: 600,
      windowSeconds: 600,
    }),
    async (req, res) => {
      const { token } = parseInput(tokenParam, req.params);
      const url = await countClick(ctx, token);
      if (!url) return sendPage(res, 404, 'de', words.de.invalidTitle, p(words.de.invalid));
      res
        .setHeader('Cache-Control', 'no-store')
        .setHeader('Referrer-Policy', 'no-referrer')
        .redirect(302, url);
    },
  );
  return r;
}
