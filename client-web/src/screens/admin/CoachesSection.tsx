import { useState } from 'preact/hooks';
import { ApiError, messageOf } from '../../api/errors';
import type { AdminUser } from '../../api/types';
import { Field, FormError, Select, SubmitRow, useFormAction } from '../../components/Form';
import { LoadError, LoadingLine } from '../../components/Loader';
import { useApp } from '../../context';
import { levelLabel } from '../../lib/permissions';
import { useUsers } from './useUsers';

const userLabel = (u: AdminUser) => `${u.display_name} (@${u.username})`;
const userId = (u: AdminUser) => u.id;

/** Admin · Coaches: assign executives to coaches, and see who coaches whom. */
export function CoachesSection() {
  const { api, announce } = useApp();
  const { state, reload, set } = useUsers();
  const users = state.status === 'ready' ? state.data.items : [];
  const coaches = users.filter((u) => u.role === 'coach' && !u.disabled);
  const executives = users.filter((u) => u.role === 'executive');
  const [coachId, setCoachId] = useState<number | null>(null);
  const [execId, setExecId] = useState<number | null>(null);
  const { busy, error, setError, run } = useFormAction();
  const chosenCoach = coachId ?? coaches[0]?.id ?? null;
  const chosenExec = execId ?? executives[0]?.id ?? null;

  const setCoaches = (exec: number, change: (ids: number[]) => number[]) =>
    set({ items: users.map((u) => (u.id === exec ? { ...u, coaches: change(u.coaches ?? []) } : u)) });

  const assign = async (event: Event) => {
    event.preventDefault();
    if (busy || chosenCoach === null || chosenExec === null) return;
    await run(async () => {
      await api.assignCoach(chosenCoach, chosenExec);
      setCoaches(chosenExec, (ids) => (ids.includes(chosenCoach) ? ids : [...ids, chosenCoach]));
      const c = users.find((u) => u.id === chosenCoach);
      const x = users.find((u) => u.id === chosenExec);
      announce(`${x?.display_name} is now coached by ${c?.display_name}.`, 'success');
    });
  };

  const unassign = async (coach: AdminUser, exec: AdminUser) => {
    setError(null);
    try {
      await api.unassignCoach(coach.id, exec.id);
      setCoaches(exec.id, (ids) => ids.filter((id) => id !== coach.id));
      announce(`${exec.display_name} is no longer coached by ${coach.display_name}.`, 'success');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
    }
  };

  if (state.status === 'loading') return <LoadingLine what="users" />;
  if (state.status === 'error') return <LoadError message={state.message} onRetry={reload} />;
  return (
    <>
      <form class="panel assign-form" onSubmit={assign} aria-labelledby="assign-title">
        <h2 id="assign-title" class="section-title">
          Assign an executive to a coach
        </h2>
        <div class="goal-form-grid">
          <Field id="assign-executive" label="Executive">
            <Select
              id="assign-executive"
              value={chosenExec ?? ''}
              options={executives}
              optionValue={userId}
              optionLabel={userLabel}
              onValue={(v) => setExecId(Number(v))}
            />
          </Field>
          <Field id="assign-coach" label="Coach">
            <Select id="assign-coach" value={chosenCoach ?? ''} options={coaches} optionValue={userId} optionLabel={userLabel} onValue={(v) => setCoachId(Number(v))} />
          </Field>
        </div>
        <FormError error={error} />
        <SubmitRow busy={busy} label="Assign" busyLabel="Assigning…" disabled={busy || coaches.length === 0 || executives.length === 0} />
      </form>
      <h2 class="section-title">Coaches and their executives</h2>
      {coaches.length === 0 && <p class="muted">There are no coaches yet. Give someone the coach role first.</p>}
      <ul class="coach-list" aria-label="Coaches">
        {coaches.map((c) => {
          const mine = executives.filter((x) => (x.coaches ?? []).includes(c.id));
          return (
            <li key={c.id} class="coach-item">
              <h3 class="subsection-title" id={`coach-${c.id}`}>
                {c.display_name} <span class="username">@{c.username}</span>
              </h3>
              {mine.length === 0 ? (
                <p class="muted small">No executives assigned.</p>
              ) : (
                <ul class="assigned-list" aria-labelledby={`coach-${c.id}`}>
                  {mine.map((x) => (
                    <li key={x.id}>
                      <span>
                        {x.display_name} <span class="muted small">({levelLabel(x.training_level)})</span>
                      </span>
                      <button type="button" class="button ghost small" onClick={() => void unassign(c, x)}>
                        Unassign<span class="visually-hidden"> {x.display_name} from {c.display_name}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
