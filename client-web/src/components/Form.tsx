import type { ComponentChildren, JSX, Ref } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';

/**
 * Small building blocks shared by the forms: a labelled field, controls that
 * report their value as a string, the error line and the submit row, and the
 * busy/error bookkeeping around one API call.
 */

/** The busy state and the error line of a form whose actions are told apart by a key. */
export function useKeyedAction<K>() {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<string | null>(null);
  /**
   * Runs `work` with `busy` set to `key`; a failure becomes the error line
   * (then `onFail` runs), except a 401: the app shows the sign-in instead.
   */
  const run = async (key: K, work: () => Promise<void>, onFail?: () => void): Promise<void> => {
    setBusy(key);
    setError(null);
    try {
      await work();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
      onFail?.();
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, setError, run };
}

export interface FormAction {
  busy: boolean;
  error: string | null;
  setError: (error: string | null) => void;
  run: (work: () => Promise<void>, onFail?: () => void) => Promise<void>;
}

/** useKeyedAction for a form with one action: `busy` is a boolean. */
export function useFormAction(): FormAction {
  const action = useKeyedAction<true>();
  return {
    busy: action.busy !== null,
    error: action.error,
    setError: action.setError,
    run: (work, onFail) => action.run(true, work, onFail),
  };
}

/**
 * `<div class="field">` with a label for the control given as children, and
 * optional help text (give the control `aria-describedby={helpId}`).
 */
export function Field({
  id,
  label,
  labelClass,
  help,
  helpId,
  children,
}: {
  id: string;
  label: ComponentChildren;
  labelClass?: string;
  help?: ComponentChildren;
  helpId?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={id} class={labelClass}>
        {label}
      </label>
      {children}
      {help && (
        <p id={helpId} class="muted small">
          {help}
        </p>
      )}
    </div>
  );
}

/** The attributes the forms set on their controls, besides the value. */
interface ControlProps<E> {
  id: string;
  name?: string;
  class?: string;
  placeholder?: string;
  autocomplete?: string;
  autocapitalize?: 'none';
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  spellcheck?: boolean;
  required?: boolean;
  min?: number;
  max?: number;
  step?: number;
  rows?: number;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  value: string | number;
  onValue: (value: string) => void;
  controlRef?: Ref<E>;
}

/** An `<input>` that reports its value on every keystroke. */
export function TextInput({ onValue, controlRef, ...rest }: ControlProps<HTMLInputElement> & { type: 'text' | 'number' | 'password' | 'datetime-local' }) {
  // The DOM typings tie attributes to each input type; these are all valid for `type`.
  return <input ref={controlRef} {...(rest as JSX.IntrinsicElements['input'])} onInput={(e) => onValue(e.currentTarget.value)} />;
}

/** A `<textarea>` that reports its value on every keystroke. */
export function TextArea({ onValue, controlRef, ...rest }: ControlProps<HTMLTextAreaElement>) {
  return <textarea ref={controlRef} {...rest} onInput={(e) => onValue(e.currentTarget.value)} />;
}

/** A `<select>` with one option per item; `optionValue` defaults to the item itself. */
export function Select<T extends string | number | { id: number }>({
  options,
  optionLabel,
  optionValue = (item) => item as string | number,
  onValue,
  controlRef,
  ...rest
}: ControlProps<HTMLSelectElement> & {
  options: readonly T[];
  optionLabel: (item: T) => string;
  optionValue?: (item: T) => string | number;
}) {
  return (
    <select ref={controlRef} {...rest} onChange={(e) => onValue(e.currentTarget.value)}>
      {options.map((item) => {
        const value = optionValue(item);
        return (
          <option key={value} value={value}>
            {optionLabel(item)}
          </option>
        );
      })}
    </select>
  );
}

/** The form's error line, announced as it appears. */
export function FormError({ id, error }: { id?: string; error: string | null }) {
  return (
    <div id={id} class="form-error" role="alert">
      {error}
    </div>
  );
}

/** `<div class="form-actions">`: other buttons (children), then the submit button. */
export function SubmitRow({
  busy,
  label,
  busyLabel,
  disabled = busy,
  buttonClass = 'button primary',
  children,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  disabled?: boolean;
  buttonClass?: string;
  children?: ComponentChildren;
}) {
  return (
    <div class="form-actions">
      {children}
      <button type="submit" class={buttonClass} aria-disabled={disabled}>
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
