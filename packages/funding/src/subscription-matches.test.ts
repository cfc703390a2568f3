import { subscriptionMatches, type MatchableProgramme } from './subscription-matches';
import { toStoredMatch } from './subscription-filters';

const programme: MatchableProgramme = {
  fieldsOfAction: ['teilhabe', 'engagement'],
  applicantTypes: ['kommune'],
  provider: 'land',
  region: { scope: 'municipalities', municipalities: ['koengen'] },
  searchText: 'quartiersimpulse beratung und begleitung',
};
const sub = (filters: Parameters<typeof toStoredMatch>[0], keywords: string[] = []) => ({
  match: toStoredMatch(filters),
  keywords,
});

describe('subscriptionMatches', () => {
  it('matches the empty filter and each dimension by any of its keys', () => {
    expect(subscriptionMatches(sub({}), programme)).toBe(true);
    expect(subscriptionMatches(sub({ fieldsOfAction: ['wohnen', 'teilhabe'] }), programme)).toBe(true);
    expect(subscriptionMatches(sub({ applicantTypes: ['kommune'] }), programme)).toBe(true);
    expect(subscriptionMatches(sub({ providers: ['land'] }), programme)).toBe(true);
    expect(subscriptionMatches(sub({ municipalities: ['koengen'] }), programme)).toBe(true);
  });

  it('needs every dimension to match', () => {
    expect(subscriptionMatches(sub({ fieldsOfAction: ['wohnen'] }), programme)).toBe(false);
    expect(subscriptionMatches(sub({ applicantTypes: ['verein'] }), programme)).toBe(false);
    expect(subscriptionMatches(sub({ providers: ['bund'] }), programme)).toBe(false);
    expect(subscriptionMatches(sub({ municipalities: ['aichtal'] }), programme)).toBe(false);
    expect(subscriptionMatches(sub({ fieldsOfAction: ['teilhabe'], providers: ['bund'] }), programme)).toBe(
      false,
    );
  });

  it('lets a state-wide programme cover every municipality', () => {
    const stateWide = { ...programme, region: { scope: 'state' as const, municipalities: [] } };
    expect(subscriptionMatches(sub({ municipalities: ['aichtal'] }), stateWide)).toBe(true);
  });

  it('checks keywords, status and, for reminders, the reminder choice', () => {
    expect(subscriptionMatches(sub({}, ['impuls']), programme)).toBe(true);
    expect(subscriptionMatches(sub({}, ['raumfahrt']), programme)).toBe(false);
    expect(subscriptionMatches({ ...sub({}), status: 'unsubscribed' }, programme)).toBe(false);
    expect(subscriptionMatches({ ...sub({}), reminders: false }, programme)).toBe(true);
    expect(subscriptionMatches({ ...sub({}), reminders: false }, programme, { remindersOnly: true })).toBe(
      false,
    );
  });
});
