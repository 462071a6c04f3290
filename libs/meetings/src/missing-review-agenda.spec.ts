import { AgendaReason } from './meeting.enums';
import { agendaReasonText } from './missing-review-agenda';

describe('why a child is on a missing review', () => {
  // London keeps GMT from 25 October 2026: 23:30 UTC on 31 October is still 31 October there
  const since = new Date('2026-10-31T23:30:00Z');
  const summer = new Date('2026-06-30T23:30:00Z'); // 1 July in London (BST)

  it('says how many episodes began since the start of the window, on its London date', () => {
    expect(agendaReasonText(AgendaReason.MISSING_SINCE_LAST_REVIEW, 1, since, false)).toBe(
      '1 episode since 31 Oct 2026',
    );
    expect(agendaReasonText(AgendaReason.MISSING_SINCE_LAST_REVIEW, 3, summer, true)).toBe(
      '3 episodes since 1 Jul 2026',
    );
  });

  it('says a child is missing now, or was when the review was held', () => {
    expect(agendaReasonText(AgendaReason.MISSING_NOW, 0, since, false)).toBe('Missing now');
    expect(agendaReasonText(AgendaReason.MISSING_NOW, 2, since, false)).toBe(
      'Missing now; 2 episodes since 31 Oct 2026',
    );
    expect(agendaReasonText(AgendaReason.MISSING_NOW, 1, since, true)).toBe(
      'Missing when the review was held; 1 episode since 31 Oct 2026',
    );
  });

  it('falls back to the reason alone where the episodes were not counted', () => {
    expect(agendaReasonText(AgendaReason.MISSING_SINCE_LAST_REVIEW, null, since, true)).toBe(
      'Missing since the last review',
    );
    expect(agendaReasonText(AgendaReason.NAMED, null, null, false)).toBe(
      'Named when the meeting was scheduled',
    );
  });
});
