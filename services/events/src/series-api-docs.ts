import { z } from 'zod';
import { documentRoute, type ApiResponse } from '@qn/http';
import { createSeriesInput, seriesParams, updateSeriesInput } from './series-routes';

/** The events API's series routes in the OpenAPI document. */
const tags = ['Veranstaltungen'];
const base = '/api/events/series';
const who = 'Organisers of the series’ organisation and admins (bearer token).';

const seriesView = z.object({
  id: z.string(),
  organisationId: z.string(),
  title: z.string().describe('The template’s title'),
  schedule: createSeriesInput.shape.schedule,
  dates: z.array(
    z.object({
      id: z.string().describe('An ordinary event id: register, list attendees, change one date there'),
      occurrence: z.number().int().min(0),
      startsAt: z.iso.datetime(),
      endsAt: z.iso.datetime(),
      status: z.enum(['draft', 'published', 'cancelled']),
      title: z.string(),
    }),
  ),
});
const example = {
  id: '6650f0c2a1b2c3d4e5f60718',
  organisationId: 'stadt-nuertingen',
  title: 'Quartierstreff Oberensingen',
  schedule: {
    rule: { freq: 'weekly', weekday: 2 },
    firstDate: '2027-03-02',
    startTime: '18:00',
    durationMinutes: 90,
    count: 8,
  },
  dates: [
    {
      id: '3f1c9a0b7d2e4c5a6b7c8d9e',
      occurrence: 0,
      startsAt: '2027-03-02T17:00:00.000Z',
      endsAt: '2027-03-02T18:30:00.000Z',
      status: 'draft',
      title: 'Quartierstreff Oberensingen',
    },
  ],
};
const answer = (description: string): ApiResponse => ({ description, schema: seriesView, example });

documentRoute({
  method: 'post',
  path: base,
  summary: 'Create a series and all its dates as draft events',
  description:
    'Weekly on a weekday, monthly on the 1st–4th or last (`nth: -1`) weekday, or monthly on a day (months without ' +
    'it are skipped); `until` or `count`, at most 52 dates within two years; times are wall-clock times in the ' +
    'office’s zone (DST-safe). Every date must pass the event rules: nothing is stored if one fails (400, fields ' +
    'named). With the same `seriesId` again the answer is 200 and only missing dates are inserted. ' +
    who,
  tags,
  auth: 'organiser',
  body: createSeriesInput,
  bodyExample: {
    seriesId: example.id,
    schedule: example.schedule,
    template: {
      title: 'Quartierstreff Oberensingen',
      description: 'Offener Treff für alle im Quartier.',
      kind: 'vernetzungstreffen',
      fieldsOfAction: ['teilhabe'],
      municipality: 'nuertingen',
      venue: { name: 'Bürgertreff Oberensingen' },
      capacity: 20,
      contact: { name: 'Seniorenbüro Nürtingen', email: 'senioren@example.org' },
    },
  },
  responses: { 201: answer('The series and its dates'), 200: answer('Already created: the stored series') },
  errors: [400, 401, 403, 409],
});

documentRoute({
  method: 'get',
  path: `${base}/:seriesId`,
  summary: 'A series with all its dates',
  description: 'Viewers of the organisation too.',
  tags,
  auth: 'organiser',
  params: seriesParams,
  responses: { 200: answer('The series') },
  errors: [401, 403, 404],
});

documentRoute({
  method: 'post',
  path: `${base}/:seriesId/publish`,
  summary: 'Publish every future draft date',
  description: who,
  tags,
  auth: 'organiser',
  params: seriesParams,
  responses: { 200: answer('The series after publishing') },
  errors: [401, 403, 404],
});

documentRoute({
  method: 'patch',
  path: `${base}/:seriesId`,
  summary: 'Change all future dates: template fields, time of day, length',
  description:
    'Applied to every date not yet begun and not cancelled, each through the ordinary event update (its registrants ' +
    'get a change notice with an updated .ics); each date keeps its day. All dates are checked first: a refused ' +
    `change (400, 409 for a capacity below a date’s seats) changes none. ${who}`,
  tags,
  auth: 'organiser',
  params: seriesParams,
  body: updateSeriesInput,
  bodyExample: { changes: { title: 'Quartierstreff Oberensingen (neuer Raum)' }, startTime: '19:00' },
  responses: { 200: answer('The series after the change') },
  errors: [400, 401, 403, 404, 409],
});

documentRoute({
  method: 'post',
  path: `${base}/:seriesId/cancel`,
  summary: 'Cancel all future dates',
  description: `Each through the ordinary cancellation: its registrants get METHOD:CANCEL. ${who}`,
  tags,
  auth: 'organiser',
  params: seriesParams,
  responses: { 200: answer('The series after cancelling') },
  errors: [401, 403, 404],
});
