import { documentRoute } from '@qn/http';
import { tokenParam } from './inputs';

/** The counting redirect of campaigns that count clicks (opt-in, off by default). */
documentRoute({
  method: 'get',
  path: '/api/newsletter/c/:token',
  summary: 'Count a click on a campaign link and redirect to its target',
  description:
    'Only campaigns created or changed with `countClicks: true` have their body links rewritten to this ' +
    'route (HTML and text part; preview and test sends keep the real links). The token is signed and names ' +
    'the campaign and the index of the link in its body, never the recipient: clicks are counted per link ' +
    '(campaign progress `clicks`), not per person. The target is taken from the campaign, so only its own ' +
    'links can be reached (no open redirect). A forged or unknown token gets the invalid-link page.',
  tags: ['Newsletter: Kampagnen'],
  auth: 'public',
  params: tokenParam,
  responses: {
    302: { description: 'Redirect to the link of the campaign (`Location`); the click is counted' },
    404: { description: 'Page: the link is invalid (forged or unknown token)', contentType: 'text/html' },
  },
  errors: [400, 429, 503],
});
