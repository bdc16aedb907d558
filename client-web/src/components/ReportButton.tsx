import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReportReason, ReportTarget } from '../api/types';
import { useApp } from '../context';
import { MAX_REPORT_COMMENT, REPORT_REASONS } from '../lib/moderation';
import { Field, FormError, SubmitRow, TextArea, useFormAction } from './Form';
import { FlagIcon } from './Icons';

/**
 * "Report" on a post or reply someone else wrote: opens a modal dialog with
 * the reasons and an optional comment. Reporting again updates the report.
 */
export function ReportButton({
  targetType,
  targetId,
  authorId,
  authorName,
  own = false,
}: {
  targetType: ReportTarget;
  targetId: number;
  authorId: number | null;
  authorName: string;
  /** The caller's own item even when no author is shown (an anonymous question). */
  own?: boolean;
}) {
  const { user } = useApp();
  const [open, setOpen] = useState(false);
  if (own || authorId === user.id) return null;
  const what = targetType;
  return (
    <>
      <button type="button" class="action report-action" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <FlagIcon />
        <span>Report</span>
        <span class="visually-hidden">
          {' '}
          this {what} by {authorName}
        </span>
      </button>
      {open && <ReportDialog targetType={targetType} targetId={targetId} what={what} onClose={() => setOpen(false)} />}
    </>
  );
}

function ReportDialog({ targetType, targetId, what, onClose }: { targetType: ReportTarget; targetId: number; what: string; onClose: () => void }) {
  const { api, announce } = useApp();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [comment, setComment] = useState('');
  const action = useFormAction();
  const base = `report-${targetType}-${targetId}`;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const close = () => dialog.current?.close();
  const submit = (event: Event) => {
    event.preventDefault();
    if (action.busy) return;
    if (!reason) {
      action.setError('Choose why you are reporting it.');
      return;
    }
    if (comment.length > MAX_REPORT_COMMENT) {
      action.setError(`The comment can be at most ${MAX_REPORT_COMMENT} characters.`);
      return;
    }
    void action.run(async () => {
      const { report } = await api.report(targetType, targetId, reason, comment);
      close();
      announce(
        report.created_at === report.updated_at
          ? 'Thank you. A moderator will look at your report.'
          : 'Your report was updated. A moderator will look at it.',
        'success',
      );
    });
  };

  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={`${base}-title`} onClose={onClose}>
      <form class="report-form" onSubmit={submit} noValidate>
        <h2 id={`${base}-title`} class="dialog-title">
          Report this {what}
        </h2>
        <p class="muted small">Moderators see your report and comment. The author is not told who reported it.</p>
        <fieldset class="reason-choices">
          <legend>Why are you reporting it?</legend>
          {REPORT_REASONS.map((r) => (
            <div class="choice" key={r.value}>
              <input
                type="radio"
                id={`${base}-${r.value}`}
                name={`${base}-reason`}
                value={r.value}
                checked={reason === r.value}
                aria-describedby={`${base}-${r.value}-help`}
                onChange={() => {
                  setReason(r.value);
                  action.setError(null);
                }}
              />
              <label for={`${base}-${r.value}`}>{r.label}</label>
              <p id={`${base}-${r.value}-help`} class="muted small choice-help">
                {r.help}
              </p>
            </div>
          ))}
        </fieldset>
        <Field id={`${base}-comment`} label="Comment (optional)" help={`Up to ${MAX_REPORT_COMMENT} characters.`} helpId={`${base}-comment-help`}>
          <TextArea id={`${base}-comment`} rows={3} value={comment} onValue={setComment} aria-describedby={`${base}-comment-help`} />
        </Field>
        <FormError error={action.error} />
        <SubmitRow busy={action.busy} label="Send report" busyLabel="Sending…">
          <button type="button" class="button secondary" onClick={close}>
            Cancel
          </button>
        </SubmitRow>
      </form>
    </dialog>
  );
}
