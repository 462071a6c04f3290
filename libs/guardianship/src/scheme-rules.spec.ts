import { loadConfig, Nation } from '@haven/platform';
import { GuardianScheme } from './guardianship.enums';
import { assignmentRefusal, ChildFacts } from './scheme-rules';

const settings = loadConfig({}).guardianship;
const child = (overrides: Partial<ChildFacts> = {}): ChildFacts => ({
  nation: Nation.ENGLAND,
  categories: [],
  referredToNrm: false,
  effectiveDateOfBirth: '2010-06-15',
  ageDisputed: false,
  ...overrides,
});

describe('guardian scheme rules', () => {
  it('gives an ICTG in England and Wales to children referred into the NRM only', () => {
    expect(assignmentRefusal(GuardianScheme.ICTG_DIRECT, child(), '2026-01-01', settings)).toMatch(/NRM/);
    expect(
      assignmentRefusal(
        GuardianScheme.ICTG_DIRECT,
        child({ categories: ['UNACCOMPANIED_ASYLUM_SEEKING'] }),
        '2026-01-01',
        settings,
      ),
    ).toMatch(/NRM/);
    expect(
      assignmentRefusal(GuardianScheme.ICTG_DIRECT, child({ referredToNrm: true }), '2026-01-01', settings),
    ).toBeNull();
    expect(
      assignmentRefusal(
        GuardianScheme.ICTG_REGIONAL_COORDINATOR,
        child({ nation: Nation.WALES, referredToNrm: true }),
        '2026-01-01',
        settings,
      ),
    ).toBeNull();
  });

  it('gives Scottish and Northern Irish guardians to every separated or trafficked child', () => {
    for (const [scheme, nation] of [
      [GuardianScheme.SCOTTISH_GUARDIANSHIP, Nation.SCOTLAND],
      [GuardianScheme.NI_INDEPENDENT_GUARDIAN, Nation.NORTHERN_IRELAND],
    ] as const) {
      expect(
        assignmentRefusal(scheme, child({ nation, categories: ['SEPARATED'] }), '2026-01-01', settings),
      ).toBeNull();
      expect(
        assignmentRefusal(scheme, child({ nation, categories: ['TRAFFICKED'] }), '2026-01-01', settings),
      ).toBeNull();
      expect(
        assignmentRefusal(
          scheme,
          child({ nation, categories: ['AT_RISK_OF_EXPLOITATION'] }),
          '2026-01-01',
          settings,
        ),
      ).toMatch(/unaccompanied, separated or trafficked/);
    }
  });

  it('refuses a scheme outside its nation', () => {
    expect(
      assignmentRefusal(
        GuardianScheme.SCOTTISH_GUARDIANSHIP,
        child({ categories: ['SEPARATED'] }),
        '2026-01-01',
        settings,
      ),
    ).toMatch(/does not serve children in England/);
    expect(
      assignmentRefusal(
        GuardianScheme.ICTG_DIRECT,
        child({ nation: Nation.SCOTLAND, referredToNrm: true }),
        '2026-01-01',
        settings,
      ),
    ).toMatch(/Scotland/);
  });

  it('holds each scheme’s age limit to the birthday', () => {
    const trafficked = child({ referredToNrm: true, effectiveDateOfBirth: '2008-06-15' });
    expect(assignmentRefusal(GuardianScheme.ICTG_DIRECT, trafficked, '2026-06-14', settings)).toBeNull();
    expect(assignmentRefusal(GuardianScheme.ICTG_DIRECT, trafficked, '2026-06-15', settings)).toMatch(
      /ends at 18/,
    );
    const scottish = child({
      nation: Nation.SCOTLAND,
      categories: ['SEPARATED'],
      effectiveDateOfBirth: '2005-06-15',
    });
    expect(
      assignmentRefusal(GuardianScheme.SCOTTISH_GUARDIANSHIP, scottish, '2026-06-14', settings),
    ).toBeNull();
    expect(assignmentRefusal(GuardianScheme.SCOTTISH_GUARDIANSHIP, scottish, '2026-06-15', settings)).toMatch(
      /ends at 21/,
    );
    const leap = child({
      nation: Nation.NORTHERN_IRELAND,
      categories: ['TRAFFICKED'],
      effectiveDateOfBirth: '2004-02-29',
    });
    expect(
      assignmentRefusal(GuardianScheme.NI_INDEPENDENT_GUARDIAN, leap, '2025-02-27', settings),
    ).toBeNull();
    expect(assignmentRefusal(GuardianScheme.NI_INDEPENDENT_GUARDIAN, leap, '2025-02-28', settings)).toMatch(
      /ends at 21/,
    );
  });

  it('treats a young person whose age is disputed as a child', () => {
    const disputed = child({ referredToNrm: true, effectiveDateOfBirth: '2000-01-01', ageDisputed: true });
    expect(assignmentRefusal(GuardianScheme.ICTG_DIRECT, disputed, '2026-01-01', settings)).toBeNull();
  });
});
