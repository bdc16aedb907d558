import { useState } from 'preact/hooks';
import type { AuditEntry, AuditFilters } from '../api/types';
import { Field, TextInput } from '../components/Form';
import { PagedList } from '../components/PagedList';
import { useApp } from '../context';
import { formatAbsolute, parseTime } from '../lib/time';

const TARGET_TYPES = ['', 'post', 'reply', 'user', 'annotation', 'goal', 'policy'];

/** The audit trail, newest first, with filters; admins can export it as JSON Lines. */
export function AuditScreen() {
  const { api, user } = useApp();
  const [draft, setDraft] = useState<AuditFilters>({});
  const [filters, setFilters] = useState<AuditFilters>({});
  const set = (key: keyof AuditFilters) => (value: string) => setDraft({ ...draft, [key]: value });
  const apply = (event: Event) => {
    event.preventDefault();
    setFilters({ ...draft });
  };
  const clear = () => {
    setDraft({});
    setFilters({});
  };
  return (
    <>
      <div class="page-head page-head-actions">
        <div>
          <h1 tabIndex={-1}>Audit trail</h1>
          <p class="lede">Every change in Greenroom, newest first. Entries are hash-chained and cannot be edited.</p>
        </div>
        {user.role === 'admin' && (
          <a class="button secondary" href={api.auditExportHref(filters)} download="greenroom-audit.ndjson">
            Export JSON Lines
          </a>
        )}
      </div>
      <form class="audit-filters" onSubmit={apply} aria-label="Filter the audit trail">
        <Field id="audit-actor" label="Actor (username or id)">
          <TextInput type="text" id="audit-actor" autocapitalize="none" spellcheck={false} value={draft.actor ?? ''} onValue={set('actor')} />
        </Field>
        <Field id="audit-action" label="Action">
          <TextInput type="text" id="audit-action" autocapitalize="none" spellcheck={false} placeholder="e.g. moderation_hide" value={draft.action ?? ''} onValue={set('action')} />
        </Field>
        <div class="field">
          <label for="audit-target-type">Target type</label>
          <select id="audit-target-type" value={draft.target_type ?? ''} onChange={(e) => set('target_type')(e.currentTarget.value)}>
            {TARGET_TYPES.map((t) => (
              <option key={t} value={t}>
                {t === '' ? 'Any' : t}
              </option>
            ))}
          </select>
        </div>
        <Field id="audit-target-id" label="Target id">
          <TextInput type="number" id="audit-target-id" min={1} value={draft.target_id ?? ''} onValue={set('target_id')} />
        </Field>
        <Field id="audit-since" label="From">
          <TextInput type="datetime-local" id="audit-since" value={draft.since ?? ''} onValue={set('since')} />
        </Field>
        <Field id="audit-until" label="Until">
          <TextInput type="datetime-local" id="audit-until" value={draft.until ?? ''} onValue={set('until')} />
        </Field>
        <div class="form-actions">
          <button type="button" class="button secondary" onClick={clear}>
            Clear
          </button>
          <button type="submit" class="button primary">
            Apply filters
          </button>
        </div>
      </form>
      <PagedList<AuditEntry>
        load={(before, signal) => api.audit(filters, before, signal)}
        label="Audit entries"
        noun="entries"
        resetKey={JSON.stringify(filters)}
        empty={
          <div class="empty">
            <p>No entries match these filters.</p>
          </div>
        }
        renderItem={(e) => <AuditItem entry={e} />}
      />
    </>
  );
}

function AuditItem({ entry }: { entry: AuditEntry }) {
  const at = parseTime(entry.at);
  const detail = Object.keys(entry.detail ?? {}).length > 0 ? JSON.stringify(entry.detail) : '';
  return (
    <article class="audit-entry" aria-label={`Audit entry ${entry.id}: ${entry.action}`} data-action={entry.action}>
      <p class="audit-head">
        <code class="audit-action">{entry.action}</code>
        <span class="muted">
          {' '}
          by {entry.actor ? `${entry.actor.display_name} (@${entry.actor.username})` : 'nobody signed in'}
        </span>
      </p>
      <dl class="audit-facts">
        <div>
          <dt>When</dt>
          <dd>{at ? formatAbsolute(at) : entry.at}</dd>
        </div>
        {entry.target_type && (
          <div>
            <dt>Target</dt>
            <dd>
              {entry.target_type}
              {entry.target_id !== null ? ` ${entry.target_id}` : ''}
            </dd>
          </div>
        )}
        {entry.reason && (
          <div>
            <dt>Reason</dt>
            <dd data-testid="audit-reason">{entry.reason}</dd>
          </div>
        )}
        {entry.client && (
          <div>
            <dt>Client</dt>
            <dd>{entry.client}</dd>
          </div>
        )}
        {detail && (
          <div>
            <dt>Detail</dt>
            <dd>
              <code class="audit-detail">{detail}</code>
            </dd>
          </div>
        )}
        <div>
          <dt>Entry</dt>
          <dd>
            #{entry.id} <code class="audit-hash" title={entry.hash}>{entry.hash.slice(0, 12)}…</code>
          </dd>
        </div>
      </dl>
    </article>
  );
}
