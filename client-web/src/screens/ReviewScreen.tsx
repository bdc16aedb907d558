import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation, AnnotationCategory, Post, PostVersion } from '../api/types';
import { AnnotatedBody, AnnotationPanel } from '../components/Annotations';
import { Field, FormError, Select, SubmitRow, TextArea, TextInput, useFormAction } from '../components/Form';
import { LintPanel, useLint } from '../components/LintHints';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { PostCard } from '../components/PostCard';
import { ReviewList, VersionHistory } from '../components/Reviews';
import { useCoaching } from '../components/useCoaching';
import { VerdictForm } from '../components/VerdictForm';
import { useApp } from '../context';
import { CATEGORIES, categoryLabel, placeAnnotations, rangeForQuote, selectionForAnnotation } from '../lib/annotations';
import { stateLabel } from '../lib/permissions';
import { textOffsetIn } from '../lib/segments';
import { wordDiff } from '../lib/worddiff';
import { navigate } from '../navigation';
import { NotFoundScreen } from './NotFoundScreen';

/** A coach reviews one post: annotate selected words, score the rubric, give a verdict. */
export function ReviewScreen({ id }: { id: number }) {
  const { api } = useApp();
  const { state, reload, set } = useLoad((signal) => api.post(id, signal), `review-${id}`);
  if (state.status === 'error' && state.notFound) {
    return <NotFoundScreen message="This post does not exist, or it is not one of your executives’ posts." />;
  }
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>
          {state.status === 'ready' ? `Review: ${state.data.post.author.display_name}` : 'Review'}
        </h1>
        <p class="lede">Select words in the post to annotate them, then score it and give your verdict.</p>
      </div>
      {state.status === 'loading' && <LoadingLine what="the post" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <ReviewWorkspace post={state.data.post} onPostChange={(post) => set({ ...state.data, post })} />
      )}
    </>
  );
}

export interface Selected {
  start: number;
  end: number;
  quote: string;
}

function ReviewWorkspace({ post, onPostChange }: { post: Post; onPostChange: (post: Post) => void }) {
  const { api, announce, refreshUnread } = useApp();
  const coaching = useCoaching(post.id, true);
  const bodyRef = useRef<HTMLDivElement | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [quote, setQuote] = useState('');
  const placement = placeAnnotations(post.body, coaching.annotations);

  // A non-empty selection inside the post body fills the annotation form.
  useEffect(() => {
    let timer = 0;
    const onChange = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const root = bodyRef.current;
        const selection = document.getSelection();
        if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
        const range = selection.getRangeAt(0);
        if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return;
        const start = textOffsetIn(root, range.startContainer, range.startOffset);
        const end = textOffsetIn(root, range.endContainer, range.endOffset);
        if (start === null || end === null) return;
        const picked = selectionForAnnotation(post.body, { start, end });
        if (!picked) return;
        setSelected(picked);
        setQuote(picked.quote);
      }, 60);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [post.body]);

  const correction = usePendingCorrection(post);
  // The coach sees the golden-rule hints the author saw (on the correction when there is one).
  const hintsText = correction ? correction.body : post.body;
  const lint = useLint(api, hintsText);
  const verdictOpen = post.state === 'in_review' || correction !== null;

  return (
    <div class="workspace review-workspace">
      <div class="review-main">
        <PostCard
          post={post}
          linkToDetail={false}
          showState
          body={<AnnotatedBody text={post.body} placement={placement} bodyRef={bodyRef} label="Post text" />}
        />
        {correction && <CorrectionUnderReview live={post.body} correction={correction} />}
        <LintPanel id="review-hints" lint={lint} text={hintsText} />
        {coaching.error && <LoadError message={coaching.error} onRetry={coaching.reload} />}
        <AnnotationPanel post={post} annotations={coaching.annotations} canApply={false} onChange={coaching.replaceAnnotation} />
      </div>
      <div class="review-side">
        <AnnotationForm
          post={post}
          selected={selected}
          quote={quote}
          onQuote={setQuote}
          onAdded={(a) => {
            coaching.addAnnotation(a);
            setSelected(null);
            setQuote('');
            document.getSelection()?.removeAllRanges();
          }}
        />
        {verdictOpen ? (
          <VerdictForm
            subject="post"
            openSuggestions={correction ? [] : openSuggestions(coaching.annotations)}
            openNotes={correction ? 0 : openNotes(coaching.annotations)}
            onGive={async (verdict, rubric, comment) => {
              const version = correction ? correction.version : (post.version ?? 1);
              const result = await api.review(post.id, version, verdict, rubric, comment);
              onPostChange(result.post);
              announce(
                verdict === 'approve' ? 'Approved: the author can now publish it, now or at a time they pick.' : 'Changes requested: the author has been told.',
                'success',
              );
              refreshUnread();
              navigate('/review');
            }}
          />
        ) : (
          <p class="notice">This post is {stateLabel(post.state).toLowerCase()}: a verdict can be given once it is submitted for review.</p>
        )}
      </div>
      <div class="review-after">
        {coaching.loading ? <LoadingLine what="reviews" /> : <ReviewList reviews={coaching.reviews} />}
        <VersionHistory key={`${post.id}-${post.version ?? 0}`} postId={post.id} />
      </div>
    </div>
  );
}

