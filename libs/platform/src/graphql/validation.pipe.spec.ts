import { nulCharacters } from './validation.pipe';

describe('nulCharacters', () => {
  it('names every field, however nested, whose string holds a NUL character', () => {
    expect(
      nulCharacters(
        { givenName: 'Minh', aliases: [{ name: 'To\u0000ny', source: 'police' }], notes: 'a\u0000' },
        '',
      ).map((problem) => problem.field),
    ).toEqual(['aliases.0.name', 'notes']);
  });

  it('passes text, numbers, dates and nulls through', () => {
    expect(nulCharacters({ a: 'Nguyễn', b: 3, c: new Date(), d: null, e: ['x'] }, '')).toEqual([]);
    expect(nulCharacters('id\u0000', 'id')).toEqual([
      { field: 'id', message: 'id must not contain NUL characters' },
    ]);
  });
});
