import { withoutSuggestion } from './http-status.plugin';

describe('withoutSuggestion', () => {
  it.each([
    [
      'Value "OPNE" does not exist in "ChildStatus" enum. Did you mean the enum value "OPEN"?',
      'Value "OPNE" does not exist in "ChildStatus" enum.',
    ],
    [
      'Cannot query field "childre" on type "Query". Did you mean "child" or "children"?',
      'Cannot query field "childre" on type "Query".',
    ],
    [
      'Variable "$s" got invalid value "OPNE"; Value "OPNE" does not exist in "ChildStatus" enum. Did you mean the enum value "OPEN"?',
      'Variable "$s" got invalid value "OPNE"; Value "OPNE" does not exist in "ChildStatus" enum.',
    ],
    ['Unknown type "Chld". Did you mean "Child"?', 'Unknown type "Chld".'],
    ['Cannot query field "x" on type "Query".', 'Cannot query field "x" on type "Query".'],
  ])('%s', (message, expected) => {
    expect(withoutSuggestion(message)).toBe(expected);
  });
});
