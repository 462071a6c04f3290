import { loadConfig, Nation } from '@haven/platform';
import { GuardianScheme } from './guardianship.enums';
import {
  assignmentRefusal,
  ChildFacts,
  nationalEligibility,
  schemeEligibility,
  schemesServing,
} from './scheme-rules';
import { eligibilityCases } from './scheme-rules.cases';

const settings = loadConfig({}).guardianship;
const ON = '2026-12-02';
const child = (overrides: Partial<ChildFacts> = {}): ChildFacts => ({
  nation: Nation.ENGLAND,
  categories: [],
  referredToNrm: false,
  parentalResponsibilityInUk: null,
  effectiveDateOfBirth: '2010-06-15',
  ageDisputed: false,
  ...overrides,
});
const refusal = (scheme: GuardianScheme, facts: ChildFacts, on = ON, config = settings) =>
  assignmentRefusal(scheme, facts, on, config);
const {
  ICTG_DIRECT,
  ICTG_REGIONAL_COORDINATOR,
  SCOTTISH_GUARDIANSHIP,
  NI_INDEPENDENT_GUARDIAN,
  OTHER_ADVOCATE,
} = GuardianScheme;

describe('guardian scheme rules', () => {
  describe('England and Wales: an ICTG for every child who is, or is suspected of being, trafficked', () => {
    it('needs no NRM referral first: the TRAFFICKED category is enough, and so is a referral', () => {
      expect(refusal(ICTG_DIRECT, child({ categories: ['TRAFFICKED'] }))).toBeNull();
      expect(refusal(ICTG_DIRECT, child({ referredToNrm: true }))).toBeNull();
      expect(
        refusal(ICTG_REGIONAL_COORDINATOR, child({ nation: Nation.WALES, categories: ['TRAFFICKED'] })),
      ).toBeNull();
    });

    it('refuses a child neither trafficked nor referred, saying who the service is for', () => {
      for (const categories of [
        [],
        ['UNACCOMPANIED_ASYLUM_SEEKING'],
        ['SEPARATED'],
        ['AT_RISK_OF_EXPLOITATION'],
      ]) {
        expect(refusal(ICTG_DIRECT, child({ categories }))).toMatch(
          /is for a child who is, or is suspected of being, trafficked: record the TRAFFICKED category or an NRM referral \(the referral is not needed first\)/,
        );
      }
    });

    it('chooses the model by parental responsibility: DIRECT where no one holds it, REGIONAL where someone does, either while not known', () => {
      const trafficked = (parentalResponsibilityInUk: boolean | null) =>
        child({ categories: ['TRAFFICKED'], parentalResponsibilityInUk });
      expect(refusal(ICTG_DIRECT, trafficked(true))).toMatch(
        /Someone in the UK holds parental responsibility.*ICTG_REGIONAL_COORDINATOR/,
      );
      expect(refusal(ICTG_REGIONAL_COORDINATOR, trafficked(true))).toBeNull();
      expect(refusal(ICTG_DIRECT, trafficked(false))).toBeNull();
      expect(refusal(ICTG_REGIONAL_COORDINATOR, trafficked(false))).toMatch(
        /No one in the UK holds parental responsibility.*ICTG_DIRECT/,
      );
      expect(refusal(ICTG_DIRECT, trafficked(null))).toBeNull();
      expect(refusal(ICTG_REGIONAL_COORDINATOR, trafficked(null))).toBeNull();
    });

    it('treats an unaccompanied child as having no one with parental responsibility', () => {
      const unaccompanied = child({ categories: ['TRAFFICKED', 'UNACCOMPANIED_ASYLUM_SEEKING'] });
      expect(refusal(ICTG_DIRECT, unaccompanied)).toBeNull();
      expect(refusal(ICTG_REGIONAL_COORDINATOR, unaccompanied)).toMatch(/An unaccompanied child has no one/);
    });
  });

  describe('Scotland: Guardianship Scotland when no one in the UK holds parental rights and responsibilities', () => {
    const scottish = (overrides: Partial<ChildFacts>) => child({ nation: Nation.SCOTLAND, ...overrides });

    it('serves a victim, possible victim or child at risk of trafficking, and an unaccompanied or separated child', () => {
      for (const category of [
        'TRAFFICKED',
        'AT_RISK_OF_EXPLOITATION',
        'UNACCOMPANIED_ASYLUM_SEEKING',
        'SEPARATED',
      ])
        for (const parentalResponsibilityInUk of [false, null]) {
          expect(
            refusal(SCOTTISH_GUARDIANSHIP, scottish({ categories: [category], parentalResponsibilityInUk })),
          ).toBeNull();
        }
      expect(refusal(SCOTTISH_GUARDIANSHIP, scottish({ referredToNrm: true }))).toBeNull();
      expect(refusal(SCOTTISH_GUARDIANSHIP, scottish({}))).toMatch(/Guardianship Scotland is for a child/);
    });

    it('refuses where someone in the UK holds parental responsibility, except for an unaccompanied child', () => {
      for (const category of ['TRAFFICKED', 'AT_RISK_OF_EXPLOITATION', 'SEPARATED']) {
        expect(
          refusal(
            SCOTTISH_GUARDIANSHIP,
            scottish({ categories: [category], parentalResponsibilityInUk: true }),
          ),
        ).toMatch(/someone in the UK holds parental responsibility for this child/);
      }
      expect(
        refusal(
          SCOTTISH_GUARDIANSHIP,
          scottish({ categories: ['UNACCOMPANIED_ASYLUM_SEEKING'], parentalResponsibilityInUk: true }),
        ),
      ).toBeNull();
    });
  });

  describe('Northern Ireland: a separated child, or one referred into the NRM when no one can exercise parental responsibility', () => {
    const northern = (overrides: Partial<ChildFacts>) =>
      child({ nation: Nation.NORTHERN_IRELAND, ...overrides });

    it('serves a separated or unaccompanied child whoever holds parental responsibility', () => {
      for (const category of ['SEPARATED', 'UNACCOMPANIED_ASYLUM_SEEKING'])
        for (const parentalResponsibilityInUk of [true, false, null]) {
          expect(
            refusal(
              NI_INDEPENDENT_GUARDIAN,
              northern({ categories: [category], parentalResponsibilityInUk }),
            ),
          ).toBeNull();
        }
    });

    it('serves a child referred, or about to be (TRAFFICKED), only when no one can exercise parental responsibility', () => {
      for (const facts of [{ categories: ['TRAFFICKED'] }, { referredToNrm: true }]) {
        expect(
          refusal(NI_INDEPENDENT_GUARDIAN, northern({ ...facts, parentalResponsibilityInUk: false })),
        ).toBeNull();
        expect(
          refusal(NI_INDEPENDENT_GUARDIAN, northern({ ...facts, parentalResponsibilityInUk: null })),
        ).toBeNull();
        expect(
          refusal(NI_INDEPENDENT_GUARDIAN, northern({ ...facts, parentalResponsibilityInUk: true })),
        ).toMatch(/someone in the UK holds parental responsibility/);
      }
      expect(refusal(NI_INDEPENDENT_GUARDIAN, northern({ categories: ['AT_RISK_OF_EXPLOITATION'] }))).toMatch(
        /is for a separated child/,
      );
    });
  });

  it('refuses a scheme outside its nation', () => {
    expect(refusal(SCOTTISH_GUARDIANSHIP, child({ categories: ['SEPARATED'] }))).toMatch(
      /Guardianship Scotland does not serve children in England/,
    );
    expect(refusal(ICTG_DIRECT, child({ nation: Nation.SCOTLAND, referredToNrm: true }))).toMatch(
      /does not serve children in Scotland/,
    );
    expect(schemesServing(Nation.WALES)).toEqual([ICTG_DIRECT, ICTG_REGIONAL_COORDINATOR, OTHER_ADVOCATE]);
    expect(schemesServing(Nation.NORTHERN_IRELAND)).toEqual([NI_INDEPENDENT_GUARDIAN, OTHER_ADVOCATE]);
  });

  describe('age limits: 18 by default in every nation, held to the birthday', () => {
    const cases = [
      [ICTG_DIRECT, child({ categories: ['TRAFFICKED'] })],
      [SCOTTISH_GUARDIANSHIP, child({ nation: Nation.SCOTLAND, categories: ['SEPARATED'] })],
      [NI_INDEPENDENT_GUARDIAN, child({ nation: Nation.NORTHERN_IRELAND, categories: ['SEPARATED'] })],
      [OTHER_ADVOCATE, child()],
    ] as const;

    it.each(cases)('%s: eligible the day before the 18th birthday, not on it', (scheme, facts) => {
      const born = { ...facts, effectiveDateOfBirth: '2008-06-15' };
      expect(refusal(scheme, born, '2026-06-14')).toBeNull();
      expect(refusal(scheme, born, '2026-06-15')).toMatch(/ends at 18; the young person is 18 on 2026-06-15/);
      expect(schemeEligibility(scheme, born, '2026-06-14', settings)).toMatchObject({
        eligible: true,
        ageLimit: 18,
        endsOn: '2026-06-15',
      });
    });

    it.each(cases)(
      '%s: a person whose age is disputed is a child, whatever the date of birth says',
      (scheme, facts) => {
        const disputed = { ...facts, effectiveDateOfBirth: '2000-01-01', ageDisputed: true };
        expect(refusal(scheme, disputed)).toBeNull();
        expect(schemeEligibility(scheme, disputed, ON, settings)).toMatchObject({
          eligible: true,
          endsOn: null,
        });
        expect(refusal(scheme, { ...facts, effectiveDateOfBirth: null })).toBeNull();
      },
    );

    it('puts a 29 February birthday on 28 February in a common year', () => {
      const leap = child({
        nation: Nation.NORTHERN_IRELAND,
        categories: ['TRAFFICKED'],
        effectiveDateOfBirth: '2008-02-29',
      });
      expect(refusal(NI_INDEPENDENT_GUARDIAN, leap, '2026-02-27')).toBeNull();
      expect(refusal(NI_INDEPENDENT_GUARDIAN, leap, '2026-02-28')).toMatch(/ends at 18/);
    });

    it('holds a configured limit beyond 18 to its birthday too', () => {
      const continuing = loadConfig({ GUARDIAN_AGE_LIMIT_SCOTLAND: '21' }).guardianship;
      const scottish = child({
        nation: Nation.SCOTLAND,
        categories: ['SEPARATED'],
        effectiveDateOfBirth: '2005-06-15',
      });
      expect(refusal(SCOTTISH_GUARDIANSHIP, scottish, '2026-06-14', continuing)).toBeNull();
      expect(refusal(SCOTTISH_GUARDIANSHIP, scottish, '2026-06-15', continuing)).toMatch(/ends at 21/);
      expect(refusal(SCOTTISH_GUARDIANSHIP, scottish, '2026-06-14')).toMatch(/ends at 18/);
    });
  });

  it('explains eligibility in plain words', () => {
    const unknown = child({ categories: ['TRAFFICKED'] });
    expect(schemeEligibility(ICTG_DIRECT, unknown, ON, settings).reason).toBe(
      'Eligible for the Independent Child Trafficking Guardian service: the child is, or is suspected of being, trafficked; whether anyone in the UK holds parental responsibility is not known, so either ICTG model may be chosen',
    );
    expect(
      schemeEligibility(
        SCOTTISH_GUARDIANSHIP,
        child({ nation: Nation.SCOTLAND, categories: ['AT_RISK_OF_EXPLOITATION'], ageDisputed: true }),
        ON,
        settings,
      ).reason,
    ).toBe(
      'Eligible for Guardianship Scotland: the child is a victim, possible victim or at risk of trafficking, or is unaccompanied or separated; whether anyone in the UK holds parental responsibility is not known, so the child is treated as if no one did; their age is disputed, so they are treated as a child',
    );
  });

  it('makes a child eligible for the nation exactly when one of its statutory schemes would take them', () => {
    for (const { label, facts } of eligibilityCases(ON, settings)) {
      const statutory = schemesServing(facts.nation).filter((scheme) => scheme !== OTHER_ADVOCATE);
      const anyScheme = statutory.some((scheme) => schemeEligibility(scheme, facts, ON, settings).eligible);
      expect([label, nationalEligibility(facts, ON, settings).eligible]).toEqual([label, anyScheme]);
    }
  });
});
