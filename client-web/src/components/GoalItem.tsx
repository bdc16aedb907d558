import type { Goal } from '../api/types';
import { describeDue, goalPercent, goalStatus, goalStatusLabel, metricLabel, termLabel } from '../lib/goals';
import { formatAbsolute, parseTime } from '../lib/time';

/** One goal: title, progress bar, status (overdue / due soon visible), due date. */
export function GoalItem({ goal, onDelete, deleting }: { goal: Goal; onDelete?: () => void; deleting?: boolean }) {
  const status = goalStatus(goal);
  const percent = goalPercent(goal);
  const barId = `goal-${goal.id}-bar`;
  const due = parseTime(goal.due_at);
  return (
    <article class={`goal goal-${status}`} aria-labelledby={`goal-${goal.id}-title`} data-goal-id={goal.id}>
      <header class="goal-head">
        <h3 id={`goal-${goal.id}-title`} class="goal-title">
          {goal.title}
        </h3>
        <span class={`badge badge-goal-${status}`} data-testid="goal-status">
          {goalStatusLabel(status)}
        </span>
      </header>
      <label class="goal-progress-label" for={barId}>
        {metricLabel(goal.metric)}: {goal.progress} of {goal.target}
      </label>
      <progress id={barId} class="goal-bar" max={100} value={percent} aria-valuetext={`${percent}%`}>
        {percent}%
      </progress>
      <p class="goal-meta muted small">
        {termLabel(goal.term)} · <time dateTime={goal.due_at}>{describeDue(goal.due_at)}</time>
        {due ? ` (${formatAbsolute(due)})` : ''} · set by {goal.coach?.display_name ?? 'your coach'}
      </p>
      {onDelete && (
        <button type="button" class="button ghost small" onClick={onDelete} aria-disabled={deleting}>
          {deleting ? 'Deleting…' : <>Delete goal<span class="visually-hidden"> “{goal.title}”</span></>}
        </button>
      )}
    </article>
  );
}
