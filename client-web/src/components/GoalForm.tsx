import { useState } from 'preact/hooks';
import type { Goal, GoalMetric, GoalTerm } from '../api/types';
import { useApp } from '../context';
import { Field, FormError, Select, SubmitRow, TextInput, useFormAction } from './Form';
import { GOAL_METRICS, GOAL_TERMS, localInputFromNow, localInputToIso, metricLabel, termLabel } from '../lib/goals';

/** A coach sets a goal with a deadline for one executive (POST /api/v1/goals). */
export function GoalForm({ executiveId, executiveName, onCreated }: { executiveId: number; executiveName: string; onCreated: (goal: Goal) => void }) {
  const { api, announce } = useApp();
  const [title, setTitle] = useState('');
  const [metric, setMetric] = useState<GoalMetric>('company_posts');
  const [target, setTarget] = useState('3');
  const [term, setTerm] = useState<GoalTerm>('short');
  const [due, setDue] = useState(() => localInputFromNow(7));
  const { busy, error, setError, run } = useFormAction();
  const p = `new-goal-${executiveId}`; // distinct from GoalItem ids (goal-{goal id}-...)

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const n = Number(target);
    const dueIso = localInputToIso(due);
    if (title.trim() === '') return setError('Give the goal a title.');
    if (!Number.isInteger(n) || n < 1 || n > 1000) return setError('The target is a whole number from 1 to 1000.');
    if (!dueIso) return setError('Choose a due date and time.');
    if (Date.parse(dueIso) <= Date.now()) return setError('The due date must be in the future.');
    await run(async () => {
      const { goal } = await api.createGoal({ executive_id: executiveId, title: title.trim(), metric, target: n, term, due_at: dueIso });
      onCreated(goal);
      setTitle('');
      announce(`Goal set for ${executiveName}.`, 'success');
    });
  };

  return (
    <form class="goal-form" onSubmit={submit} aria-label={`New goal for ${executiveName}`}>
      <Field id={`${p}-title`} label="Goal">
        <TextInput id={`${p}-title`} type="text" value={title} placeholder="Publish 3 posts in Company" onValue={setTitle} />
      </Field>
      <div class="goal-form-grid">
        <Field id={`${p}-metric`} label="Measured by">
          <Select id={`${p}-metric`} value={metric} options={GOAL_METRICS} optionLabel={metricLabel} onValue={(v) => setMetric(v as GoalMetric)} />
        </Field>
        <Field id={`${p}-target`} label="Target">
          <TextInput id={`${p}-target`} type="number" min={1} max={1000} step={1} value={target} onValue={setTarget} />
        </Field>
        <Field id={`${p}-term`} label="Term">
          <Select id={`${p}-term`} value={term} options={GOAL_TERMS} optionLabel={termLabel} onValue={(v) => setTerm(v as GoalTerm)} />
        </Field>
        <Field id={`${p}-due`} label="Due">
          <TextInput id={`${p}-due`} type="datetime-local" value={due} onValue={setDue} />
        </Field>
      </div>
      <FormError error={error} />
      <SubmitRow busy={busy} label="Set goal" busyLabel="Setting…" />
    </form>
  );
}
