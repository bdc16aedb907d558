import { useState } from 'preact/hooks';
import type { Author, JoiningEffect, UserAnalytics } from '../api/types';
import { CsvLink } from '../components/CsvLink';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { WeeklyChart } from '../components/WeeklyChart';
import { useApp } from '../context';
import { WEEK_COLUMNS, formatChange, formatDuration, joiningCsv, joiningHeadline, weeksCsv } from '../lib/analytics';

const WEEKS = 12;
const DAYS = 28;

/** Whose figures the reader may pick: themself (executives), their cohort, or everyone. */
function usePeople(): { people: Author[]; loading: boolean; error: string | null } {
  const { api, user } = useApp();
  const { state } = useLoad<Author[]>(async (signal) => {
    if (user.role === 'coach') return (await api.cohort(signal)).items.map((e) => e.user);
    if (user.role === 'admin')
      return (await api.users(signal)).items.filter((u) => u.role === 'executive' || u.role === 'coach');
    return [user];
  }, `people-${user.id}`);
  return {
    people: state.status === 'ready' ? state.data : [],
    loading: state.status === 'loading',
    error: state.status === 'error' ? state.message : null,
  };
}

export function InsightsScreen() {
  const { user } = useApp();
  const { people, loading, error } = usePeople();
  const [picked, setPicked] = useState<number | null>(null);
  const subject = people.find((p) => p.id === picked) ?? people.find((p) => p.username === 'dana') ?? people[0];
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Insights</h1>
        <p class="lede">
          {user.role === 'executive'
            ? 'Your activity week by week, and how the company space moved when you started posting there.'
            : 'Week by week activity, and the joining effect: how the company space moved around a person’s first company post.'}
        </p>
      </div>
      {loading && <LoadingLine what="people" />}
      {error && <LoadError message={error} onRetry={() => window.location.reload()} />}
      {!loading && !error && people.length === 0 && (
        <div class="empty">
          <p>No one to show yet: executives assigned to you appear here.</p>
        </div>
      )}
      {people.length > 1 && subject && (
        <div class="field insights-picker">
          <label for="insights-person">Person</label>
          <select id="insights-person" value={subject.id} onChange={(e) => setPicked(Number((e.target as HTMLSelectElement).value))}>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.display_name}
              </option>
            ))}
          </select>
        </div>
      )}
      {subject && <Weekly subject={subject} />}
      {subject && <Joining subject={subject} />}
    </>
  );
}

function Weekly({ subject }: { subject: Author }) {
  const { api } = useApp();
  const { state, reload } = useLoad<UserAnalytics>((signal) => api.userAnalytics(subject.id, WEEKS, signal), `weeks-${subject.id}`);
  return (
    <section class="card insights-section" aria-labelledby="weekly-heading">
      <h2 id="weekly-heading">Weekly activity of {subject.display_name}</h2>
      {state.status === 'loading' && <LoadingLine what="weekly activity" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <p class="insights-totals" data-testid="weekly-totals">
            Last {WEEKS} weeks: {state.data.totals.posts} posts, {state.data.totals.replies_received} replies received,{' '}
            {state.data.totals.likes_received} likes received, median first reply{' '}
            {formatDuration(state.data.totals.median_seconds_to_first_reply)}.
          </p>
          <WeeklyChart weeks={state.data.weeks} label={`Posts, replies and likes per week, ${subject.display_name}`} />
          <div class="table-scroll" tabIndex={0} role="region" aria-label="Weekly activity table">
            <table class="data-table">
              <caption>Weekly activity of {subject.display_name}</caption>
              <thead>
                <tr>
                  {WEEK_COLUMNS.map((c) => (
                    <th key={c.key} scope="col">
                      {c.key === 'median_seconds_to_first_reply' ? 'Median time to first reply' : c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {state.data.weeks.map((w) => (
                  <tr key={w.week_start}>
                    <th scope="row">{w.week_start.slice(0, 10)}</th>
                    <td>{w.posts}</td>
                    <td>{w.replies_given}</td>
                    <td>{w.replies_received}</td>
                    <td>{w.repliers}</td>
                    <td>{w.likes_received}</td>
                    <td>{formatDuration(w.median_seconds_to_first_reply)}</td>
                    <td>{w.active_days}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <CsvLink text={weeksCsv(state.data.weeks)} name={`greenroom-weeks-${subject.username}.csv`} label="Download CSV (weekly activity)" />
        </>
      )}
    </section>
  );
}

function Joining({ subject }: { subject: Author }) {
  const { api } = useApp();
  const { state, reload } = useLoad<JoiningEffect>((signal) => api.joiningEffect(subject.id, DAYS, signal), `joining-${subject.id}`);
  const effect = state.status === 'ready' ? state.data : null;
  const headline = effect ? joiningHeadline(effect) : null;
  return (
    <section class="card insights-section" aria-labelledby="joining-heading">
      <h2 id="joining-heading">Joining effect of {subject.display_name}</h2>
      {state.status === 'loading' && <LoadingLine what="the joining effect" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {effect && !effect.joined_at && <p>{subject.display_name} has not published in the company space yet.</p>}
      {effect && effect.joined_at && effect.before && effect.after && (
        <>
          <p class="joining-headline" data-testid="joining-headline">
            {headline}
          </p>
          <p class="muted">
            The company space in the {effect.days} days before {subject.display_name}’s first company post (
            {new Date(effect.joined_at).toLocaleDateString()}) and the {effect.days} days from it.
          </p>
          <JoiningBars effect={effect} />
          <div class="table-scroll" tabIndex={0} role="region" aria-label="Joining effect table">
            <table class="data-table">
              <caption>Company space activity around {subject.display_name}’s first company post</caption>
              <thead>
                <tr>
                  <th scope="col">Activity</th>
                  <th scope="col">{effect.days} days before</th>
                  <th scope="col">{effect.days} days from it</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {(['posts', 'replies', 'likes'] as const).map((k) => (
                  <tr key={k}>
                    <th scope="row">{k === 'posts' ? 'Messages' : k === 'replies' ? 'Replies' : 'Likes'}</th>
                    <td>{effect.before![k]}</td>
                    <td>{effect.after![k]}</td>
                    <td>{formatChange(effect.change_percent ? effect.change_percent[k] : null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <CsvLink text={joiningCsv(effect)} name={`greenroom-joining-${subject.username}.csv`} label="Download CSV (joining effect)" />
        </>
      )}
    </section>
  );
}

/** Before/after as paired bars (plain SVG; the table carries the numbers for screen readers). */
function JoiningBars({ effect }: { effect: JoiningEffect }) {
  const keys = ['posts', 'replies', 'likes'] as const;
  const max = Math.max(1, ...keys.flatMap((k) => [effect.before![k], effect.after![k]]));
  return (
    <svg class="joining-bars" viewBox="0 0 300 120" role="img" aria-hidden="true" focusable="false">
      {keys.map((k, i) => {
        const x = 20 + i * 95;
        const hb = (effect.before![k] / max) * 90;
        const ha = (effect.after![k] / max) * 90;
        return (
          <g key={k}>
            <rect x={x} y={100 - hb} width="30" height={hb} class="bar-before" />
            <rect x={x + 34} y={100 - ha} width="30" height={ha} class="bar-after" />
            <text x={x + 32} y="115" text-anchor="middle" class="bar-label">
              {k === 'posts' ? 'messages' : k}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
