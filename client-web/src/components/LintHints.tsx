import type { TextareaHTMLAttributes } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api/endpoints';
import { ApiError } from '../api/errors';
import type { Finding } from '../api/types';
import { sliceCodePoints } from '../lib/offsets';
import { sortFindings, summariseFindings, worstSeverity } from '../lib/segments';
import { isBlank } from '../lib/text';
import { Link } from '../navigation';
import { Highlighted } from './Highlighted';

/** Milliseconds of quiet typing before the text is linted. */
export const LINT_DEBOUNCE_MS = 250;

export interface LintState {
  findings: Finding[];
  /** the text the findings are for */
  text: string;
  checking: boolean;
  policyVersion: number | null;
  unavailable: boolean;
}

/** Lints `text` (POST /api/v1/lint) after the writer pauses for a moment. */
export function useLint(api: Api, text: string): LintState {
  const [state, setState] = useState<LintState>({ findings: [], text: '', checking: false, policyVersion: null, unavailable: false });
  useEffect(() => {
    if (isBlank(text)) {
      setState((s) => ({ ...s, findings: [], text, checking: false }));
      return undefined;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, checking: true }));
    const timer = window.setTimeout(() => {
      api
        .lint(text, controller.signal)
        .then((result) => {
          if (controller.signal.aborted) return;
          setState({
            findings: Array.isArray(result.findings) ? result.findings : [],
            text,
            checking: false,
            policyVersion: result.policy_version ?? null,
            unavailable: false,
          });
        })
        .catch((e) => {
          if (controller.signal.aborted || (e instanceof DOMException && e.name === 'AbortError')) return;
          if (e instanceof ApiError && e.status === 401) return;
          setState((s) => ({ ...s, checking: false, unavailable: true }));
        });
    }, LINT_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [api, text]);
  return state;
}

const SEVERITY_LABELS: Record<string, string> = { error: 'Error', warning: 'Warning', info: 'Tip' };

export function severityLabel(severity: string): string {
  return SEVERITY_LABELS[severity] ?? severity;
}

export interface LintedTextareaProps {
  id: string;
  value: string;
  findings: Finding[];
  /** the text the findings were computed for; marks are hidden while it differs */
  findingsText: string;
  onInput: (value: string) => void;
  rows?: number;
  describedBy?: string;
  invalid?: boolean;
  placeholder?: string;
  textareaRef?: { current: HTMLTextAreaElement | null };
  /** More attributes and handlers for the textarea (e.g. @-autocompletion's ARIA and keys). */
  extra?: TextareaHTMLAttributes<HTMLTextAreaElement>;
}

/**
 * A textarea with the policy findings underlined in place: a mirror of the
 * text sits behind the (transparent) textarea with the same box and font, the
 * offending words marked. Only CSS classes and scrollTop are set: nothing
 * inline, so the strict CSP holds.
 */
export function LintedTextarea(props: LintedTextareaProps) {
  const mirror = useRef<HTMLDivElement>(null);
  const own = useRef<HTMLTextAreaElement | null>(null);
  const current = props.findingsText === props.value ? props.findings : [];
  const sync = () => {
    if (mirror.current && own.current) mirror.current.scrollTop = own.current.scrollTop;
  };
  useEffect(sync);
  return (
    <div class="lint-field">
      <div class="lint-mirror" ref={mirror} aria-hidden="true" data-testid="lint-mirror">
        <Highlighted
          text={props.value}
          spans={current.map((f, i) => ({ key: i, start: f.start, end: f.end }))}
          renderMark={(segment, i) => (
            <mark key={i} class={`lint-mark lint-${worstSeverity(segment.keys.map((k) => current[k].severity))}`}>
              {segment.text}
            </mark>
          )}
        />
        {'\n'}
      </div>
      <textarea
        ref={(el) => {
          own.current = el;
          if (props.textareaRef) props.textareaRef.current = el;
        }}
        id={props.id}
        class="lint-input"
        rows={props.rows ?? 8}
        value={props.value}
        placeholder={props.placeholder}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        onInput={(e) => props.onInput((e.target as HTMLTextAreaElement).value)}
        onScroll={sync}
        {...props.extra}
      />
    </div>
  );
}

/** The list of findings with their severity and the words they are about. */
export function FindingList({ findings, text, label = 'Policy hints' }: { findings: Finding[]; text: string; label?: string }) {
  if (findings.length === 0) return null;
  return (
    <ul class="finding-list" aria-label={label}>
      {sortFindings(findings).map((f, i) => {
        let quote = '';
        try {
          quote = sliceCodePoints(text, { start: f.start, end: f.end });
        } catch {
          quote = '';
        }
        return (
          <li key={`${f.rule}-${f.start}-${i}`} class={`finding finding-${f.severity}`}>
            <span class={`badge badge-severity-${f.severity}`}>{severityLabel(f.severity)}</span>{' '}
            <span class="finding-message">{f.message}</span>
            {quote.trim() !== '' && quote.length <= 120 && <span class="finding-quote"> “{quote}”</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** The hints panel under a linted textarea: a live summary and the list. */
export function LintPanel({ lint, text, id }: { lint: LintState; text: string; id: string }) {
  const fresh = lint.text === text;
  const findings = fresh ? lint.findings : lint.findings;
  const summary = isBlank(text)
    ? ''
    : lint.unavailable
      ? 'Policy hints are not available right now.'
      : fresh || !lint.checking
        ? summariseFindings(findings)
        : 'Checking the golden rules…';
  return (
    <section id={id} class="lint-panel" aria-label="Policy hints" data-testid="composer-hints">
      <p class="lint-summary" aria-live="polite">
        {summary && <span class="lint-title">Golden rules: </span>}
        {summary}
      </p>
      <FindingList findings={findings} text={lint.text} />
      <p class="small">
        <Link href="/rules">Read the golden rules</Link>: each in a sentence, with what it catches and why.
      </p>
    </section>
  );
}
