import { describe, expect, it } from 'vitest';
import type { CoachingWeek, LevelSuggestion } from '../api/evidenceTypes';
import { evidenceCsv, formatMean, formatShare, ruleName, suggestionTitle } from './evidence';

const week: CoachingWeek = {
  week_start: '2026-11-23T00:00:00Z',
  submissions: 3,
  clean_submissions: 2,
  clean_share: 0.6667,
  findings: 3,
  error_findings: 1,
  warning_findings: 2,
  info_findings: 0,
  fixed_next_version: 2,
  verdicts: 3,
  approvals: 2,
  approved_without_changes: 1,
  rounds_per_approval: 1.5,
  median_seconds_in_review: 5400,
  rubric: { clarity: 4, tone: 4.33, audience_fit: 4, policy: 4.33, average: 4.17 },
};

describe('coaching evidence', () => {
  it('formats shares and means, with a dash for nothing', () => {
    expect(formatShare(0.6667)).toBe('67%');
    expect(formatShare(null)).toBe('—');
    expect(formatMean(1.5)).toBe('1.50');
    expect(formatMean(undefined)).toBe('—');
  });

  it('names the suggestion as a coach reads it', () => {
    const s = { executive: { id: 3, username: 'evan', display_name: 'Evan Exec', role: 'executive' }, from: 'crawl', to: 'walk', suggest: true, criteria: [] } as LevelSuggestion;
    expect(suggestionTitle(s)).toBe('Suggest Walk for Evan Exec');
    expect(ruleName('confidential_terms')).toBe('Confidential terms');
  });

  it('writes the weeks as CSV with raw numbers', () => {
    const csv = evidenceCsv([week, { ...week, week_start: '2026-11-30T00:00:00Z', clean_share: null, rubric: null, median_seconds_in_review: null }]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Week of,Submissions,With no error finding,Findings,Errors,Fixed in the next version,Verdicts,Approved with no changes,Rounds per approval,Median time in review (s),Rubric average',
    );
    expect(lines[1]).toBe('2026-11-23,3,0.6667,3,1,2,3,1,1.5,5400,4.17');
    expect(lines[2]).toBe('2026-11-30,3,,3,1,2,3,1,1.5,,');
  });
});
