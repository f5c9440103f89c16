/**
 * The attendance rate, one definition for a meeting's page, the statistics and the
 * conference review: those present among those expected — every invitee of each session
 * that has attendance — in %, one decimal; null when nobody was expected. An invitee not
 * marked counts as not present: "present among those marked" read 100 % when a secretary
 * tapped only the people who came (issue 14: 70 % on the page, 77.8 % in the statistics).
 */
export function attendanceRate(present: number, expected: number): number | null {
  return expected > 0 ? Math.round((present / expected) * 1000) / 10 : null;
}
