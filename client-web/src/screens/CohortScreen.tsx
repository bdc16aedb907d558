import { useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { CohortEntry, Goal, TrainingLevel, User } from '../api/types';
import { Avatar } from '../components/Avatar';
import { CoachDrills } from '../components/Drills';
import { GoalForm } from '../components/GoalForm';
import { GoalItem } from '../components/GoalItem';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { useApp } from '../context';
import { LEVELS, levelLabel } from '../lib/permissions';
import { Link } from '../navigation';

/** A coach's executives: level (changeable), waiting reviews, goals with progress. */
export function CohortScreen() {
  const { api } = useApp();
  const { state, reload, set } = useLoad((signal) => api.cohort(signal), 'cohort');
  const entries = state.status === 'ready' ? state.data.items : [];
  const update = (userId: number, change: (e: CohortEntry) => CohortEntry) => {
    if (state.status !== 'ready') return;
    set({ items: state.data.items.map((e) => (e.user.id === userId ? change(e) : e)) });
  };
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Cohort</h1>
        <p class="lede">Your executives: their training level and the goals you set together.</p>
      </div>
      {state.status === 'loading' && <LoadingLine what="your cohort" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' && entries.length === 0 && (
        <div class="empty">
          <p>No executives are assigned to you yet. An admin assigns them.</p>
        </div>
      )}
      {entries.length > 0 && (
        <ul class="cohort-list" aria-label="Your executives">
          {entries.map((entry) => (
            <li key={entry.user.id}>
              <CohortMember
                entry={entry}
                onUser={(user) => update(user.id, (e) => ({ ...e, user }))}
                onGoals={(goals) => update(entry.user.id, (e) => ({ ...e, goals }))}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function CohortMember({ entry, onUser, onGoals }: { entry: CohortEntry; onUser: (u: User) => void; onGoals: (g: Goal[]) => void }) {
  const { api, announce } = useApp();
  const { user, goals } = entry;
  const [level, setLevel] = useState<TrainingLevel>(user.training_level ?? 'crawl');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const p = `member-${user.id}`;

  const changeLevel = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { user: updated } = await api.setLevel(user.id, level);
      onUser(updated);
      announce(`${user.display_name} is now at ${levelLabel(updated.training_level)} level.`, 'success');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (goal: Goal) => {
    if (deleting !== null) return;
    setDeleting(goal.id);
    setError(null);
    try {
      await api.deleteGoal(goal.id);
      onGoals(goals.filter((g) => g.id !== goal.id));
      announce(`Goal “${goal.title}” deleted.`, 'success');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
    } finally {
      setDeleting(null);
    }
  };

  return (
    <section class="cohort-member" aria-labelledby={`${p}-name`} data-user={user.username}>
      <header class="post-head">
        <Avatar author={user} />
        <div class="post-meta">
          <h2 id={`${p}-name`} class="post-author">
            {user.display_name}
            <span class="username"> @{user.username}</span>
          </h2>
          <p class="post-sub">
            <span class={`badge badge-level-${user.training_level ?? 'none'}`} data-testid="level">
              {levelLabel(user.training_level)}
            </span>
            <span class="dot" aria-hidden="true">
              ·
            </span>
            {entry.waiting_reviews > 0 ? (
              <Link href="/review">
                {entry.waiting_reviews} {entry.waiting_reviews === 1 ? 'post waits' : 'posts wait'} for review
              </Link>
            ) : (
              <span class="muted">nothing waiting</span>
            )}
          </p>
          {entry.mentorships && entry.mentorships.length > 0 && (
            <p class="muted small cohort-mentors" data-testid="mentors">
              Reverse mentor: {entry.mentorships.map((m) => `${m.mentor.display_name}${m.state === 'requested' ? ' (requested)' : ''}`).join(', ')}
            </p>
          )}
        </div>
      </header>
      <form class="level-form" onSubmit={changeLevel}>
        <label for={`${p}-level`}>Training level for {user.display_name}</label>
        <div class="inline-controls">
          <select id={`${p}-level`} value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value as TrainingLevel)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {levelLabel(l)}
              </option>
            ))}
          </select>
          <button type="submit" class="button secondary small" aria-disabled={busy}>
            {busy ? 'Changing…' : 'Change level'}
          </button>
        </div>
      </form>
      <div class="form-error" role="alert">
        {error}
      </div>
      <h3 class="subsection-title">Goals</h3>
      {goals.length === 0 ? (
        <p class="muted">No goals yet.</p>
      ) : (
        <ul class="goal-list" aria-label={`Goals of ${user.display_name}`}>
          {goals.map((g) => (
            <li key={g.id}>
              <GoalItem goal={g} onDelete={() => void remove(g)} deleting={deleting === g.id} />
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="button ghost small" aria-expanded={adding} aria-controls={`${p}-goal-form`} onClick={() => setAdding(!adding)}>
        {adding ? 'Close the goal form' : `Set a goal for ${user.display_name}`}
      </button>
      <div id={`${p}-goal-form`} hidden={!adding}>
        {adding && (
          <GoalForm
            executiveId={user.id}
            executiveName={user.display_name}
            onCreated={(goal) => {
              onGoals([...goals, goal].sort((a, b) => Date.parse(a.due_at) - Date.parse(b.due_at)));
              setAdding(false);
            }}
          />
        )}
      </div>
      <CoachDrills executiveId={user.id} executiveName={user.display_name} />
    </section>
  );
}
