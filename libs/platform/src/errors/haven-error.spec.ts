import { assertUnreachable, ErrorCode, httpStatusOf } from './haven-error';

describe('httpStatusOf', () => {
  it.each([
    [ErrorCode.UNAUTHENTICATED, 401],
    [ErrorCode.FORBIDDEN, 403],
    [ErrorCode.NOT_FOUND, 404],
    [ErrorCode.BAD_USER_INPUT, 400],
    [ErrorCode.CONFLICT, 409],
    [ErrorCode.TOO_MANY_REQUESTS, 429],
  ])('answers %s with %i', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });

  it('names every code in the table above', () => {
    expect(Object.values(ErrorCode)).toHaveLength(6);
  });

  it('fails loudly on a code from outside the contract, which only a cast lets through', () => {
    expect(() => httpStatusOf('TEAPOT' as ErrorCode)).toThrow('Unhandled case: TEAPOT');
  });
});

describe('assertUnreachable', () => {
  it('is only callable with a value no case is left for', () => {
    const code = ErrorCode.CONFLICT as ErrorCode;
    // @ts-expect-error a code not yet handled is not `never`
    expect(() => assertUnreachable(code)).toThrow('Unhandled case: CONFLICT');
  });
});
