import { useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { Goal, GoalMetric, GoalTerm } from '../api/types';
import { useApp } from '../context';
import { GOAL_METRICS, GOAL_TERMS, localInputFromNow, localInputToIso, metricLabel, termLabel } from '../lib/goals';

/** A coach sets a goal with a deadline for one executive (POST /api/v1/goals). */
export function GoalForm({ executiveId, executiveName, onCreated }: { executiveId: number; executiveName: string; onCreated: (goal: Goal) => void }) {
  const { api, announce } = useApp();
  const [title, setTitle] = useState('');
  const [metric, setMetric] = useState<GoalMetric>('company_posts');
  const [target, setTarget] = useState('3');
  const [term, setTerm] = useState<GoalTerm>('short');
  const [due, setDue] = useState(() => localInputFromNow(7));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const p = `goal-${executiveId}`;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const n = Number(target);
    const dueIso = localInputToIso(due);
    if (title.trim() === '') return setError('Give the goal a title.');
    if (!Number.isInteger(n) || n < 1 || n > 1000) return setError('The target is a whole number from 1 to 1000.');
    if (!dueIso) return setError('Choose a due date and time.');
    if (Date.parse(dueIso) <= Date.now()) return setError('The due date must be in the future.');
    setBusy(true);
    setError(null);
    try {
      const { goal } = await api.createGoal({ executive_id: executiveId, title: title.trim(), metric, target: n, term, due_at: dueIso });
      onCreated(goal);
      setTitle('');
      announce(`Goal set for ${executiveName}.`, 'success');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="goal-form" onSubmit={submit} aria-label={`New goal for ${executiveName}`}>
      <div class="field">
        <label for={`${p}-title`}>Goal</label>
        <input id={`${p}-title`} type="text" value={title} placeholder="Publish 3 posts in Company" onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
      </div>
      <div class="goal-form-grid">
        <div class="field">
          <label for={`${p}-metric`}>Measured by</label>
          <select id={`${p}-metric`} value={metric} onChange={(e) => setMetric((e.target as HTMLSelectElement).value as GoalMetric)}>
            {GOAL_METRICS.map((m) => (
              <option key={m} value={m}>
                {metricLabel(m)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${p}-target`}>Target</label>
          <input id={`${p}-target`} type="number" min={1} max={1000} step={1} value={target} onInput={(e) => setTarget((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for={`${p}-term`}>Term</label>
          <select id={`${p}-term`} value={term} onChange={(e) => setTerm((e.target as HTMLSelectElement).value as GoalTerm)}>
            {GOAL_TERMS.map((t) => (
              <option key={t} value={t}>
                {termLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${p}-due`}>Due</label>
          <input id={`${p}-due`} type="datetime-local" value={due} onInput={(e) => setDue((e.target as HTMLInputElement).value)} />
        </div>
      </div>
      <div class="form-error" role="alert">
        {error}
      </div>
      <div class="form-actions">
        <button type="submit" class="button primary" aria-disabled={busy}>
          {busy ? 'Setting…' : 'Set goal'}
        </button>
      </div>
    </form>
  );
}
