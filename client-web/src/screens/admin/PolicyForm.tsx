import { useState } from 'preact/hooks';
import { RULE_ORDER, RULE_TITLES, type PolicyRules, type RuleKey, type Severity } from '../../lib/goldenRules';

/**
 * The golden rules as a form: each rule switched on or off, its severity, its limits and its
 * terms (one per line). The server validates the whole document when it is saved.
 */

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error: blocks publishing', warning: 'Warning', info: 'Tip' };

/** Numeric settings per rule: [field, label, min, max]. */
const LIMITS: Partial<Record<RuleKey, Array<[string, string, number, number]>>> = {
  length: [
    ['max_characters', 'Most characters allowed', 1, 5000],
    ['recommended_max_characters', 'Characters before the length hint', 1, 5000],
  ],
  shouting: [
    ['caps_run_words', 'Words in capitals in a row', 1, 50],
    ['caps_ratio_percent', 'Most capital letters (%)', 1, 100],
    ['caps_ratio_min_letters', 'Only for texts of at least (letters)', 1, 5000],
    ['max_exclamation_marks', 'Exclamation marks in a row', 1, 20],
  ],
  hashtags: [['max_hashtags', 'Most hashtags', 0, 100]],
  mentions: [['max_mentions', 'Most mentions', 0, 100]],
};

const TERM_RULES: RuleKey[] = ['banned_terms', 'confidential_terms'];

export function termsToText(terms: unknown): string {
  return Array.isArray(terms) ? terms.join('\n') : '';
}

export function textToTerms(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const term = line.trim();
    if (term === '' || seen.has(term.toLowerCase())) continue;
    seen.add(term.toLowerCase());
    out.push(term);
  }
  return out;
}

type Doc = Record<string, Record<string, unknown>>;

export function PolicyForm({ policy, onChange }: { policy: PolicyRules; onChange: (next: PolicyRules) => void }) {
  const doc = policy as unknown as Doc;
  const [termText, setTermText] = useState<Record<string, string>>({});
  const set = (key: RuleKey, field: string, value: unknown) => {
    onChange({ ...(policy as object), [key]: { ...doc[key], [field]: value } } as PolicyRules);
  };
  return (
    <div class="policy-rules">
      {RULE_ORDER.filter((key) => doc[key]).map((key) => {
        const rule = doc[key];
        const p = `policy-${key}`;
        return (
          <fieldset key={key} class="policy-rule" data-rule={key}>
            <legend>{RULE_TITLES[key]}</legend>
            <div class="policy-rule-row">
              <label class="checkbox">
                <input type="checkbox" id={`${p}-enabled`} checked={rule.enabled === true} onChange={(e) => set(key, 'enabled', (e.target as HTMLInputElement).checked)} /> Checked
              </label>
              <div class="field">
                <label for={`${p}-severity`}>Severity</label>
                <select id={`${p}-severity`} value={String(rule.severity)} onChange={(e) => set(key, 'severity', (e.target as HTMLSelectElement).value)}>
                  {SEVERITIES.map((s) => (
                    <option key={s} value={s}>
                      {SEVERITY_LABELS[s]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {(LIMITS[key] ?? []).map(([field, label, min, max]) => (
              <div class="field" key={field}>
                <label for={`${p}-${field}`}>{label}</label>
                <input
                  id={`${p}-${field}`}
                  type="number"
                  min={min}
                  max={max}
                  step={1}
                  value={String(rule[field] ?? '')}
                  onInput={(e) => {
                    const v = (e.target as HTMLInputElement).value;
                    set(key, field, v === '' ? '' : Number(v));
                  }}
                />
              </div>
            ))}
            {key === 'personal_data' && (
              <div class="policy-rule-row">
                <label class="checkbox">
                  <input type="checkbox" id={`${p}-emails`} checked={rule.emails === true} onChange={(e) => set(key, 'emails', (e.target as HTMLInputElement).checked)} /> Email addresses
                </label>
                <label class="checkbox">
                  <input type="checkbox" id={`${p}-phones`} checked={rule.phone_numbers === true} onChange={(e) => set(key, 'phone_numbers', (e.target as HTMLInputElement).checked)} /> Phone numbers
                </label>
              </div>
            )}
            {TERM_RULES.includes(key) && (
              <div class="field">
                <label for={`${p}-terms`}>Terms, one per line (end with * to match any ending)</label>
                <textarea
                  id={`${p}-terms`}
                  class="code"
                  rows={6}
                  spellcheck={false}
                  value={termText[key] ?? termsToText(rule.terms)}
                  onInput={(e) => {
                    const text = (e.target as HTMLTextAreaElement).value;
                    setTermText({ ...termText, [key]: text });
                    set(key, 'terms', textToTerms(text));
                  }}
                />
              </div>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
