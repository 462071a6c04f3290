import { calendarMonth, calendarWeeks } from './meeting-calendar';

describe('the meetings calendar', () => {
  it('shows whole weeks, Monday to Sunday, around the month asked for', () => {
    const may = calendarMonth('2026-05');
    expect(may).toEqual({
      month: '2026-05',
      title: 'May 2026',
      previous: '2026-04',
      next: '2026-06',
      from: '2026-04-27',
      to: '2026-05-31',
    });
    expect(calendarMonth('2026-12')).toMatchObject({
      previous: '2026-11',
      next: '2027-01',
      to: '2027-01-03',
    });
    expect(calendarMonth('2027-01')).toMatchObject({ previous: '2026-12', from: '2026-12-28' });
  });

  it('falls back to the current month in UK time when the address names none or nonsense', () => {
    // 23:30 UTC on 31 May is 1 June in London (summer time)
    const now = new Date('2026-05-31T23:30:00Z');
    expect(calendarMonth('', now).month).toBe('2026-06');
    expect(calendarMonth('2026-13', now).month).toBe('2026-06');
    expect(calendarMonth('<script>', now).month).toBe('2026-06');
  });

  it('puts each meeting in its week by its UK date, in time order, and keeps empty weeks', () => {
    const weeks = calendarWeeks(
      calendarMonth('2026-05'),
      [
        { id: 'b', at: '2026-05-06T13:00:00Z' },
        { id: 'a', at: '2026-05-04T08:00:00Z' },
        // 23:30 UTC on Sunday 10 May is Monday 11 May in London: the next week
        { id: 'c', at: '2026-05-10T23:30:00Z' },
        { id: 'outside', at: '2026-06-01T09:00:00Z' },
      ],
      (item) => item.at,
    );
    expect(weeks.map((week) => week.title)).toEqual([
      'Week beginning Monday 27 April 2026',
      'Week beginning Monday 4 May 2026',
      'Week beginning Monday 11 May 2026',
      'Week beginning Monday 18 May 2026',
      'Week beginning Monday 25 May 2026',
    ]);
    expect(weeks[0].items).toEqual([]);
    expect(weeks[1].items.map((item) => [item.id, item.day, item.time])).toEqual([
      ['a', 'Monday 4 May 2026', '9:00am'],
      ['b', 'Wednesday 6 May 2026', '2:00pm'],
    ]);
    expect(weeks[2].items.map((item) => [item.id, item.day])).toEqual([['c', 'Monday 11 May 2026']]);
  });
});
