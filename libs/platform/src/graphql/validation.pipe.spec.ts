import { HavenError } from '../errors/haven-error';
import { RequiredText } from '../validation/validators';
import { createValidationPipe, nulCharacters } from './validation.pipe';

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

class Note {
  // written as every input writes it: the length check last, which class-validator runs first
  @RequiredText(20)
  text!: string;
}

describe('the validation pipe, on required text', () => {
  const pipe = createValidationPipe();
  const problems = async (value: unknown) => {
    try {
      await pipe.transform(value, { type: 'body', metatype: Note, data: 'input' });
      return [];
    } catch (error) {
      return (error as HavenError).fields;
    }
  };

  it.each(['', '   ', '\t\n'])(
    'says a blank value (%j) is required, not that it is too long',
    async (text) => {
      expect(await problems({ text })).toEqual([{ field: 'text', message: 'text is required' }]);
    },
  );

  it('says a long value is too long, and passes a trimmed one', async () => {
    expect(await problems({ text: 'x'.repeat(21) })).toEqual([
      { field: 'text', message: 'text must be shorter than or equal to 20 characters' },
    ]);
    expect(await pipe.transform({ text: '  Kent Police ' }, { type: 'body', metatype: Note })).toEqual({
      text: 'Kent Police',
    });
  });
});
