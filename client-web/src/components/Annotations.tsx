import { useRef, useState } from 'preact/hooks';
import type { Annotation, AnnotationReply, Post } from '../api/types';
import { useApp } from '../context';
import { categoryLabel, placeAnnotations, type Placement } from '../lib/annotations';
import { FormError, useKeyedAction, useFormAction } from './Form';
import { Highlighted } from './Highlighted';
import { RelativeTime } from './RelativeTime';
import { ReplyBox } from './ReplyBox';

/** Moves focus to an annotation's card (clicking its highlighted words). */
export function focusAnnotation(id: number): void {
  const card = document.getElementById(`annotation-${id}`);
  if (!card) return;
  card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  card.focus({ preventScroll: true });
}

/**
 * A post body with the open annotations highlighted on their words. The text
 * content is exactly the body, so a coach's selection maps back to offsets.
 */
export function AnnotatedBody({ text, placement, bodyRef, label }: { text: string; placement: Placement; bodyRef?: { current: HTMLDivElement | null }; label?: string }) {
  const byId = new Map(placement.placed.map((p) => [p.annotation.id, p.annotation]));
  return (
    <div class="post-body annotated-body" ref={bodyRef} data-testid="annotated-body" aria-label={label} role={label ? 'region' : undefined}>
      <Highlighted
        text={text}
        spans={placement.placed.map((p) => ({ key: p.annotation.id, start: p.start, end: p.end }))}
        renderMark={(segment, i) => {
          const first = byId.get(segment.keys[segment.keys.length - 1])!;
          const title = segment.keys
            .map((k) => byId.get(k))
            .filter((a): a is Annotation => !!a)
            .map((a) => `${categoryLabel(a.category)}: ${a.comment}`)
            .join('\n');
          return (
            <mark
              key={i}
              class={`anno anno-${first.category}${segment.keys.length > 1 ? ' anno-overlap' : ''}`}
              data-annotation-ids={segment.keys.join(' ')}
              title={title}
              onClick={() => focusAnnotation(first.id)}
            >
              {segment.text}
            </mark>
          );
        }}
      />
    </div>
  );
}

export interface AnnotationPanelProps {
  post: Post;
  annotations: Annotation[];
  /** the author may apply suggestions while the post is editable */
  canApply: boolean;
  onChange: (annotation: Annotation) => void;
  onApplied?: (post: Post, annotation: Annotation) => void;
}

