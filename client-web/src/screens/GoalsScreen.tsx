import { MyDrills } from '../components/Drills';
import { GoalItem } from '../components/GoalItem';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { useApp } from '../context';
import { goalStatus } from '../lib/goals';

/** An executive's goals with progress, set by their coach. */
export function GoalsScreen() {
  const { api, user } = useApp();
  const { state, reload } = useLoad((signal) => api.goals(user.id, signal), `goals-${user.id}`);
  const goals = state.status === 'ready' ? state.data.items : [];
  const overdue = goals.filter((g) => goalStatus(g) === 'overdue').length;
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Goals</h1>
        <p class="lede">What you and your coach are working towards. Progress counts your real activity.</p>
      </div>
      {state.status === 'loading' && <LoadingLine what="your goals" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' && goals.length === 0 && (
        <div class="empty">
          <p>No goals yet. Your coach sets them with you.</p>
        </div>
      )}
      {overdue > 0 && (
        <p class="hint">
          {overdue} {overdue === 1 ? 'goal is' : 'goals are'} overdue. Talk to your coach about a new date.
        </p>
      )}
      {goals.length > 0 && (
        <ul class="goal-list" aria-label="Your goals">
          {goals.map((g) => (
            <li key={g.id}>
              <GoalItem goal={g} />
            </li>
          ))}
        </ul>
      )}
      {user.role === 'executive' && <MyDrills />}
    </>
  );
}
