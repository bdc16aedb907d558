import { useMemo } from 'preact/hooks';
import type { CoachingEvidence } from '../api/evidenceTypes';
import type { Author } from '../api/types';
import { useApp } from '../context';
import { formatDuration } from '../lib/analytics';
import { EVIDENCE_COLUMNS, criterionName, evidenceCsv, formatMean, formatShare, levelName, ruleName } from '../lib/evidence';
import { CsvLink } from './CsvLink';
import { LoadError, LoadingLine, useLoad } from './Loader';
import { TrendChart } from './TrendChart';

const WEEKS = 12;

/**
 * One executive's coaching evidence as trends: clean submissions, golden-rule findings, rubric,
 * review rounds and time in review per week (charts with their tables and a CSV), the most
 * frequent rules, and where they stand against the level rule. About one person, never a ranking.
 */
export function CoachingTrends({ subject }: { subject: Author }) {
  const { api, user } = useApp();
  const { state, reload } = useLoad<CoachingEvidence>((signal) => api.coachingEvidence(subject.id, WEEKS, signal), `coaching-${subject.id}`);
  const own = user.id === subject.id;
  const heading = own ? 'Your coaching trends' : `Coaching trends of ${subject.display_name}`;
  return (
    <section class="card insights-section coaching-trends" aria-labelledby="coaching-heading">
      <h2 id="coaching-heading">{heading}</h2>
      {state.status === 'loading' && <LoadingLine what="coaching evidence" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' && <Evidence evidence={state.data} subject={subject} />}
    </section>
  );
}

function Evidence({ evidence, subject }: { evidence: CoachingEvidence; subject: Author }) {
  const t = evidence.totals;
  const weeks = useMemo(() => evidence.weeks.map((w) => w.week_start), [evidence]);
  const quality = useMemo(
    () => [
      { label: 'Findings', colour: '#b4432f', values: evidence.weeks.map((w) => w.findings) },
      { label: 'Error findings', colour: '#7a2a1c', values: evidence.weeks.map((w) => w.error_findings), dash: [6, 4] },
      { label: 'Submissions', colour: '#2f5fb3', values: evidence.weeks.map((w) => w.submissions) },
    ],
    [evidence],
  );
  const review = useMemo(
    () => [
      { label: 'Rubric average (1–5)', colour: '#1f6f4a', values: evidence.weeks.map((w) => w.rubric?.average ?? null) },
      { label: 'Rounds per approval', colour: '#6b4fa0', values: evidence.weeks.map((w) => w.rounds_per_approval), dash: [6, 4] },
    ],
    [evidence],
  );
  return (
    <>
      <p class="insights-totals" data-testid="coaching-totals">
        Last {WEEKS} weeks: {t.submissions} submissions, {formatShare(t.clean_share)} with no error finding; {t.findings} golden-rule findings (
        {t.fixed_next_version} fixed in the next version); {t.approvals} approvals, {t.approved_without_changes} with no changes; rubric average{' '}
        {formatMean(t.rubric?.average)}; median time in review {formatDuration(t.median_seconds_in_review)}.
      </p>
      <TrendChart weeks={weeks} series={quality} yLabel="per week" label={`Golden-rule findings and submissions per week, ${subject.display_name}`} />
      <TrendChart weeks={weeks} series={review} yLabel="score" max={5} label={`Rubric average and review rounds per week, ${subject.display_name}`} />
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Coaching evidence table">
        <table class="data-table">
          <caption>Coaching evidence of {subject.display_name} by week</caption>
          <thead>
            <tr>
              {EVIDENCE_COLUMNS.map((c) => (
                <th key={c.label} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {evidence.weeks.map((w) => (
              <tr key={w.week_start}>
                {EVIDENCE_COLUMNS.map((c, i) =>
                  i === 0 ? (
                    <th key={c.label} scope="row">
                      {c.cell(w)}
                    </th>
                  ) : (
                    <td key={c.label}>{c.cell(w)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CsvLink text={evidenceCsv(evidence.weeks)} name={`greenroom-coaching-${subject.username}.csv`} label="Download CSV (coaching evidence)" />
      <h3>Most frequent golden-rule findings</h3>
      {evidence.rules.length === 0 ? (
        <p class="muted">No findings in these weeks.</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Golden-rule findings table">
          <table class="data-table">
            <caption>Golden-rule findings of {subject.display_name}, most frequent first</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Findings</th>
                <th scope="col">Errors</th>
                <th scope="col">Warnings</th>
                <th scope="col">Fixed in the next version</th>
              </tr>
            </thead>
            <tbody>
              {evidence.rules.map((r) => (
                <tr key={r.rule}>
                  <th scope="row">{ruleName(r.rule)}</th>
                  <td>{r.findings}</td>
                  <td>{r.errors}</td>
                  <td>{r.warnings}</td>
                  <td>{r.fixed_next_version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {evidence.level && evidence.level.to && (
        <>
          <h3>
            Towards {levelName(evidence.level.to)} (now {levelName(evidence.level.from)})
          </h3>
          <ul class="criteria-list" aria-label={`Evidence towards ${levelName(evidence.level.to)}`}>
            {evidence.level.criteria.map((c) => (
              <li key={c.name} class={c.met ? 'criterion met' : 'criterion'}>
                <strong>{criterionName(c)}</strong>: {c.met ? 'met' : 'not yet'}; {c.detail}.
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