/** The coach's feedback: open annotations, those no longer in the text, and resolved ones. */
export function AnnotationPanel({ post, annotations, canApply, onChange, onApplied }: AnnotationPanelProps) {
  const placement = placeAnnotations(post.body, annotations);
  const cardProps = { canApply, onChange, onApplied };
  return (
    <section class="annotations" aria-labelledby="annotations-title" data-testid="review-annotations">
      <h2 id="annotations-title" class="section-title">
        Coach feedback {annotations.length > 0 ? `(${placement.placed.length + placement.orphaned.length} open)` : ''}
      </h2>
      {annotations.length === 0 && <p class="muted">No annotations yet.</p>}
      {placement.placed.length > 0 && (
        <ol class="annotation-list" aria-label="Annotations on the text">
          {placement.placed.map((p) => (
            <li key={p.annotation.id}>
              <AnnotationCard annotation={p.annotation} {...cardProps} />
            </li>
          ))}
        </ol>
      )}
      {placement.orphaned.length > 0 && (
        <>
          <h3 class="subsection-title">No longer in the text</h3>
          <p class="muted small">The words these notes were about have been changed or removed.</p>
          <ol class="annotation-list" aria-label="No longer in the text">
            {placement.orphaned.map((a) => (
              <li key={a.id}>
                <AnnotationCard annotation={a} {...cardProps} orphaned />
              </li>
            ))}
          </ol>
        </>
      )}
      {placement.resolved.length > 0 && (
        <details class="resolved-annotations">
          <summary>Resolved ({placement.resolved.length})</summary>
          <ol class="annotation-list" aria-label="Resolved annotations">
            {placement.resolved.map((a) => (
              <li key={a.id}>
                <AnnotationCard annotation={a} {...cardProps} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

export interface AnnotationCardProps {
  annotation: Annotation;
  canApply: boolean;
  orphaned?: boolean;
  readOnly?: boolean;
  onChange: (annotation: Annotation) => void;
  onApplied?: (post: Post, annotation: Annotation) => void;
}

export function AnnotationCard({ annotation: a, canApply, orphaned = false, readOnly = false, onChange, onApplied }: AnnotationCardProps) {
  const { api, announce, refreshUnread } = useApp();
  const { busy, error, run } = useKeyedAction<'resolve' | 'apply'>();
  const headingId = `annotation-${a.id}-title`;
  const showApply = !readOnly && canApply && !!a.suggestion && !a.resolved && !a.orphaned && !orphaned;

  const act = async (what: 'resolve' | 'apply') => {
    if (busy) return;
    await run(what, async () => {
      if (what === 'resolve') {
        const { annotation } = await api.resolveAnnotation(a.id);
        onChange(annotation);
        announce('Annotation resolved.', 'success');
      } else {
        const { post, annotation } = await api.applySuggestion(a.id);
        onChange(annotation);
        onApplied?.(post, annotation);
        announce(`Suggestion applied: the post is now version ${post.version ?? ''}.`.replace(' .', '.'), 'success');
      }
      refreshUnread();
    });
  };

  return (
    <article
      id={`annotation-${a.id}`}
      class={`annotation-card anno-card-${a.category}${a.resolved ? ' is-resolved' : ''}`}
      aria-labelledby={headingId}
      tabIndex={-1}
      data-annotation-id={a.id}
    >
      <header class="annotation-head">
        <span class={`badge badge-cat badge-cat-${a.category}`}>{categoryLabel(a.category)}</span>
        {a.author_role === 'mentor' && <span class="badge badge-mentor">Mentor note</span>}
        <h3 id={headingId} class="annotation-quote">
          <span class="visually-hidden">On the words </span>“{a.anchor?.exact ?? ''}”
        </h3>
        {a.applied ? (
          <span class="badge badge-state-published">Applied</span>
        ) : a.resolved ? (
          <span class="badge">Resolved</span>
        ) : null}
      </header>
      <p class="annotation-comment">{a.comment}</p>
      {a.suggestion && (
        <p class="annotation-suggestion">
          <span class="suggestion-label">Suggested rewrite:</span> <ins>{a.suggestion}</ins>
        </p>
      )}
      <p class="annotation-meta muted small">
        {a.coach.display_name}
        {a.author_role === 'mentor' ? ' (reverse mentor)' : ''} · <RelativeTime iso={a.created_at} /> · version {a.version}
      </p>
      {a.replies.length > 0 && (
        <ol class="annotation-replies" aria-label="Replies to this annotation">
          {a.replies.map((r) => (
            <li key={r.id}>
              <span class="post-author">{r.author.display_name}</span>: <span class="reply-text">{r.body}</span>{' '}
              <span class="muted small">
                <RelativeTime iso={r.created_at} />
              </span>
            </li>
          ))}
        </ol>
      )}
      <FormError id={`annotation-${a.id}-error`} error={error} />
      {!readOnly && (
        <div class="annotation-actions">
          {showApply && (
            <button type="button" class="button primary small" onClick={() => void act('apply')} aria-disabled={busy !== null}>
              {busy === 'apply' ? 'Applying…' : 'Apply suggestion'}
            </button>
          )}
          {!a.resolved && (
            <button type="button" class="button secondary small" onClick={() => void act('resolve')} aria-disabled={busy !== null}>
              {busy === 'resolve' ? 'Resolving…' : 'Resolve'}
            </button>
          )}
          <AnnotationReplyForm
            annotation={a}
            onReply={(reply) => onChange({ ...a, replies: [...a.replies, reply] })}
          />
        </div>
      )}
    </article>
  );
}

function AnnotationReplyForm({ annotation, onReply }: { annotation: Annotation; onReply: (reply: AnnotationReply) => void }) {
  const { api, announce, refreshUnread } = useApp();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const action = useFormAction();
  const input = useRef<HTMLTextAreaElement>(null);

  if (!open) {
    return (
      <button
        type="button"
        class="button ghost small"
        onClick={() => {
          setOpen(true);
          window.setTimeout(() => input.current?.focus(), 0);
        }}
      >
        Reply
      </button>
    );
  }

  return (
    <ReplyBox
      formClass="annotation-reply-form"
      id={`annotation-${annotation.id}-reply`}
      label="Reply to this annotation"
      rows={2}
      body={body}
      onBody={setBody}
      send={async (text) => {
        const { reply } = await api.replyToAnnotation(annotation.id, text);
        onReply(reply);
        setBody('');
        setOpen(false);
        announce('Reply added to the annotation.', 'success');
        refreshUnread();
      }}
      action={action}
      submitLabel="Send reply"
      busyLabel="Sending…"
      small
      onCancel={() => setOpen(false)}
      inputRef={input}
    />
  );
}
