import { diffJson } from 'diff';
import { useState } from 'preact/hooks';
import type { PolicyDocument } from '../../api/types';
import { Field, FormError, SubmitRow, TextArea, useFormAction, useKeyedAction } from '../../components/Form';
import { LoadError, LoadingLine, useLoad } from '../../components/Loader';
import { useApp } from '../../context';
import type { PolicyRules } from '../../lib/goldenRules';
import { formatAbsolute, parseTime } from '../../lib/time';
import { Link } from '../../navigation';
import { PolicyForm } from './PolicyForm';

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

/**
 * Admin · Policy: edit the golden rules through a form (terms, limits, severities), or as
 * JSON under "Advanced"; every saved version is listed with who saved it, compared with the
 * rules in force, and can be rolled back (a new version equal to the old one).
 */
export function PolicySection() {
  const { api, announce } = useApp();
  const { state, reload, set } = useLoad((signal) => api.policy(signal), 'policy');
  const [edited, setEdited] = useState<PolicyRules | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const { busy, error, setError, run } = useFormAction();
  const doc: PolicyDocument | null = state.status === 'ready' ? state.data : null;
  const rules = edited ?? ((doc?.policy ?? {}) as PolicyRules);
  const value = text ?? JSON.stringify(rules, null, 2);

  const saved = (next: PolicyDocument, message: string) => {
    set(next);
    setEdited(null);
    setText(null);
    setHistoryKey((k) => k + 1);
    announce(message, 'success');
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    let document: Record<string, unknown> = rules as unknown as Record<string, unknown>;
    if (text !== null) {
      const parsed = parsePolicyText(text);
      if (!parsed.ok) {
        setError(parsed.message);
        focusEditor();
        return;
      }
      document = parsed.value;
    }
    await run(async () => {
      const next = await api.savePolicy(document);
      saved(next, `Policy saved: version ${next.version}.`);
    });
  };

  if (state.status === 'loading') return <LoadingLine what="the policy" />;
  if (state.status === 'error') return <LoadError message={state.message} onRetry={reload} />;
  const updated = doc ? parseTime(doc.updated_at) : null;
  return (
    <>
      <form class="policy-form" onSubmit={save} aria-label="Golden rules">
        <p class="policy-version" data-testid="policy-version">
          Version <strong>{doc?.version}</strong>
          {updated ? `, saved ${formatAbsolute(updated)}` : ''}. Every saved version is kept. <Link href="/rules">See how everyone reads them</Link>.
        </p>
        <PolicyForm
          key={doc?.version}
          policy={rules}
          onChange={(next) => {
            setEdited(next);
            setText(null);
            if (error) setError(null);
          }}
        />
        <details class="policy-advanced">
          <summary>Advanced: edit as JSON</summary>
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
        </details>
        <FormError id="policy-error" error={error} />
        <SubmitRow busy={busy} label="Save policy" busyLabel="Saving…">
          <button
            type="button"
            class="button ghost"
            onClick={() => {
              setEdited(null);
              setText(null);
              setError(null);
            }}
          >
            Discard changes
          </button>
        </SubmitRow>
      </form>
      {doc && <PolicyHistory key={historyKey} current={doc} onRolledBack={(next, to) => saved(next, `Rolled back: version ${next.version} has the rules of version ${to}.`)} />}
    </>
  );
}

/** Every version with who saved it; compare one with the rules in force, or roll back to it. */
function PolicyHistory({ current, onRolledBack }: { current: PolicyDocument; onRolledBack: (next: PolicyDocument, to: number) => void }) {
  const { api } = useApp();
  const { state, reload } = useLoad((signal) => api.policyVersions(signal), `policy-versions-${current.version}`);
  const [compared, setCompared] = useState<PolicyDocument | null>(null);
  const { busy, error, run } = useKeyedAction<number>();

  const compare = (version: number) =>
    run(version, async () => {
      setCompared(await api.policyVersion(version));
    });

  return (
    <section class="policy-history" aria-labelledby="policy-history-title">
      <h2 id="policy-history-title" class="section-title">
        Versions
      </h2>
      {state.status === 'loading' && <LoadingLine what="the versions" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <ol class="policy-versions" aria-label="Policy versions">
          {state.data.items.map((v) => {
            const when = parseTime(v.created_at);
            return (
              <li key={v.version} data-version={v.version}>
                <span>
                  <strong>Version {v.version}</strong> · {v.created_by ? v.created_by.display_name : 'installed defaults'}
                  {when ? ` · ${formatAbsolute(when)}` : ''}
                  {v.version === current.version ? ' · in force' : ''}
                </span>
                {v.version !== current.version && (
                  <span class="policy-version-actions">
                    <button type="button" class="button secondary small" aria-disabled={busy !== null} onClick={() => void compare(v.version)}>
                      Compare<span class="visually-hidden"> version {v.version}</span> with version {current.version}
                    </button>
                    <button
                      type="button"
                      class="button ghost small"
                      aria-disabled={busy !== null}
                      onClick={() => void run(v.version, async () => onRolledBack(await api.rollbackPolicy(v.version), v.version))}
                    >
                      Roll back to version {v.version}
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <FormError id="policy-history-error" error={error} />
      {compared && <PolicyDiff from={compared} to={current} />}
    </section>
  );
}

function PolicyDiff({ from, to }: { from: PolicyDocument; to: PolicyDocument }) {
  const strip = (p: Record<string, unknown>) => ({ ...p, version: undefined });
  const parts = diffJson(strip(from.policy), strip(to.policy));
  const changed = parts.filter((p) => p.added || p.removed);
  return (
    <section class="policy-diff" aria-labelledby="policy-diff-title">
      <h3 id="policy-diff-title" class="subsection-title">
        Version {from.version} → version {to.version}
      </h3>
      {changed.length === 0 ? (
        <p data-testid="policy-diff">The rules are the same.</p>
      ) : (
        <pre class="diff-text code" data-testid="policy-diff">
          {parts.map((p, i) =>
            p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <span key={i} class="muted">{p.value}</span>,
          )}
        </pre>
      )}
    </section>
  );
}
