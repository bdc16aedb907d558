import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation, Rubric, Verdict } from '../api/types';
import { Field, FormError, TextArea, useKeyedAction } from './Form';
import { RUBRIC_CRITERIA } from './Reviews';

type Scores = Partial<Rubric>;

/**
 * The rubric and the verdict, for a post or a held reply: `onGive` sends it (naming the
 * version the coach read) and reports; a failure shows as the form's error line.
 * For a post, `openNotes` makes "request changes" need a comment unless a note is open on
 * the text, and `openSuggestions` asks the coach to confirm approving with them still open.
 */
export function VerdictForm({
  subject,
  onGive,
  openSuggestions = [],
  openNotes,
}: {
  subject: 'post' | 'reply';
  onGive: (verdict: Verdict, rubric: Rubric, comment: string) => Promise<void>;
  openSuggestions?: Annotation[];
  openNotes?: number;
}) {
  const [scores, setScores] = useState<Scores>({});
  const [comment, setComment] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { busy, error, setError, run } = useKeyedAction<Verdict>();
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const feedbackRequired = openNotes !== undefined;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const give = async (verdict: Verdict, confirmed = false) => {
    if (busy) return;
    const missing = RUBRIC_CRITERIA.filter((c) => !scores[c.key]);
    if (missing.length > 0) {
      setError(`Score every part of the rubric first: ${missing.map((c) => c.label.toLowerCase()).join(', ')}.`);
      document.getElementById(`rubric-${missing[0].key}-1`)?.focus();
      return;
    }
    if (feedbackRequired && verdict === 'changes_requested' && comment.trim() === '' && openNotes === 0) {
      setError('Say what to change: write an overall comment, or leave at least one note on the text.');
      commentRef.current?.focus();
      return;
    }
    if (verdict === 'approve' && openSuggestions.length > 0 && !confirmed) {
      setError(null);
      setConfirming(true);
      return;
    }
    setConfirming(false);
    await run(verdict, () => onGive(verdict, scores as Rubric, comment));
  };

  return (
    <form class="verdict-form" data-subject={subject} aria-labelledby="verdict-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="verdict-title" class="section-title">
        Verdict
      </h2>
      <div class="rubric">
        {RUBRIC_CRITERIA.map((c) => (
          <fieldset key={c.key} class="rubric-row" aria-describedby={`rubric-${c.key}-help`}>
            <legend>{c.label}</legend>
            <p id={`rubric-${c.key}-help`} class="muted small">
              {c.help}
            </p>
            <div class="rubric-options">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} class={`rubric-option${scores[c.key] === n ? ' is-selected' : ''}`}>
                  <input
                    type="radio"
                    id={`rubric-${c.key}-${n}`}
                    name={`rubric-${c.key}`}
                    value={n}
                    checked={scores[c.key] === n}
                    onChange={() => setScores({ ...scores, [c.key]: n })}
                  />
                  <span>{n}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      {feedbackRequired ? (
        <Field id="verdict-comment" label="Overall comment" help="Needed to request changes unless you left a note on the text." helpId="verdict-comment-help">
          <TextArea
            controlRef={commentRef}
            id="verdict-comment"
            rows={3}
            value={comment}
            aria-describedby="verdict-comment-help"
            onValue={(v) => {
              setComment(v);
              if (error) setError(null);
            }}
          />
        </Field>
      ) : (
        <Field id="verdict-comment" label="Overall comment">
          <TextArea controlRef={commentRef} id="verdict-comment" rows={3} value={comment} onValue={setComment} />
        </Field>
      )}
      <FormError id="verdict-error" error={error} />
      {confirming && (
        <div class="confirm-panel" role="group" aria-labelledby="confirm-approve-title">
          <h3 id="confirm-approve-title" class="subsection-title" tabIndex={-1} ref={confirmRef}>
            Approve with {openSuggestions.length === 1 ? 'an open suggestion' : `${openSuggestions.length} open suggestions`}?
          </h3>
          <p class="small">The author can still apply your own suggestions after approval without losing it. Open now:</p>
          <ul class="open-suggestions" aria-label="Open suggestions">
            {openSuggestions.map((a) => (
              <li key={a.id}>
                “{a.anchor.exact}” → “{a.suggestion}” <span class="muted small">({a.coach.display_name})</span>
              </li>
            ))}
          </ul>
          <div class="form-actions">
            <button type="button" class="button ghost" onClick={() => setConfirming(false)}>
              Go back
            </button>
            <button type="button" class="button primary" aria-disabled={busy !== null} onClick={() => void give('approve', true)}>
              {busy === 'approve' ? 'Approving…' : 'Approve anyway'}
            </button>
          </div>
        </div>
      )}
      {!confirming && (
        <div class="form-actions">
          <button type="button" class="button secondary" onClick={() => void give('changes_requested')} aria-disabled={busy !== null}>
            {busy === 'changes_requested' ? 'Sending…' : 'Request changes'}
          </button>
          <button type="button" class="button primary" onClick={() => void give('approve')} aria-disabled={busy !== null}>
            {busy === 'approve' ? 'Approving…' : 'Approve'}
          </button>
        </div>
      )}
    </form>
  );
}
