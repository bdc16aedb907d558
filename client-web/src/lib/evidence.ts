import type { CoachingWeek, Criterion, LevelSuggestion } from '../api/evidenceTypes';
import { formatDuration, toCsv } from './analytics';

/** "67%" for a share 0..1 (null: "—"). */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** "4.17" for a mean (null: "—"). */
export function formatMean(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}

const LEVEL_NAMES: Record<string, string> = { crawl: 'Crawl', walk: 'Walk', run: 'Run' };

export function levelName(level: string | null): string {
  return level ? (LEVEL_NAMES[level] ?? level) : '—';
}

/** The card's title: "Suggest Walk for Evan Exec". */
export function suggestionTitle(s: LevelSuggestion): string {
  return `Suggest ${levelName(s.to)} for ${s.executive.display_name}`;
}

const CRITERION_NAMES: Record<Criterion['name'], string> = {
  approved_posts: 'Approved in one round',
  clean_submissions: 'Submissions with no error finding',
  rubric_average: 'Rubric average',
  goals_met: 'Goals met',
};

export function criterionName(c: Criterion): string {
  return CRITERION_NAMES[c.name] ?? c.name;
}

const RULE_NAMES: Record<string, string> = {
  length: 'Length',
  banned_terms: 'Banned words',
  confidential_terms: 'Confidential terms',
  personal_data: 'Personal data',
  shouting: 'Shouting',
  insecure_links: 'Insecure links',
  hashtags: 'Too many hashtags',
  mentions: 'Too many mentions',
};

export function ruleName(rule: string): string {
  return RULE_NAMES[rule] ?? rule;
}

/** The columns of the coaching table and its CSV, in order. */
export const EVIDENCE_COLUMNS: { label: string; cell: (w: CoachingWeek) => string | number | null; csv?: (w: CoachingWeek) => string | number | null }[] = [
  { label: 'Week of', cell: (w) => w.week_start.slice(0, 10) },
  { label: 'Submissions', cell: (w) => w.submissions },
  { label: 'With no error finding', cell: (w) => formatShare(w.clean_share), csv: (w) => w.clean_share },
  { label: 'Findings', cell: (w) => w.findings },
  { label: 'Errors', cell: (w) => w.error_findings },
  { label: 'Fixed in the next version', cell: (w) => w.fixed_next_version },
  { label: 'Verdicts', cell: (w) => w.verdicts },
  { label: 'Approved with no changes', cell: (w) => w.approved_without_changes },
  { label: 'Rounds per approval', cell: (w) => formatMean(w.rounds_per_approval), csv: (w) => w.rounds_per_approval },
  {
    label: 'Median time in review',
    cell: (w) => formatDuration(w.median_seconds_in_review),
    csv: (w) => w.median_seconds_in_review,
  },
  { label: 'Rubric average', cell: (w) => formatMean(w.rubric?.average), csv: (w) => w.rubric?.average ?? null },
];

export function evidenceCsv(weeks: CoachingWeek[]): string {
  return toCsv(
    EVIDENCE_COLUMNS.map((c) => (c.label === 'Median time in review' ? 'Median time in review (s)' : c.label)),
    weeks.map((w) => EVIDENCE_COLUMNS.map((c) => (c.csv ?? c.cell)(w))),
  );
}
