import { LOCAL_AUTHORITIES } from './local-authorities';

describe('the children’s services authorities', () => {
  const count = (nation: string) =>
    LOCAL_AUTHORITIES.filter((authority) => authority.nation === nation).length;

  it('lists every authority of each nation', () => {
    expect(count('ENGLAND')).toBe(153);
    expect(count('WALES')).toBe(22);
    expect(count('SCOTLAND')).toBe(32);
    expect(count('NORTHERN_IRELAND')).toBe(5);
  });

  it('keys them by unique codes of the right shape for their nation', () => {
    const codes = LOCAL_AUTHORITIES.map((authority) => authority.code);
    expect(new Set(codes).size).toBe(codes.length);
    const shapes: Record<string, RegExp> = {
      ENGLAND: /^E(06|08|09|10)\d{6}$/,
      WALES: /^W06\d{6}$/,
      SCOTLAND: /^S12\d{6}$/,
      NORTHERN_IRELAND: /^ZT\d{3}$/,
    };
    for (const authority of LOCAL_AUTHORITIES) expect(authority.code).toMatch(shapes[authority.nation]);
  });

  it('uses the current structure (after the 2023 reorganisations)', () => {
    const byCode = new Map(LOCAL_AUTHORITIES.map((authority) => [authority.code, authority.name]));
    expect(byCode.get('E09000017')).toBe('Hillingdon');
    expect(byCode.get('E06000065')).toBe('North Yorkshire');
    expect(byCode.has('E10000006')).toBe(false); // Cumbria, abolished in 2023
  });
});
