import { AgeAssessmentOutcome } from './age-assessment.enums';
import { assessedDateOfBirth, missingSafeguards } from './age-assessment-rules';

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
