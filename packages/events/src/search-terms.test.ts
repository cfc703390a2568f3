import { normaliseWords, searchTermsOf } from './search-terms';

describe('search terms', () => {
  it('folds case and diacritics so umlauts match either way', () => {
    expect(normaliseWords('Bürgertreff Roßdorf: Digitale Sprechstunde!')).toEqual([
      'burgertreff',
      'rossdorf',
      'digitale',
      'sprechstunde',
    ]);
    expect(searchTermsOf(['Wohnen im Alter', undefined, 'wohnen'])).toEqual(['wohnen', 'im', 'alter']);
  });
});
