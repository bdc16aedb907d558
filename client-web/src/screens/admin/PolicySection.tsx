import { useState } from 'preact/hooks';
import type { PolicyDocument } from '../../api/types';
import { Field, FormError, SubmitRow, TextArea, useFormAction } from '../../components/Form';
import { LoadError, LoadingLine, useLoad } from '../../components/Loader';
import { useApp } from '../../context';
import { formatAbsolute, parseTime } from '../../lib/time';

/** Validates the JSON before sending; the server validates the rules. */
export function parsePolicyText(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `That is not valid JSON: ${e instanceof Error ? e.message : 'could not read it'}.` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: 'The policy must be a JSON object.' };
  return { ok: true, value: value as Record<string, unknown> };
}

const focusEditor = () => document.getElementById('policy-json')?.focus();

/** Admin · Policy: edit the golden rules as JSON; every saved version is kept. */
export function PolicySection() {
  const { api, announce } = useApp();
  const { state, reload, set } = useLoad((signal) => api.policy(signal), 'policy');
  const [text, setText] = useState<string | null>(null);
  const { busy, error, setError, run } = useFormAction();
  const doc: PolicyDocument | null = state.status === 'ready' ? state.data : null;
  const value = text ?? (doc ? JSON.stringify(doc.policy, null, 2) : '');

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const parsed = parsePolicyText(value);
    if (!parsed.ok) {
      setError(parsed.message);
      focusEditor();
      return;
    }
    await run(async () => {
      const saved = await api.savePolicy(parsed.value);
      set(saved);
      setText(null);
      announce(`Policy saved: version ${saved.version}.`, 'success');
    }, focusEditor);
  };

  if (state.status === 'loading') return <LoadingLine what="the policy" />;
  if (state.status === 'error') return <LoadError message={state.message} onRetry={reload} />;
  const updated = doc ? parseTime(doc.updated_at) : null;
  return (
    <form class="policy-form" onSubmit={save}>
      <p class="policy-version" data-testid="policy-version">
        Version <strong>{doc?.version}</strong>
        {updated ? `, saved ${formatAbsolute(updated)}` : ''}. Every saved version is kept.
      </p>
      <Field id="policy-json" label="Golden rules (JSON)" helpId="policy-help" help="The whole document is checked when you save; unknown keys are refused.">
        <TextArea
          id="policy-json"
          class="code"
          rows={24}
          spellcheck={false}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby="policy-help policy-error"
          onValue={(v) => {
            setText(v);
            if (error) setError(null);
          }}
        />
      </Field>
      <FormError id="policy-error" error={error} />
      <SubmitRow busy={busy} label="Save policy" busyLabel="Saving…">
        <button type="button" class="button ghost" onClick={() => { setText(null); setError(null); }}>
          Discard changes
        </button>
      </SubmitRow>
    </form>
  );
}
