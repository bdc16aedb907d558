/** How long something has waited, in words short enough for a list ("waiting 3 h"). */

export function formatWaiting(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 60) return 'waiting under a minute';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `waiting ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `waiting ${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest > 0 && days < 3 ? `waiting ${days} d ${rest} h` : `waiting ${days} d`;
}

/** The same wait for screen readers and titles: "waiting 3 hours". */
export function formatWaitingLong(seconds: number): string {
  return formatWaiting(seconds)
    .replace(/(\d+) min\b/, (_, n) => `${n} ${n === '1' ? 'minute' : 'minutes'}`)
    .replace(/(\d+) h\b/, (_, n) => `${n} ${n === '1' ? 'hour' : 'hours'}`)
    .replace(/(\d+) d\b/, (_, n) => `${n} ${n === '1' ? 'day' : 'days'}`);
}

/** A submission waiting more than a day is flagged in the queue. */
export function isLongWait(seconds: number): boolean {
  return seconds >= 24 * 3600;
}

/** Seconds waited now, given what the server said and when it said it. */
export function waitedSince(waitingSeconds: number, fetchedAt: number, now: number): number {
  return Math.max(0, waitingSeconds + Math.floor((now - fetchedAt) / 1000));
}
