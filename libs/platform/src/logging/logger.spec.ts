import { pathOnly } from './logger';

describe('pathOnly', () => {
  it('keeps the path of a request, without its query', () => {
    expect(pathOnly('/graphql')).toBe('/graphql');
    expect(pathOnly('/dashboard?from=2026-01-01&token=abc')).toBe('/dashboard');
  });

  it("withholds an export link's token, in its path or its query", () => {
    expect(pathOnly('/exports/missing-person-profile/eyJhbGciOi.sig?format=json')).toBe(
      '/exports/missing-person-profile/[redacted]',
    );
    expect(pathOnly('/exports/meeting-minutes/abc.def')).toBe('/exports/meeting-minutes/[redacted]');
    expect(pathOnly('/exports/meeting-minutes?link=abc.def&expires=1')).toBe('/exports/meeting-minutes');
  });
});
