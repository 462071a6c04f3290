import { londonInstant, parseDate, parseDateTime, parseTime, partsOfInstant } from './form-values';

describe('form values', () => {
  it('reads a UK wall-clock time as the instant it names, in winter and in summer', () => {
    expect(londonInstant('2026-01-15', 14, 30).toISOString()).toBe('2026-01-15T14:30:00.000Z');
    expect(londonInstant('2026-07-15', 14, 30).toISOString()).toBe('2026-07-15T13:30:00.000Z');
    // the night the clocks go back (25 October 2026): 00:30 is still summer time
    expect(londonInstant('2026-10-25', 0, 30).toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(londonInstant('2026-10-25', 3, 0).toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });

  it('shows an instant in UK time, to the minute, and reads it back', () => {
    const parts = partsOfInstant('2026-07-15T13:30:59.000Z');
    expect(parts).toEqual({ day: '15', month: '7', year: '2026', time: '14:30' });
    expect(parseDateTime(parts, 'When')).toEqual({ ok: true, value: '2026-07-15T13:30:00.000Z' });
  });

  it.each([
    ['14:30', { hours: 14, minutes: 30 }],
    ['2:30pm', { hours: 14, minutes: 30 }],
    ['12am', { hours: 0, minutes: 0 }],
    ['9.05', { hours: 9, minutes: 5 }],
    ['25:00', null],
    ['13pm', null],
    ['noon', null],
  ])('reads the time %s', (text, expected) => {
    expect(parseTime(text)).toEqual(expected);
  });

  it('leaves a date empty when every box is, and refuses boxes that are not numbers', () => {
    expect(parseDate({ day: '', month: '', year: '' }, 'Date of birth')).toEqual({ ok: true, value: null });
    expect(parseDate({ day: '3', month: '4', year: '2011' }, 'Date of birth')).toEqual({
      ok: true,
      value: '2011-04-03',
    });
    expect(parseDate({ day: '3', month: 'April', year: '2011' }, 'Date of birth')).toEqual({
      ok: false,
      message: 'Date of birth must be a real date, for example 27 3 2010',
    });
    expect(parseDateTime({ day: '3', month: '4', year: '2026', time: '' }, 'When')).toMatchObject({
      ok: false,
    });
  });
});
