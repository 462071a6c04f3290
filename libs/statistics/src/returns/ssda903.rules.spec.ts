import {
  beganAsAdult,
  checkMissing,
  checkUasc,
  collectionYear,
  csv,
  dateUascCeased,
  eighteenBeforeYear,
  MissingRecord,
  missingCsv,
  missingEnd,
  sexCode,
  UascRecord,
  uascCsv,
} from './ssda903.rules';

// the 2025-26 return: 1 April 2025 to 31 March 2026
const YEAR = collectionYear(2026);

const episode = (overrides: Partial<MissingRecord>): MissingRecord => ({
  child: 'A100',
  childId: 'c1',
  dob: '2010-05-01',
  missing: 'M',
  start: '2025-06-01',
  end: '2025-06-02',
  ...overrides,
});

const uasc = (overrides: Partial<UascRecord>): UascRecord => ({
  child: 'A100',
  childId: 'c1',
  sex: 'M',
  dob: '2010-05-01',
  duc: '2028-05-01',
  ...overrides,
});

const messages = (problems: { message: string }[]) => problems.map((problem) => problem.message);

describe('the collection year', () => {
  it('runs from 1 April to 31 March, named by its end', () => {
    expect(YEAR).toEqual({ year: 2026, start: '2025-04-01', end: '2026-03-31' });
  });
});

describe('SEX', () => {
  it('is M, F or U from the 2024-25 return: OTHER and NOT_KNOWN are U', () => {
    expect(['MALE', 'FEMALE', 'OTHER', 'NOT_KNOWN'].map((gender) => sexCode(gender, 2025))).toEqual([
      'M',
      'F',
      'U',
      'U',
    ]);
  });

  it('was 1 or 2 up to the 2023-24 return, with no code for the others', () => {
    expect(['MALE', 'FEMALE', 'OTHER', 'NOT_KNOWN'].map((gender) => sexCode(gender, 2024))).toEqual([
      '1',
      '2',
      '',
      '',
    ]);
  });

  it('101: anything else is reported, by the rule of the year', () => {
    expect(messages(checkUasc([uasc({ sex: 'U' })], YEAR))).toEqual([]);
    expect(messages(checkUasc([uasc({ sex: '1' })], YEAR))).toEqual(['101: SEX must be M, F or U']);
    expect(messages(checkUasc([uasc({ sex: '' })], collectionYear(2024)))).toEqual([
      '101: SEX must be 1 (male) or 2 (female) before 2024-25: the gender recorded has no code',
    ]);
  });
});

describe('MIS_END', () => {
  it('is the return date when the child was back by the end of 31 March, blank otherwise', () => {
    expect(missingEnd('2026-03-31', YEAR)).toBe('2026-03-31');
    expect(missingEnd('2026-04-01', YEAR)).toBeNull();
    expect(missingEnd(null, YEAR)).toBeNull();
  });
});

describe('the Missing table rules', () => {
  it('passes an episode inside the year, and one still open', () => {
    expect(checkMissing([episode({}), episode({ childId: 'c2', child: 'A200', end: null })], YEAR)).toEqual(
      [],
    );
  });

  it('564/565/566: MISSING and the dates go together', () => {
    expect(messages(checkMissing([episode({ start: null, end: null })], YEAR))).toEqual([
      '564: MIS_START is blank for a missing or away episode',
    ]);
    expect(messages(checkMissing([episode({ missing: null })], YEAR))).toEqual([
      '565: MISSING is blank but MIS_START is given',
      '566: MISSING is blank but MIS_END is given',
    ]);
  });

  it('567: MIS_END before MIS_START fails; the same day passes', () => {
    expect(messages(checkMissing([episode({ start: '2025-06-02', end: '2025-06-01' })], YEAR))).toEqual([
      '567: MIS_END is before MIS_START',
    ]);
    expect(checkMissing([episode({ start: '2025-06-02', end: '2025-06-02' })], YEAR)).toEqual([]);
  });

  it('570: MIS_START on 31 March passes, on 1 April fails', () => {
    expect(checkMissing([episode({ start: '2026-03-31', end: null })], YEAR)).toEqual([]);
    expect(messages(checkMissing([episode({ start: '2026-04-01', end: null })], YEAR))).toEqual([
      '570: MIS_START is after the end of the collection year',
    ]);
  });

  it('571: MIS_END must be within the year; an episode from before the year may end in it', () => {
    expect(checkMissing([episode({ start: '2025-03-30', end: '2025-04-01' })], YEAR)).toEqual([]);
    expect(checkMissing([episode({ start: '2026-03-30', end: '2026-03-31' })], YEAR)).toEqual([]);
    expect(messages(checkMissing([episode({ start: '2025-03-30', end: '2025-03-31' })], YEAR))).toEqual([
      '571: MIS_END is before the start or after the end of the collection year',
    ]);
    expect(messages(checkMissing([episode({ start: '2026-03-30', end: '2026-04-01' })], YEAR))).toEqual([
      '571: MIS_END is before the start or after the end of the collection year',
    ]);
  });

  it('574: an episode may start the day the last ended, not before it, nor after one left open', () => {
    const first = episode({ start: '2025-06-01', end: '2025-06-05' });
    expect(checkMissing([first, episode({ start: '2025-06-05', end: '2025-06-06' })], YEAR)).toEqual([]);
    expect(
      messages(checkMissing([first, episode({ start: '2025-06-04', end: '2025-06-09' })], YEAR)),
    ).toEqual(['574: the episode starts while the one before it is still open, or overlaps it']);
    expect(
      messages(
        checkMissing(
          [episode({ start: '2025-06-01', end: null }), episode({ start: '2025-06-07', end: '2025-06-08' })],
          YEAR,
        ),
      ),
    ).toEqual(['574: the episode starts while the one before it is still open, or overlaps it']);
    // another child's episodes do not count
    expect(
      checkMissing(
        [first, episode({ childId: 'c2', child: 'A200', start: '2025-06-03', end: '2025-06-04' })],
        YEAR,
      ),
    ).toEqual([]);
  });

  it('586: MIS_START on the date of birth fails, the day after passes', () => {
    expect(messages(checkMissing([episode({ dob: '2025-06-01' })], YEAR))).toEqual([
      '586: MIS_START is on or before the date of birth',
    ]);
    expect(checkMissing([episode({ dob: '2025-05-31' })], YEAR)).toEqual([]);
  });

  it('reports a blank DOB and a missing local identifier, with the child’s record', () => {
    expect(checkMissing([episode({ dob: null, child: '' })], YEAR)).toEqual([
      {
        child: '',
        childId: 'c1',
        table: 'Missing',
        field: 'CHILD',
        message: 'INT04: CHILD: no local identifier recorded — record the case-management person id',
      },
      {
        child: '',
        childId: 'c1',
        table: 'Missing',
        field: 'DOB',
        message: '102: DOB is blank — record the date of birth',
      },
    ]);
  });
});

