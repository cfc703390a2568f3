import { googleSubscribeUrl, outlookSubscribeUrl, webcalUrl } from '@qn/calendar';

/** The feed at `url` and the links that add it to Apple/Thunderbird (webcal), Google and Outlook. */
export function subscribeLinksOf(url: string, name: string) {
  return {
    url,
    webcalUrl: webcalUrl(url),
    googleSubscribeUrl: googleSubscribeUrl(url),
    outlookSubscribeUrl: outlookSubscribeUrl(url, name),
  };
}

/**
 * What `GET /feeds` answers: the public feeds with their subscribe links and the events feed's
 * filter parameters. `urlOf` turns a feed path into its public URL (the API reference passes
 * an example host).
 */
export function feedIndexOf(urlOf: (path: string) => string) {
  const feed = (id: string, name: string, path: string, title: string) => ({
    id,
    name,
    ...subscribeLinksOf(urlOf(path), title),
  });
  return {
    feeds: [
      feed('events', 'Veranstaltungen', '/events.ics', 'Quartiersnetz – Veranstaltungen'),
      feed('funding-deadlines', 'Förderfristen', '/funding-deadlines.ics', 'Quartiersnetz – Förderfristen'),
    ],
    parameters: {
      'events.ics': {
        municipality: 'Kommune (Schlüssel, mehrere mit Komma oder wiederholt)',
        field: 'Handlungsfeld (Schlüssel)',
        kind: 'Veranstaltungsart (Schlüssel)',
        organiser: 'Organisation (Kennung)',
      },
    },
  };
}
