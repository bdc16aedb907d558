import { useState } from 'preact/hooks';
import type { Question } from '../api/blogTypes';
import type { ModerationActionName, Post, Reply, ReportTarget } from '../api/types';
import { useApp } from '../context';
import { MAX_MODERATION_REASON, actionDone, actionLabel, actionsFor } from '../lib/moderation';
import { Field, FormError, SubmitRow, TextArea, useFormAction } from './Form';

/**
 * A moderator's decision on one post or reply: the actions that apply to it
 * now, and the reason (required; the author is told it).
 */
export function ModerationActions({
  targetType,
  targetId,
  item,
  post,
  hasReports,
  label,
  onDone,
}: {
  targetType: ReportTarget;
  targetId: number;
  item: Post | Reply | Question;
  post: Post | null;
  hasReports: boolean;
  label: string;
  onDone: (action: ModerationActionName) => void;
}) {
  const { api, announce } = useApp();
  const actions = actionsFor(targetType, item, post, hasReports);
  const [action, setAction] = useState<ModerationActionName | null>(null);
  const [reason, setReason] = useState('');
  const form = useFormAction();
  const base = `moderate-${targetType}-${targetId}`;
  const submit = (event: Event) => {
    event.preventDefault();
    if (form.busy) return;
    if (!action) return form.setError('Choose an action.');
    const text = reason.trim();
    if (text === '') return form.setError('Give a reason: the author is told it, and it goes into the audit trail.');
    if (text.length > MAX_MODERATION_REASON) return form.setError(`The reason can be at most ${MAX_MODERATION_REASON} characters.`);
    void form.run(async () => {
      await api.moderate(targetType, targetId, action, text);
      announce(actionDone(action), 'success');
      setReason('');
      setAction(null);
      onDone(action);
    });
  };
  return (
    <form class="case-actions" onSubmit={submit} noValidate aria-label={label}>
      <fieldset class="action-choices">
        <legend>Action</legend>
        {actions.map((a) => (
          <label key={a} class={`action-choice${action === a ? ' is-selected' : ''}`}>
            <input type="radio" name={`${base}-action`} value={a} checked={action === a} onChange={() => setAction(a)} />
            {actionLabel(a)}
          </label>
        ))}
      </fieldset>
      <Field id={`${base}-reason`} label="Reason (required)" help={`Shown to the author; 1 to ${MAX_MODERATION_REASON} characters.`} helpId={`${base}-reason-help`}>
        <TextArea id={`${base}-reason`} rows={2} required value={reason} onValue={setReason} aria-describedby={`${base}-reason-help`} />
      </Field>
      <FormError error={form.error} />
      <SubmitRow busy={form.busy} label="Apply" busyLabel="Applying…" />
    </form>
  );
}
