import { IsoDate, startOfLondonDay } from '@haven/platform';

const HOUR_MS = 3_600_000;

/**
 * "Soon after placement": the episode starts within the window (72 hours by default) of the start of
 * the placement the child was in, or of the child's arrival (from the start of the arrival day, in
 * London). The pattern the documents describe: most go within a week, many within 24 hours.
 */
export function startsSoonAfterPlacement(
  missingSince: Date,
  placementStartedAt: Date | null,
  arrivalDate: IsoDate | null,
  windowHours: number,
): boolean {
  const within = (from: Date) => {
    const elapsed = missingSince.getTime() - from.getTime();
    return elapsed >= 0 && elapsed <= windowHours * HOUR_MS;
  };
  return (
    (placementStartedAt !== null && within(placementStartedAt)) ||
    (arrivalDate !== null && within(startOfLondonDay(arrivalDate)))
  );
}

/**
 * A return interview is due within 72 hours of the return (RETURN_INTERVIEW_DUE_HOURS): stored on the
 * episode as `returnInterviewDueBy`, which RETURN_INTERVIEW_OVERDUE reads.
 */
export function returnInterviewDueBy(returnedAt: Date, dueHours: number): Date {
  return new Date(returnedAt.getTime() + dueHours * HOUR_MS);
}
