import { useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { PostVersion, Review, Rubric } from '../api/types';
import { useApp } from '../context';
import { placeAnnotations } from '../lib/annotations';
import { summariseDiff, wordDiff } from '../lib/worddiff';
import { AnnotatedBody, AnnotationCard } from './Annotations';
import { RelativeTime } from './RelativeTime';

export const RUBRIC_CRITERIA: Array<{ key: keyof Rubric; label: string; help: string }> = [
  { key: 'clarity', label: 'Clarity', help: 'Is the point easy to get on first reading?' },
  { key: 'tone', label: 'Tone', help: 'Warm, direct, and right for the moment?' },
  { key: 'audience_fit', label: 'Audience fit', help: 'Does it speak to the people who will read it?' },
  { key: 'policy', label: 'Policy', help: 'Does it keep to the golden rules?' },
];

export function verdictLabel(verdict: string): string {
  return verdict === 'approve' ? 'Approved' : verdict === 'changes_requested' ? 'Changes requested' : verdict;
}

/** The reviews of a post with rubric scores and verdict, oldest first. */
export function ReviewList({ reviews }: { reviews: Review[] }) {
  return (
    <section class="reviews" aria-labelledby="reviews-title">
      <h2 id="reviews-title" class="section-title">
        Reviews
      </h2>
      {reviews.length === 0 ? (
        <p class="muted">No review yet.</p>
      ) : (
        <ol class="review-list" aria-label="Reviews">
          {reviews.map((r) => (
            <li key={r.id} class="review-item">
              <p class="review-head">
                <span class={`badge badge-verdict-${r.verdict}`}>{verdictLabel(r.verdict)}</span>{' '}
                <strong>{r.coach.display_name}</strong> · version {r.version} · <RelativeTime iso={r.created_at} />
              </p>
              {r.comment && <p class="review-comment">{r.comment}</p>}
              <dl class="rubric-scores">
                {RUBRIC_CRITERIA.map((c) => (
                  <div key={c.key}>
                    <dt>{c.label}</dt>
                    <dd>{r.rubric?.[c.key] ?? '—'} / 5</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * Edit history: every version of the post in its own words, with the notes made on it
 * anchored where they were on that version, and a word-level comparison of any two.
 */
export function VersionHistory({ postId, readerView = false }: { postId: number; readerView?: boolean }) {
  const { api } = useApp();
  const [versions, setVersions] = useState<PostVersion[] | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const toggle = async () => {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    setLoading(true);
    setError(null);
    try {
      const { items } = await api.versions(postId);
      setVersions(items);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  };

  return (
    <section class="versions" aria-labelledby="versions-title">
      <h2 id="versions-title" class="section-title">
        Edit history
      </h2>
      <button type="button" class="button secondary small" aria-expanded={open} aria-controls="version-list" onClick={() => void toggle()}>
        {open ? 'Hide edit history' : 'Show edit history'}
      </button>
      <div id="version-list" hidden={!open}>
        {loading && (
          <p class="loading" role="status">
            <span class="spinner" aria-hidden="true" /> Loading versions…
          </p>
        )}
        <div class="form-error" role="alert">
          {error}
        </div>
        {open && versions && versions.length > 1 && <VersionDiff versions={versions} />}
        {open && versions && (
          <ol class="version-list" aria-label="Versions">
            {versions.map((v) => {
              // the server anchors each note on the version it was made on
              const placement = placeAnnotations(
                v.body,
                v.annotations.map((a) => ({ ...a, resolved: false, orphaned: false })),
              );
              return (
                <li key={v.version} class="version-item" data-version={v.version}>
                  <h3 class="subsection-title">
                    Version {v.version}
                    {v.pending ? <span class="badge badge-state-in_review"> correction, not published</span> : null}{' '}
                    <span class="muted small">
                      · <RelativeTime iso={v.created_at} />
                    </span>
                  </h3>
                  <AnnotatedBody text={v.body} placement={placement} label={`Version ${v.version} text`} />
                  {readerView ? null : v.annotations.length > 0 ? (
                    <ul class="annotation-list compact" aria-label={`Annotations on version ${v.version}`}>
                      {v.annotations.map((a) => (
                        <li key={a.id}>
                          <AnnotationCard annotation={a} canApply={false} readOnly onChange={() => undefined} />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p class="muted small">No annotations on this version.</p>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </section>
  );
}

/** Compare any two versions word by word (jsdiff). */
function VersionDiff({ versions }: { versions: PostVersion[] }) {
  const numbers = versions.map((v) => v.version);
  const [from, setFrom] = useState(numbers[numbers.length - 2]);
  const [to, setTo] = useState(numbers[numbers.length - 1]);
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  const parts = a && b ? wordDiff(a.body, b.body) : [];
  return (
    <section class="version-diff" aria-labelledby="diff-title">
      <h3 id="diff-title" class="subsection-title">
        Compare versions
      </h3>
      <div class="diff-pickers">
        <div class="field">
          <label for="diff-from">From</label>
          <select id="diff-from" value={from} onChange={(e) => setFrom(Number((e.target as HTMLSelectElement).value))}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                Version {n}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="diff-to">To</label>
          <select id="diff-to" value={to} onChange={(e) => setTo(Number((e.target as HTMLSelectElement).value))}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                Version {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="muted small" aria-live="polite" data-testid="diff-summary">
        Version {from} → version {to}: {summariseDiff(parts)}.
      </p>
      <p class="diff-text" data-testid="version-diff">
        {parts.map((p, i) =>
          p.kind === 'added' ? (
            <ins key={i}>{p.text}</ins>
          ) : p.kind === 'removed' ? (
            <del key={i}>{p.text}</del>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
    </section>
  );
}
