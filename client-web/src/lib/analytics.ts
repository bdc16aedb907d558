import type { ActivityCounts, JoiningEffect, WeekActivity } from '../api/types';

/** "+27.93%" / "−4.10%" / "no earlier activity" for a change in percent. */
export function formatChange(value: number | null): string {
  if (value === null) return 'no earlier activity to compare';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${Math.abs(value).toFixed(2)}%`;
}

/** The seeds' way of saying it: "+27.93% messages, +28.37% replies, +49.60% likes". */
export function joiningHeadline(effect: JoiningEffect): string | null {
  const c = effect.change_percent;
  if (!c) return null;
  return `${formatChange(c.posts)} messages, ${formatChange(c.replies)} replies, ${formatChange(c.likes)} likes`;
}

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const WEEK_COLUMNS: { key: keyof WeekActivity; label: string }[] = [
  { key: 'week_start', label: 'Week of' },
  { key: 'posts', label: 'Posts' },
  { key: 'replies_given', label: 'Replies given' },
  { key: 'replies_received', label: 'Replies received' },
  { key: 'repliers', label: 'People who replied' },
  { key: 'likes_received', label: 'Likes received' },
  { key: 'median_seconds_to_first_reply', label: 'Median time to first reply (s)' },
  { key: 'active_days', label: 'Active days' },
];

export function weeksCsv(weeks: WeekActivity[]): string {
  return toCsv(
    WEEK_COLUMNS.map((c) => c.label),
    weeks.map((w) => WEEK_COLUMNS.map((c) => (c.key === 'week_start' ? w.week_start.slice(0, 10) : w[c.key]))),
  );
}

export function joiningCsv(effect: JoiningEffect): string {
  const rows: (string | number | null)[][] = [];
  const before = effect.before ?? ({ posts: 0, replies: 0, likes: 0 } as ActivityCounts);
  const after = effect.after ?? before;
  for (const key of ['posts', 'replies', 'likes'] as const)
    rows.push([key, before[key], after[key], effect.change_percent ? effect.change_percent[key] : null]);
  return toCsv([`${effect.days} days`, 'Before', 'After', 'Change (%)'], rows);
}

/** "2 h 5 min" for a duration in seconds (null: "—"). */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}
