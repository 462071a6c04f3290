import { AgeAssessmentOutcome, AgeAssessmentStatus } from './age-assessment.enums';
import { adultClosureRefusal, assessedDateOfBirth, missingSafeguards } from './age-assessment-rules';

const all = {
  twoAssessors: true,
  appropriateAdult: true,
  interpreterUsed: true,
  adversePointsPut: true,
  writtenReasons: true,
};

describe('age assessment rules', () => {
  it('names every Merton safeguard not recorded as met', () => {
    expect(missingSafeguards(all, true)).toEqual([]);
    expect(missingSafeguards({ ...all, appropriateAdult: false, writtenReasons: null }, false)).toEqual([
      'an appropriate adult present',
      'reasons given in writing',
    ]);
  });

  it('asks for an interpreter only where the child needs one', () => {
    expect(missingSafeguards({ ...all, interpreterUsed: false }, false)).toEqual([]);
    expect(missingSafeguards({ ...all, interpreterUsed: false }, true)).toEqual([
      'an interpreter (the child needs one)',
    ]);
  });

  it('keeps the claimed date when the claim is accepted', () => {
    const request = {
      outcome: AgeAssessmentOutcome.CLAIMED_AGE_ACCEPTED,
      assessedDateOfBirth: null,
      completedOn: '2026-03-01',
    };
    expect(assessedDateOfBirth(request, '2010-01-01')).toEqual({ date: '2010-01-01' });
  });

  it('checks that the date of birth agrees with the outcome', () => {
    const on = '2026-03-01';
    const check = (outcome: AgeAssessmentOutcome, date: string) =>
      assessedDateOfBirth({ outcome, assessedDateOfBirth: date, completedOn: on }, '2010-01-01');
    expect(check(AgeAssessmentOutcome.ASSESSED_YOUNGER, '2011-01-01')).toEqual({ date: '2011-01-01' });
    expect(check(AgeAssessmentOutcome.ASSESSED_YOUNGER, '2009-01-01')).toHaveProperty('field');
    expect(check(AgeAssessmentOutcome.ASSESSED_OLDER_STILL_CHILD, '2009-01-01')).toEqual({
      date: '2009-01-01',
    });
    expect(check(AgeAssessmentOutcome.ASSESSED_OLDER_STILL_CHILD, '2008-03-01')).toHaveProperty('field'); // 18 on the day
    expect(check(AgeAssessmentOutcome.ASSESSED_ADULT, '2008-03-01')).toEqual({ date: '2008-03-01' });
    expect(check(AgeAssessmentOutcome.ASSESSED_ADULT, '2008-03-02')).toHaveProperty('field');
    expect(check(AgeAssessmentOutcome.ASSESSED_ADULT, '2027-01-01')).toHaveProperty('field');
  });
});

describe('closing a case as AGE_ASSESSED_ADULT', () => {
  const adult = {
    outcome: AgeAssessmentOutcome.ASSESSED_ADULT,
    assessedDateOfBirth: '2005-01-01',
    decidedOn: '2026-05-10',
    byCourt: false,
  };
  const open = (status: AgeAssessmentStatus) => ({
    status,
    raisedOn: '2026-05-03',
    completedOn: status === AgeAssessmentStatus.CHALLENGED ? '2026-05-10' : null,
    challengedOn: status === AgeAssessmentStatus.CHALLENGED ? '2026-05-20' : null,
  });

  it('is refused while a dispute is raised, in progress or challenged: the person is a child', () => {
    expect(adultClosureRefusal(open(AgeAssessmentStatus.RAISED), null, '2026-06-01')).toMatch(
      /^The age dispute raised on 3 May 2026 is still open \(raised\)/,
    );
    expect(adultClosureRefusal(open(AgeAssessmentStatus.IN_PROGRESS), adult, '2026-06-01')).toMatch(
      /still open \(assessment in progress\)/,
    );
    expect(adultClosureRefusal(open(AgeAssessmentStatus.CHALLENGED), null, '2026-06-01')).toMatch(
      /completed on 10 May 2026 is under challenge \(judicial review brought on 20 May 2026\)/,
    );
  });

  it('needs the decision that stands to be an adult one, made on or before the closure date', () => {
    expect(adultClosureRefusal(null, null, '2026-06-01')).toMatch(/No completed age assessment/);
    expect(adultClosureRefusal(null, adult, '2026-05-10')).toBeNull(); // the day of the decision
    expect(adultClosureRefusal(null, adult, '2026-05-09')).toMatch(/after 9 May 2026/); // the day before
    const court = {
      ...adult,
      outcome: AgeAssessmentOutcome.ASSESSED_OLDER_STILL_CHILD,
      decidedOn: '2026-07-01',
      byCourt: true,
    };
    expect(adultClosureRefusal(null, court, '2026-08-01')).toMatch(
      /^The court's final determination on 1 July 2026 found the person older than claimed but still a child/,
    );
  });
});
