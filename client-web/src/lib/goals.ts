/** Goals: progress, status and labels (the server computes progress from real activity). */
import type { GoalMetric, GoalStatus, GoalTerm } from '../api/types';

export interface GoalLike {
  progress: number;
  target: number;
  due_at: string;
  status?: GoalStatus | string;
}

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** Progress as a whole percentage, 0..100. */
export function goalPercent(goal: Pick<GoalLike, 'progress' | 'target'>): number {
  if (!(goal.target > 0)) return 0;
  return Math.max(0, Math.min(100, Math.round((goal.progress / goal.target) * 100)));
}

/**
 * The goal's status: the server's when it sent a known one, else computed
 * the same way (done when the target is reached, overdue after the due
 * time, due soon within 48 hours).
 */
export function goalStatus(goal: GoalLike, now: Date = new Date()): GoalStatus {
  if (goal.status === 'on_track' || goal.status === 'due_soon' || goal.status === 'overdue' || goal.status === 'done') {
    return goal.status;
  }
  if (goal.progress >= goal.target) return 'done';
  const due = Date.parse(goal.due_at);
  if (Number.isNaN(due)) return 'on_track';
  if (due <= now.getTime()) return 'overdue';
  if (due - now.getTime() <= 48 * HOUR) return 'due_soon';
  return 'on_track';
}

const STATUS_LABELS: Record<GoalStatus, string> = {
  on_track: 'On track',
  due_soon: 'Due soon',
  overdue: 'Overdue',
  done: 'Done',
};

export function goalStatusLabel(status: GoalStatus): string {
  return STATUS_LABELS[status] ?? status;
}

const METRIC_LABELS: Record<GoalMetric, string> = {
  company_posts: 'Posts in Company',
  practice_posts: 'Posts in Practice',
  replies: 'Replies to colleagues',
  likes_received: 'Likes received',
  replies_within_24h: 'Replies to colleagues within 24 hours',
  questions_answered: 'Questions answered (blog hosts)',
  people_followed: 'People followed',
  feeds_followed: 'Feeds followed (reading list)',
  reading_days: 'Reading days',
  mentions_answered: 'Mentions answered',
  drills_completed: 'Drills completed',
};

export const GOAL_METRICS = Object.keys(METRIC_LABELS) as GoalMetric[];

export function metricLabel(metric: GoalMetric | string): string {
  return METRIC_LABELS[metric as GoalMetric] ?? metric;
}

const TERM_LABELS: Record<GoalTerm, string> = { short: 'Short term', mid: 'Mid term', long: 'Long term' };
export const GOAL_TERMS = Object.keys(TERM_LABELS) as GoalTerm[];

export function termLabel(term: GoalTerm | string): string {
  return TERM_LABELS[term as GoalTerm] ?? term;
}

/** "due in 3 days", "due in 5 hours", "due today", "overdue by 2 days". */
export function describeDue(dueAt: string, now: Date = new Date()): string {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return '';
  const diff = due - now.getTime();
  const abs = Math.abs(diff);
  const words =
    abs >= DAY
      ? `${Math.floor(abs / DAY)} ${Math.floor(abs / DAY) === 1 ? 'day' : 'days'}`
      : abs >= HOUR
        ? `${Math.floor(abs / HOUR)} ${Math.floor(abs / HOUR) === 1 ? 'hour' : 'hours'}`
        : 'less than an hour';
  return diff >= 0 ? `due in ${words}` : `overdue by ${words}`;
}

/** An `<input type="datetime-local">` value (local time) as RFC 3339 UTC, or null. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A local `datetime-local` value `days` from now (for a sensible default). */
export function localInputFromNow(days: number, now: Date = new Date()): string {
  const d = new Date(now.getTime() + days * DAY);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
