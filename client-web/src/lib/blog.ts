import type { BlogStats } from '../api/blogTypes';

/** "3 h", "2 days": a duration in seconds, short. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const hours = seconds / 3600;
  if (hours < 1) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}

/** The promise figures as the blog page shows them. */
export function statFigures(s: BlogStats): { label: string; value: string }[] {
  return [
    { label: 'Answer rate', value: `${Math.round(s.answer_rate * 100)}%` },
    { label: 'Median time to answer', value: formatDuration(s.median_seconds_to_answer) },
    { label: 'Waiting', value: String(s.waiting) },
    { label: 'Oldest unanswered', value: formatDuration(s.oldest_unanswered_seconds) },
    { label: `Past ${s.promise_days} days`, value: String(s.overdue) },
  ];
}
