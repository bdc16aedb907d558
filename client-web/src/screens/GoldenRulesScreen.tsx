import { useEffect, useState } from 'preact/hooks';
import type { Finding } from '../api/types';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { useApp } from '../context';
import { describePolicy, severityEffect, type PolicyRules, type RuleSummary } from '../lib/goldenRules';
import { formatAbsolute, parseTime } from '../lib/time';

/** The golden rules for everyone, generated from the policy in force. */
export function GoldenRulesScreen() {
  const { api } = useApp();
  const { state, reload } = useLoad((signal) => api.policy(signal), 'golden-rules');
  const rules = state.status === 'ready' ? describePolicy(state.data.policy as PolicyRules) : [];
  const updated = state.status === 'ready' ? parseTime(state.data.updated_at) : null;
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Golden rules</h1>
        <p class="lede">
          A few rules, checked as you type. Each says what it catches and why. {state.status === 'ready' && (
            <span class="muted">
              Version {state.data.version}
              {updated ? `, ${formatAbsolute(updated)}` : ''}.
            </span>
          )}
        </p>
      </div>
      {state.status === 'loading' && <LoadingLine what="the golden rules" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <ol class="golden-rules" aria-label="Golden rules">
          {rules.map((rule) => (
            <li key={rule.key}>
              <RuleCard rule={rule} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function RuleCard({ rule }: { rule: RuleSummary }) {
  const { api } = useApp();
  const [finding, setFinding] = useState<Finding | null | undefined>(undefined);
  // The example is checked by the server: the page shows what the policy really catches.
  useEffect(() => {
    if (!rule.enabled) return undefined;
    const controller = new AbortController();
    api
      .lint(rule.example, controller.signal)
      .then((r) => setFinding(r.findings.find((f) => f.rule === rule.key) ?? null))
      .catch(() => undefined);
    return () => controller.abort();
  }, [api, rule.key, rule.example, rule.enabled]);
  const id = `rule-${rule.key}`;
  return (
    <article class="rule-card" aria-labelledby={id} data-rule={rule.key}>
      <h2 id={id} class="section-title">
        {rule.title}{' '}
        <span class={`badge badge-severity-${rule.enabled ? rule.severity : 'off'}`}>{rule.enabled ? severityEffect(rule.severity) : 'Switched off'}</span>
      </h2>
      <p>{rule.sentence}</p>
      <p class="small">
        <strong>Why:</strong> {rule.why}
      </p>
      {rule.enabled && (
        <div class="rule-example">
          <p class="small">
            <strong>Example it catches:</strong> <q>{rule.example.length > 140 ? `${rule.example.slice(0, 140)}…` : rule.example}</q>
          </p>
          {finding && (
            <p class="small muted" data-testid="rule-finding">
              The check says: {finding.message}
            </p>
          )}
        </div>
      )}
    </article>
  );
}
