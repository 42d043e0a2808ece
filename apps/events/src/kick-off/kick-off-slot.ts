const DAY_MS = 86_400_000;

/** How long after the partnership the meeting is proposed: a week to find people, well within two. */
export const KICK_OFF_LEAD_DAYS = 7;
export const KICK_OFF_DURATION_MINUTES = 60;
/**
 * 08:00 UTC: 10:00 in Kyiv and 09:00 in Warsaw, Vilnius or Bratislava in winter (an hour later in
 * summer) — inside office hours on both sides.
 */
const START_HOUR_UTC = 8;

/**
 * The slot proposed for a new partnership's kick-off meeting: the first weekday at least
 * {@link KICK_OFF_LEAD_DAYS} days after it was established, 08:00–09:00 UTC, so always within two weeks.
 * The coordinator moves it as the partners agree.
 */
export function proposeKickOffSlot(establishedAt: Date): { startsAt: Date; endsAt: Date } {
  const day = new Date(establishedAt.getTime() + KICK_OFF_LEAD_DAYS * DAY_MS);
  day.setUTCHours(START_HOUR_UTC, 0, 0, 0);
  if (day.getTime() < establishedAt.getTime() + KICK_OFF_LEAD_DAYS * DAY_MS)
    day.setTime(day.getTime() + DAY_MS);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setTime(day.getTime() + DAY_MS);
  return { startsAt: day, endsAt: new Date(day.getTime() + KICK_OFF_DURATION_MINUTES * 60_000) };
}
