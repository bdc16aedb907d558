import { useState } from 'preact/hooks';
import type { Rubric, Verdict } from '../api/types';
import { Field, FormError, TextArea, useKeyedAction } from './Form';
import { RUBRIC_CRITERIA } from './Reviews';

type Scores = Partial<Rubric>;

/**
 * The rubric and the verdict, for a post or a held reply: `onGive` sends it (naming the
 * version the coach read) and reports; a failure shows as the form's error line.
 */
export function VerdictForm({
  subject,
  onGive,
}: {
  subject: 'post' | 'reply';
  onGive: (verdict: Verdict, rubric: Rubric, comment: string) => Promise<void>;
}) {
  const [scores, setScores] = useState<Scores>({});
  const [comment, setComment] = useState('');
  const { busy, error, setError, run } = useKeyedAction<Verdict>();

  const give = async (verdict: Verdict) => {
    if (busy) return;
    const missing = RUBRIC_CRITERIA.filter((c) => !scores[c.key]);
    if (missing.length > 0) {
      setError(`Score every part of the rubric first: ${missing.map((c) => c.label.toLowerCase()).join(', ')}.`);
      document.getElementById(`rubric-${missing[0].key}-1`)?.focus();
      return;
    }
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
      <Field id="verdict-comment" label="Overall comment">
        <TextArea id="verdict-comment" rows={3} value={comment} onValue={setComment} />
      </Field>
      <FormError id="verdict-error" error={error} />
      <div class="form-actions">
        <button type="button" class="button secondary" onClick={() => void give('changes_requested')} aria-disabled={busy !== null}>
          {busy === 'changes_requested' ? 'Sending…' : 'Request changes'}
        </button>
        <button type="button" class="button primary" onClick={() => void give('approve')} aria-disabled={busy !== null}>
          {busy === 'approve' ? 'Approving…' : 'Approve'}
        </button>
      </div>
    </form>
  );
}
