import type { RefObject } from 'preact';
import { checkBody, describeBodyProblem, normaliseBody } from '../lib/text';
import { FormError, SubmitRow, TextArea, type FormAction } from './Form';

/**
 * A form to write a reply (to a post or to an annotation): the text is
 * checked like a post body, then `send` gets it normalised. The text and the
 * action state belong to the caller, so they outlive the form.
 */
export function ReplyBox({
  formClass,
  id,
  errorId = `${id}-error`,
  name,
  label,
  rows,
  body,
  onBody,
  send,
  action,
  submitLabel,
  busyLabel,
  small = false,
  onCancel,
  inputRef,
}: {
  formClass: string;
  id: string;
  errorId?: string;
  name?: string;
  label: string;
  rows: number;
  body: string;
  onBody: (body: string) => void;
  send: (body: string) => Promise<void>;
  action: FormAction;
  submitLabel: string;
  busyLabel: string;
  small?: boolean;
  onCancel?: () => void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { busy, error, setError, run } = action;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const problem = checkBody(body);
    if (problem) {
      setError(describeBodyProblem(problem).replace('a post', 'a reply'));
      inputRef.current?.focus();
      return;
    }
    await run(() => send(normaliseBody(body)));
  };

  return (
    <form class={formClass} onSubmit={submit}>
      <label for={id}>{label}</label>
      <TextArea
        controlRef={inputRef}
        id={id}
        name={name}
        rows={rows}
        value={body}
        aria-describedby={errorId}
        onValue={(text) => {
          onBody(text);
          if (error) setError(null);
        }}
      />
      <FormError id={errorId} error={error} />
      <SubmitRow busy={busy} label={submitLabel} busyLabel={busyLabel} buttonClass={small ? 'button primary small' : 'button primary'}>
        {onCancel && (
          <button type="button" class="button ghost small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </SubmitRow>
    </form>
  );
}
