import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { badInput, conflict, notFound } from './haven-error';
import { fieldsFromCoercionMessage, formatGraphQLError } from './format-error';

const wrap = (original: Error) =>
  new GraphQLError(original.message, { originalError: original, path: ['child'] });
const format = (error: GraphQLError) => formatGraphQLError(error.toJSON(), error);

describe('formatGraphQLError', () => {
  let errors: jest.SpyInstance;
  let others: jest.SpyInstance[];
  beforeEach(() => {
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    others = (['log', 'warn', 'debug', 'verbose'] as const).map((level) =>
      jest.spyOn(Logger.prototype, level).mockImplementation(() => undefined),
    );
  });
  afterEach(() => jest.restoreAllMocks());

  it('logs no expected outcome: the request line names its code', () => {
    format(wrap(notFound('Child')));
    format(wrap(conflict('stale')));
    format(wrap(badInput([{ field: 'givenName', message: 'required' }])));
    format(new GraphQLError('Cannot query field', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
    expect(errors).not.toHaveBeenCalled();
    for (const spy of others) expect(spy).not.toHaveBeenCalled();
  });

  it('logs an unexpected error once, at ERROR, with its stack', () => {
    const unexpected = new TypeError('x is undefined');
    format(wrap(unexpected));
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls[0][0]).toEqual({
      err: { type: 'TypeError', message: 'x is undefined', stack: unexpected.stack },
    });
  });

  it('keeps the code of a domain error and the fields of a validation error', () => {
    expect(format(wrap(notFound('Child'))).extensions).toEqual({ code: 'NOT_FOUND' });
    expect(format(wrap(conflict('stale'))).extensions).toEqual({ code: 'CONFLICT' });
    const invalid = format(wrap(badInput([{ field: 'givenName', message: 'required' }])));
    expect(invalid.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'givenName', message: 'required' }],
    });
  });

  it('masks anything unexpected: no message, no stack, no SQL', () => {
    const sqlError = new Error(
      'duplicate key value violates unique constraint "child_pkey" SELECT * FROM child',
    );
    const formatted = format(wrap(sqlError));
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['child'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(formatted)).not.toMatch(/child_pkey|SELECT|stack/);
  });

  it('passes request errors through with their code', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(format(error).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('names the field of a variable coercion failure', () => {
    expect(
      fieldsFromCoercionMessage(
        'Variable "$input" got invalid value "X" at "input.gender"; Value "X" does not exist in "Gender" enum.',
      ),
    ).toEqual([{ field: 'gender', message: expect.stringContaining('Gender') }]);
    expect(
      fieldsFromCoercionMessage('Variable "$input" got invalid value "LOST" at "input.categories[0]"; x')[0]
        .field,
    ).toBe('categories.0');
    expect(
      fieldsFromCoercionMessage('Variable "$input" of required type "RegisterChildInput!" was not provided.'),
    ).toEqual([{ field: 'input', message: expect.any(String) }]);
  });

  it('names a field left out, and an argument other than input by its name', () => {
    expect(
      fieldsFromCoercionMessage(
        'Variable "$input" got invalid value { to: "2026-01-01" }; Field "from" of required type "Date!" was not provided.',
      )[0].field,
    ).toBe('from');
    expect(
      fieldsFromCoercionMessage(
        'Variable "$input" got invalid value {} at "input.aliases[0]"; Field "name" of required type "String!" was not provided.',
      )[0].field,
    ).toBe('aliases.0.name');
    expect(
      fieldsFromCoercionMessage(
        'Variable "$filter" got invalid value "X" at "filter.status"; Value "X" does not exist in "ChildStatus" enum.',
      )[0].field,
    ).toBe('filter.status');
    expect(
      fieldsFromCoercionMessage(
        'Variable "$first" got invalid value 2147483648; Int cannot represent non 32-bit signed integer value: 2147483648',
      )[0].field,
    ).toBe('first');
  });
});
