import { ChildRecordPart, ChildRecordParts, ChildRecordPartsError, inPurgeOrder } from './child-record-part';

const part = (name: string, position: number, refersTo?: string[]): ChildRecordPart => ({
  name,
  position,
  refersTo,
  exportSections: () => Promise.resolve({}),
  purge: () => Promise.resolve(),
});

describe('the parts of the child record', () => {
  it('purges a part before the parts its rows refer to, otherwise in the document’s order', () => {
    const placements = part('placements', 30);
    const missing = part('missing', 40, ['placements']);
    const alerts = part('alerts', 60);
    expect(inPurgeOrder([alerts, placements, missing]).map((p) => p.name)).toEqual([
      'missing',
      'placements',
      'alerts',
    ]);
  });

  it('refuses parts that refer to each other in a cycle', () => {
    expect(() => inPurgeOrder([part('a', 1, ['b']), part('b', 2, ['a'])])).toThrow(ChildRecordPartsError);
  });

  it('refuses a second part with the same name or position', () => {
    const parts = new ChildRecordParts();
    parts.register(part('meetings', 70));
    expect(() => parts.register(part('meetings', 71))).toThrow(ChildRecordPartsError);
    expect(() => parts.register(part('other', 70))).toThrow(ChildRecordPartsError);
    expect(parts.all().map((p) => p.name)).toEqual(['meetings']);
  });
});
