import { HavenError } from '../errors/haven-error';
import { Keyset } from './pagination';

describe('Keyset cursors', () => {
  const children = new Keyset('children', ['instant', 'uuid']);
  const trail = new Keyset('auditTrail', ['sequence']);
  const at = '2026-03-01T14:30:00.123Z';
  const id = '7d4f8a52-3c2e-4b8a-9a51-2b0d6c1e9f00';
  const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const refusal = (keyset: Keyset, cursor: string) => {
    try {
      keyset.decode(cursor);
    } catch (error) {
      return { code: (error as HavenError).code, fields: (error as HavenError).fields };
    }
    return 'accepted';
  };

  it('gives back the values it encoded, and nothing without a cursor', () => {
    expect(children.decode(children.encode([at, id]))).toEqual([at, id]);
    expect(trail.decode(trail.encode(['9007199254740993']))).toEqual(['9007199254740993']);
    expect(children.decode(undefined)).toBeUndefined();
    expect(children.decode(null)).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['not base64 of JSON', 'bm90IGpzb24'],
    ['JSON that is not a list', raw({ a: 1 })],
    ['the values without the list', raw([at, id])],
    ["another list's cursor", new Keyset('alerts', ['instant', 'uuid']).encode([at, id])],
    ['too few values', raw(['children', at])],
    ['too many values', raw(['children', at, id, id])],
    ['a number for the instant', raw(['children', 1772375400123, id])],
    ['a day that does not exist', raw(['children', '2026-02-30T14:30:00.123Z', id])],
    ['the year 0', raw(['children', '0000-01-01T00:00:00.000Z', id])],
    ['an instant without milliseconds', raw(['children', '2026-03-01T14:30:00Z', id])],
    ['an id that is no UUID', raw(['children', at, "1' OR '1'='1"])],
    ['padding added', `${children.encode([at, id])}=`],
    ['a character that is no base64url', `${children.encode([at, id])}!`],
  ])('refuses a cursor that is %s, as bad input on "after"', (_, cursor) => {
    expect(refusal(children, cursor)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'after', message: 'after is not a cursor from this list' }],
    });
  });

  it.each([
    ['negative', '-1'],
    ['a fraction', '1.5'],
    ['past a bigint', '99999999999999999999'],
  ])('refuses a sequence number that is %s', (_, seq) => {
    expect(refusal(trail, raw(['auditTrail', seq]))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refusal(trail, raw(['auditTrail', Number(seq)]))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
