import { newChild } from './support/factories';
import { GLASGOW, HILLINGDON, socialWorker, teamManager, TestApp } from './support/test-app';

/**
 * How long a child's records are kept (domain.md, "Records are kept"): the 75th birthday in England,
 * Wales and Northern Ireland, the 100th in Scotland; for a child who died before 18, 15 years after the
 * death (25 in Scotland) when that is later. One SQL function, haven_retain_until, read by
 * Child.retainUntil and by the purge.
 */
describe('records are kept', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  const retainUntil = async (
    dateOfBirth: string | null,
    nation: string,
    closure: string | null = null,
    closedOn: string | null = null,
  ) =>
    (
      await app.query<{ until: string | null }>(
        'SELECT haven_retain_until($1::date, $2, $3, $4::date)::text AS until',
        [dateOfBirth, nation, closure, closedOn],
      )
    )[0].until;

  it.each([
    ['ENGLAND', '2010-05-01', '2085-05-01'],
    ['WALES', '2010-05-01', '2085-05-01'],
    ['NORTHERN_IRELAND', '2010-05-01', '2085-05-01'],
    ['SCOTLAND', '2010-05-01', '2110-05-01'],
    // a 29 February birthday falls on 28 February in a common year, and stays on 29 February in a leap one
    ['ENGLAND', '2008-02-29', '2083-02-28'],
    ['ENGLAND', '2005-02-28', '2080-02-28'],
    ['SCOTLAND', '2000-02-29', '2100-02-28'], // 2100 is not a leap year
    ['SCOTLAND', '2004-02-29', '2104-02-29'], // 2104 is
    ['WALES', '1952-02-29', '2027-02-28'],
  ])('keeps a record from %s of a child born on %s until %s', async (nation, dateOfBirth, expected) => {
    expect(await retainUntil(dateOfBirth, nation)).toBe(expected);
  });

  it('keeps a record without a date of birth: its retention cannot be computed', async () => {
    expect(await retainUntil(null, 'ENGLAND')).toBeNull();
    expect(await retainUntil(null, 'SCOTLAND', 'DIED', '2020-01-01')).toBeNull();
  });

  it('keeps the record of a child who died until the later of the birthday and the years after the death', async () => {
    // a Scottish child who died at 10: 25 years after the death (2045) or the 100th birthday (2110)
    expect(await retainUntil('2010-06-01', 'SCOTLAND', 'DIED', '2020-06-01')).toBe('2110-06-01');
    // an English child who died at 17, the day before their 18th birthday: 2042 or the 75th birthday (2085)
    expect(await retainUntil('2010-06-01', 'ENGLAND', 'DIED', '2028-05-31')).toBe('2085-06-01');
    // a death at 18 or older extends nothing
    expect(await retainUntil('2010-06-01', 'ENGLAND', 'DIED', '2028-06-01')).toBe('2085-06-01');
    expect(await retainUntil('2010-06-01', 'SCOTLAND', 'DIED', '2040-06-01')).toBe('2110-06-01');
    // with these periods the birthday is always the later (a death before 18, plus 15 or 25 years, comes
    // before the 75th birthday): the extension can never show, whatever the day of the death
    expect(await retainUntil('1990-01-01', 'SCOTLAND', 'DIED', '2000-02-29')).toBe('2090-01-01');
    expect(await retainUntil('2008-02-29', 'WALES', 'DIED', '2008-03-01')).toBe('2083-02-28');
    // another closure on the same day is not a death
    expect(await retainUntil('2010-06-01', 'ENGLAND', 'TRANSFERRED', '2020-06-01')).toBe('2085-06-01');
  });

  it('answers Child.retainUntil from the same rule, by the nation of the authority', async () => {
    const english = socialWorker(HILLINGDON, 'sw-retention');
    const scottish = socialWorker(GLASGOW, 'sw-retention-glasgow');
    const ayesha = await newChild(app, english, { givenName: 'Ayesha', claimedDateOfBirth: '2008-02-29' });
    const morag = await newChild(app, scottish, { givenName: 'Morag', claimedDateOfBirth: '2010-06-01' });
    const unknown = await newChild(app, scottish, { givenName: 'Unknown', claimedDateOfBirth: null });
    const read = async (caller: typeof english, id: string) =>
      (
        await app.ok<{ child: { retainUntil: string | null } }>(
          caller,
          'query($id: ID!) { child(id: $id) { retainUntil } }',
          { id },
        )
      ).child.retainUntil;
    expect(await read(english, ayesha.id)).toBe('2083-02-28');
    expect(await read(scottish, morag.id)).toBe('2110-06-01');
    expect(await read(scottish, unknown.id)).toBeNull();

    // a Scottish child who died at 10: the 100th birthday is the later
    await app.ok(
      teamManager(GLASGOW, 'tm-retention-glasgow'),
      `mutation($input: CloseCaseInput!) { closeCase(input: $input) { status } }`,
      {
        input: { childId: morag.id, expectedVersion: morag.version, reason: 'DIED', closedOn: '2020-06-01' },
      },
    );
    expect(await read(scottish, morag.id)).toBe('2110-06-01');

    // the list reads it too, batched
    const list = await app.ok<{
      children: { edges: { node: { givenName: string; retainUntil: string | null } }[] };
    }>(scottish, '{ children { edges { node { givenName retainUntil } } } }');
    expect(
      Object.fromEntries(list.children.edges.map(({ node }) => [node.givenName, node.retainUntil])),
    ).toEqual({
      Morag: '2110-06-01',
      Unknown: null,
    });
  });
});