/** The pending correction of a published post, if one waits for review (from the history). */
function usePendingCorrection(post: Post): PostVersion | null {
  const { api } = useApp();
  const [pending, setPending] = useState<PostVersion | null>(null);
  useEffect(() => {
    if (post.state !== 'published') {
      setPending(null);
      return undefined;
    }
    const controller = new AbortController();
    api
      .versions(post.id, controller.signal)
      .then(({ items }) => setPending(items.find((v) => v.pending) ?? null))
      .catch(() => undefined);
    return () => controller.abort();
  }, [api, post.id, post.state, post.version]);
  return pending;
}

function CorrectionUnderReview({ live, correction }: { live: string; correction: PostVersion }) {
  const parts = wordDiff(live, correction.body);
  return (
    <section class="correction" aria-labelledby="correction-review-title">
      <h2 id="correction-review-title" class="section-title">
        Correction to review
      </h2>
      <p class="muted small">The published text above stays up until the author publishes the correction you approve.</p>
      <p class="diff-text" data-testid="correction-diff">
        {parts.map((p, i) => (p.kind === 'added' ? <ins key={i}>{p.text}</ins> : p.kind === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
      </p>
    </section>
  );
}

function openSuggestions(annotations: Annotation[]): Annotation[] {
  return annotations.filter((a) => a.suggestion && !a.resolved && !a.orphaned && !a.applied);
}

function openNotes(annotations: Annotation[]): number {
  return annotations.filter((a) => !a.resolved && !a.orphaned).length;
}

export function AnnotationForm({
  post,
  selected,
  quote,
  onQuote,
  onAdded,
}: {
  post: Post;
  selected: Selected | null;
  quote: string;
  onQuote: (q: string) => void;
  onAdded: (a: import('../api/types').Annotation) => void;
}) {
  const { api, announce, refreshUnread } = useApp();
  const [category, setCategory] = useState<AnnotationCategory>('tone');
  const [comment, setComment] = useState('');
  const [suggestion, setSuggestion] = useState('');
  const { busy, error, setError, run } = useFormAction();
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const quoteRef = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const range = rangeForQuote(post.body, quote, selected);
    if (!range) {
      setError(quote === '' ? 'Select some words in the post first (or type them exactly).' : 'Those words are not in the post. Select them in the text, or type them exactly as written.');
      quoteRef.current?.focus();
      return;
    }
    if (comment.trim() === '') {
      setError('Write a comment: what should the author know about these words?');
      commentRef.current?.focus();
      return;
    }
    await run(async () => {
      const { annotation } = await api.annotate(post.id, {
        start: range.start,
        end: range.end,
        quote,
        category,
        comment: comment.trim(),
        ...(suggestion.trim() !== '' ? { suggestion } : {}),
      });
      onAdded(annotation);
      setComment('');
      setSuggestion('');
      announce(`Annotation added on “${quote}”.`, 'success');
      refreshUnread();
    });
  };

  return (
    <form class="annotation-form" onSubmit={submit} aria-labelledby="annotate-title">
      <h2 id="annotate-title" class="section-title">
        Annotate
      </h2>
      <p class="muted small" id="annotate-help">
        Select words in the post above, or type them here exactly as written.
      </p>
      <Field id="annotate-quote" label="Words to annotate">
        <TextInput controlRef={quoteRef} id="annotate-quote" type="text" value={quote} aria-describedby="annotate-help" onValue={onQuote} />
      </Field>
      <Field id="annotate-category" label="Category">
        <Select id="annotate-category" value={category} options={CATEGORIES} optionLabel={categoryLabel} onValue={(v) => setCategory(v as AnnotationCategory)} />
      </Field>
      <Field id="annotate-comment" label="Comment">
        <TextArea
          controlRef={commentRef}
          id="annotate-comment"
          rows={3}
          value={comment}
          onValue={(v) => {
            setComment(v);
            if (error) setError(null);
          }}
        />
      </Field>
      <Field id="annotate-suggestion" label="Suggested rewrite (optional)">
        <TextArea id="annotate-suggestion" rows={2} value={suggestion} onValue={setSuggestion} />
      </Field>
      <FormError id="annotate-error" error={error} />
      <SubmitRow busy={busy} label="Add annotation" busyLabel="Adding…" />
    </form>
  );
}
