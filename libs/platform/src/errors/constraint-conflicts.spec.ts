import { ErrorCode, HavenError } from './haven-error';
import { conflictsByConstraint, constraintOf } from './constraint-conflicts';

/** An error as node-postgres raises it for a violated constraint. */
const violation = (constraint: string) =>
  Object.assign(new Error('violates constraint'), { code: '23P01', constraint });

describe('conflictsByConstraint', () => {
  const reasons = { placement_no_overlap: 'The placement overlaps another of this child' };

  it('answers what the write answered', async () => {
    await expect(conflictsByConstraint(reasons, () => Promise.resolve(7))).resolves.toBe(7);
  });

  it('turns a named constraint into CONFLICT with its reason', async () => {
    const refused = conflictsByConstraint(reasons, () => Promise.reject(violation('placement_no_overlap')));
    await expect(refused).rejects.toBeInstanceOf(HavenError);
    await expect(refused).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: 'The placement overlaps another of this child',
    });
  });

  it('lets any other error through unchanged', async () => {
    const other = violation('some_other_constraint');
    await expect(conflictsByConstraint(reasons, () => Promise.reject(other))).rejects.toBe(other);
    const plain = new TypeError('boom');
    await expect(conflictsByConstraint(reasons, () => Promise.reject(plain))).rejects.toBe(plain);
  });

  it('reads the constraint only when there is one', () => {
    expect(constraintOf(violation('x'))).toBe('x');
    expect(constraintOf(new Error('no constraint'))).toBeUndefined();
    expect(constraintOf(null)).toBeUndefined();
  });
});
