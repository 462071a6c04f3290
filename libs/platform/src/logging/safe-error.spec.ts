import { QueryFailedError } from 'typeorm';
import { databaseErrorFields, loggableError } from './safe-error';

/** A pg DatabaseError as the driver raises it for an overlapping placement. */
function exclusionViolation(): Error {
  const error = Object.assign(
    new Error('conflicting key value violates exclusion constraint "placement_no_overlap"'),
    {
      name: 'error',
      severity: 'ERROR',
      code: '23P01',
      detail: 'Key (child_id, tstzrange(started_at, ended_at)) conflicts ... address 12 SECRET Road',
      schema: 'public',
      table: 'placement',
      constraint: 'placement_no_overlap',
      routine: 'check_exclusion_or_unique_constraint',
    },
  );
  return error;
}

describe('loggableError', () => {
  it('names a database error by SQLSTATE and constraint, withholding its message, detail, statement and parameters', () => {
    const failed = new QueryFailedError(
      'INSERT INTO placement (address) VALUES ($1)',
      ['12 SECRET Road'],
      exclusionViolation(),
    );
    const logged = loggableError(failed);
    expect(logged.database).toEqual({
      sqlState: '23P01',
      constraint: 'placement_no_overlap',
      table: 'placement',
      schema: 'public',
      routine: 'check_exclusion_or_unique_constraint',
    });
    expect(logged.stack).toMatch(
      /^QueryFailedError: SQLSTATE 23P01, constraint placement_no_overlap, table placement/,
    );
    expect(logged.stack).toMatch(/\n\s+at /);
    expect(JSON.stringify(logged)).not.toMatch(/SECRET|INSERT|conflicting key/);
  });

  it('names the driver error itself the same way', () => {
    expect(databaseErrorFields(exclusionViolation())).toMatchObject({ sqlState: '23P01' });
    expect(JSON.stringify(loggableError(exclusionViolation()))).not.toMatch(/SECRET|conflicting/);
  });

  it('withholds the message of a database error Nest re-created from its message and stack', () => {
    const failed = new QueryFailedError(
      'SELECT $1::uuid',
      ['SECRET'],
      new Error('invalid input syntax for type uuid: "SECRET"'),
    );
    const recreated = new Error(failed.message);
    recreated.stack = failed.stack;
    expect(JSON.stringify(loggableError(recreated))).not.toMatch(/SECRET/);
    expect(loggableError(recreated).stack).toMatch(/^QueryFailedError: message withheld/);
  });

  it('keeps any other error whole, but without its own properties', () => {
    const error = Object.assign(new TypeError('x is undefined'), { parameters: ['SECRET'] });
    const logged = loggableError(error);
    expect(logged).toEqual({ type: 'TypeError', message: 'x is undefined', stack: error.stack });
    expect(databaseErrorFields(error)).toBeUndefined();
    expect(databaseErrorFields(Object.assign(new Error('no'), { code: 'ECONNREFUSED' }))).toBeUndefined();
  });
});
