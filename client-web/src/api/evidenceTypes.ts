import type { TrainingLevel, User } from './types';

/** One week of an executive's coaching evidence (GET /analytics/users/{id}/coaching). */
export interface CoachingWeek {
  week_start: string;
  submissions: number;
  clean_submissions: number;
  clean_share: number | null;
  findings: number;
  error_findings: number;
  warning_findings: number;
  info_findings: number;
  fixed_next_version: number;
  verdicts: number;
  approvals: number;
  approved_without_changes: number;
  rounds_per_approval: number | null;
  median_seconds_in_review: number | null;
  rubric: { clarity: number; tone: number; audience_fit: number; policy: number; average: number } | null;
}

export interface RuleCount {
  rule: string;
  findings: number;
  errors: number;
  warnings: number;
  fixed_next_version: number;
}

/** One condition of the level rule and what the evidence shows against it. */
export interface Criterion {
  name: 'approved_posts' | 'clean_submissions' | 'rubric_average' | 'goals_met';
  met: boolean;
  value: number;
  threshold: number;
  detail: string;
}

export interface LevelStanding {
  from: TrainingLevel | null;
  to: TrainingLevel | null;
  suggest: boolean;
  criteria: Criterion[];
}

export interface CoachingEvidence {
  user: User;
  weeks: CoachingWeek[];
  totals: Omit<CoachingWeek, 'week_start'>;
  rules: RuleCount[];
  level: LevelStanding | null;
}

/** "Suggest Walk for Evan" (GET /coaching/level-suggestions). */
export interface LevelSuggestion extends LevelStanding {
  executive: User;
}