describe('the UASC table rules', () => {
  it('104: DUC on 1 April passes, on 31 March before the year fails', () => {
    expect(checkUasc([uasc({ dob: '2007-04-01', duc: '2025-04-01' })], YEAR)).toEqual([]);
    expect(messages(checkUasc([uasc({ dob: '2007-03-31', duc: '2025-03-31' })], YEAR))).toEqual([
      '104: DUC is before the start of the collection year',
    ]);
  });

  it('304: DUC on the 18th birthday passes, the day after fails', () => {
    expect(checkUasc([uasc({ duc: '2028-05-01' })], YEAR)).toEqual([]);
    expect(messages(checkUasc([uasc({ duc: '2028-05-02' })], YEAR))).toEqual([
      '304: DUC is after the 18th birthday',
    ]);
  });

  it('INT09: a UASC child without a local identifier is reported', () => {
    expect(messages(checkUasc([uasc({ child: '' })], YEAR))).toEqual([
      'INT09: CHILD: no local identifier recorded — record the case-management person id',
    ]);
  });
});

describe('DUC', () => {
  it('is the 18th birthday while UASC status has not ceased, even after the year', () => {
    expect(dateUascCeased('2010-05-01', null, null)).toBe('2028-05-01');
    expect(dateUascCeased('2010-05-01', '2025-09-01', 'TRANSFERRED')).toBe('2028-05-01');
    expect(dateUascCeased('2008-02-29', null, null)).toBe('2026-02-28');
  });

  it('is the day the status ceased when the child went back to family or died first', () => {
    expect(dateUascCeased('2010-05-01', '2025-09-01', 'RETURNED_TO_FAMILY')).toBe('2025-09-01');
    expect(dateUascCeased('2010-05-01', '2025-09-01', 'DIED')).toBe('2025-09-01');
    expect(dateUascCeased('2007-05-01', '2025-09-01', 'RETURNED_TO_FAMILY')).toBe('2025-05-01');
  });

  it('is blank without a date of birth and a cessation', () => {
    expect(dateUascCeased(null, null, null)).toBeNull();
  });
});

describe('who is in the tables', () => {
  it('leaves out a young person 18 the day before 1 April, keeps one 18 on 1 April', () => {
    expect(eighteenBeforeYear('2007-03-31', YEAR)).toBe(true);
    expect(eighteenBeforeYear('2007-04-01', YEAR)).toBe(false);
    expect(eighteenBeforeYear(null, YEAR)).toBe(false);
  });

  it('leaves out an episode that began on the 18th birthday, keeps one from the day before', () => {
    expect(beganAsAdult('2007-06-01', '2025-06-01')).toBe(true);
    expect(beganAsAdult('2007-06-01', '2025-05-31')).toBe(false);
    expect(beganAsAdult(null, '2025-05-31')).toBe(false);
  });
});

describe('the files', () => {
  it('write dates as DD/MM/YYYY, blanks as nothing, lines ending CRLF', () => {
    expect(missingCsv([episode({ end: null })])).toBe(
      'CHILD,DOB,MISSING,MIS_START,MIS_END\r\nA100,01/05/2010,M,01/06/2025,\r\n',
    );
    expect(uascCsv([uasc({ sex: 'F' })])).toBe('CHILD,SEX,DOB,DUC\r\nA100,F,01/05/2010,01/05/2028\r\n');
  });

  it('quote a field that holds a comma or a quote', () => {
    expect(csv([['A,1', 'say "hi"', 'plain']])).toBe('"A,1","say ""hi""",plain\r\n');
  });
});
