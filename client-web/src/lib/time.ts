/**
 * Relative times for the feed ("3 min ago") with the absolute time kept for
 * titles and <time datetime>.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Parses an RFC 3339 time; returns null when it is not one. */
export function parseTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * "just now", "1 min ago", "5 min ago", "1 hour ago", "3 hours ago",
 * "yesterday", "4 days ago", then a date: "Nov 3" this year or
 * "Nov 3, 2025" for earlier years. Times slightly in the future (clock skew)
 * read "just now". Calendar dates use the local time zone.
 */
export function formatRelative(then: Date, now: Date): string {
  const diff = now.getTime() - then.getTime();
  if (diff < 45 * SECOND) return 'just now';
  if (diff < HOUR) {
    const minutes = Math.max(1, Math.round(diff / MINUTE));
    if (minutes < 60) return `${minutes} min ago`;
    return '1 hour ago';
  }
  if (diff < DAY) {
    const hours = Math.floor(diff / HOUR);
    return `${plural(hours, 'hour')} ago`;
  }
  const days = Math.floor(diff / DAY);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  const sameYear = then.getFullYear() === now.getFullYear();
  const date = `${MONTHS[then.getMonth()]} ${then.getDate()}`;
  return sameYear ? date : `${date}, ${then.getFullYear()}`;
}

/** A full, unambiguous local time for tooltips, e.g. "Tue, Nov 24, 2026, 15:21". */
export function formatAbsolute(then: Date, locale?: string): string {
  try {
    return new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(then);
  } catch {
    return then.toISOString();
  }
}

/** How long until a relative label may change, to schedule the next refresh. */
export function refreshInterval(then: Date, now: Date): number {
  const diff = now.getTime() - then.getTime();
  if (diff < HOUR) return 15 * SECOND;
  if (diff < DAY) return 5 * MINUTE;
  return HOUR;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A `<input type="datetime-local">` value for a local time, e.g. "2026-11-25T09:00". */
export function toLocalInputValue(when: Date): string {
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}T${pad(when.getHours())}:${pad(when.getMinutes())}`;
}

/** The default time offered for scheduling: tomorrow at 09:00 local time. */
export function defaultScheduleTime(now: Date): Date {
  const t = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0, 0, 0);
  return t;
}

/**
 * Reads a datetime-local value as a time to publish: the ISO string to send, or a sentence
 * saying what is wrong (empty, not a time, not in the future).
 */
export function parseScheduleInput(value: string, now: Date): { at: string } | { problem: string } {
  if (value.trim() === '') return { problem: 'Pick the day and time to publish.' };
  const when = new Date(value);
  if (Number.isNaN(when.getTime())) return { problem: 'That is not a day and time; use the picker.' };
  if (when.getTime() <= now.getTime()) return { problem: 'Pick a time in the future.' };
  return { at: when.toISOString() };
}
