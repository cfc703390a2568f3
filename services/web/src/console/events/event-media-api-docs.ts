import { z } from 'zod';
import { documentRoute } from '@qn/http';
import { EVENT_MEDIA_MAX_BYTES, EVENT_MEDIA_TEXT_MAX } from '@qn/events';
import {
  buttonForm,
  consoleTags,
  CSRF_EXAMPLE,
  errorResponses,
  FORM,
  idParams,
  page,
  publicTags,
  redirect,
  toSignIn,
} from '../../web-doc-helpers';

/** An event's image and flyer: the console page, its uploads, and the public files. */
const who = 'Organisers of the event’s organisation and admins.';
const upload = (textField: 'alt' | 'linkText', what: string) =>
  z
    .object({
      _csrf: z
        .string()
        .max(100)
        .meta({ description: 'CSRF token of the page, as a form field before the file' }),
      file: z.string().meta({
        format: 'binary',
        description: `${what}, at most ${EVENT_MEDIA_MAX_BYTES} bytes; the type is read from the bytes`,
      }),
      [textField]: z.string().min(1).max(EVENT_MEDIA_TEXT_MAX),
    })
    .meta({ description: 'A multipart form with one file' });

documentRoute({
  method: 'get',
  path: '/konsole/veranstaltungen/:id/medien',
  summary: 'The event’s image and flyer, with upload forms',
  description: who,
  tags: consoleTags,
  auth: 'console-session',
  params: idParams,
  query: z.object({ erledigt: z.enum(['bild', 'flyer', 'entfernt']).optional() }),
  responses: { 200: page('What the event has, and the forms'), ...toSignIn, ...errorResponses(403, 404) },
});

for (const [path, textField, what, action] of [
  ['bild', 'alt', 'A JPEG, PNG or WebP image; `alt` is its text alternative', 'event.image.set'],
  ['flyer', 'linkText', 'A PDF; `linkText` is what its link on the event page says', 'event.flyer.set'],
] as const) {
  documentRoute({
    method: 'post',
    path: `/konsole/veranstaltungen/:id/medien/${path}`,
    summary: `Upload the event’s ${path === 'bild' ? 'image' : 'flyer'} (replaces the one before)`,
    description: `${what}. A wrong type or size comes back beside the field (400), nothing stored. Audited as \`${action}\`. ${who}`,
    tags: consoleTags,
    auth: 'console-session',
    params: idParams,
    body: upload(textField, what),
    bodyContentType: 'multipart/form-data',
    responses: {
      303: redirect(`/konsole/veranstaltungen/{id}/medien?erledigt=${path}`),
      ...errorResponses(400, 401, 403, 404, 503),
    },
  });
  documentRoute({
    method: 'post',
    path: `/konsole/veranstaltungen/:id/medien/${path}/entfernen`,
    summary: `Remove the event’s ${path === 'bild' ? 'image' : 'flyer'}`,
    description: `Idempotent; audited when something was removed. ${who}`,
    tags: consoleTags,
    auth: 'console-session',
    params: idParams,
    body: buttonForm,
    bodyContentType: FORM,
    bodyExample: { _csrf: CSRF_EXAMPLE },
    responses: {
      303: redirect('/konsole/veranstaltungen/{id}/medien?erledigt=entfernt'),
      ...errorResponses(401, 403, 404, 503),
    },
  });
}

for (const [path, type] of [
  ['bild', 'image/jpeg, image/png or image/webp'],
  ['flyer.pdf', 'application/pdf'],
] as const)
  documentRoute({
    method: 'get',
    path: `/veranstaltungen/:id/${path}`,
    summary: path === 'bild' ? 'The event’s image' : 'The event’s flyer',
    description:
      'Public for published and cancelled events, a draft’s only for those who may view its organisation. ' +
      '`X-Content-Type-Options: nosniff`; the flyer also a sandboxing `Content-Security-Policy`. `If-None-Match` gives 304.',
    tags: publicTags,
    auth: 'public',
    params: idParams,
    responses: {
      200: {
        description: `The file (${type})`,
        contentType: type.split(' ')[0]!.replace(',', ''),
        headers: { ETag: 'SHA-256 based' },
      },
      304: { description: 'Not modified' },
      ...errorResponses(404),
    },
  });
