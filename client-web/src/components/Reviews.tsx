import { useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { PostVersion, Review, Rubric } from '../api/types';
import { useApp } from '../context';
import { placeAnnotations } from '../lib/annotations';
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

/** Edit history: every version of the post and the annotations made on it. */
export function VersionHistory({ postId }: { postId: number }) {
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
        {open && versions && (
          <ol class="version-list" aria-label="Versions">
            {versions.map((v) => {
              const placement = placeAnnotations(
                v.body,
                // each version shows its annotations where they were made
                v.annotations.map((a) => ({
                  ...a,
                  resolved: false,
                  orphaned: false,
                  anchor: a.original ? { ...a.anchor, start: a.original.start, end: a.original.end } : a.anchor,
                })),
              );
              return (
                <li key={v.version} class="version-item">
                  <h3 class="subsection-title">
                    Version {v.version} <span class="muted small">· <RelativeTime iso={v.created_at} /></span>
                  </h3>
                  <AnnotatedBody text={v.body} placement={placement} />
                  {v.annotations.length > 0 ? (
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
