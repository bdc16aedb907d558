import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnnotationCategory, Post, Rubric, Verdict } from '../api/types';
import { AnnotatedBody, AnnotationPanel } from '../components/Annotations';
import { Field, FormError, Select, SubmitRow, TextArea, TextInput, useFormAction, useKeyedAction } from '../components/Form';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { PostCard } from '../components/PostCard';
import { ReviewList, RUBRIC_CRITERIA, VersionHistory } from '../components/Reviews';
import { useCoaching } from '../components/useCoaching';
import { useApp } from '../context';
import { CATEGORIES, categoryLabel, placeAnnotations, rangeForQuote, selectionForAnnotation } from '../lib/annotations';
import { textOffsetIn } from '../lib/segments';
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

  return (
    <div class="workspace review-workspace">
      <PostCard
        post={post}
        linkToDetail={false}
        showState
        body={<AnnotatedBody text={post.body} placement={placement} bodyRef={bodyRef} label="Post text" />}
      />
      {coaching.error && <LoadError message={coaching.error} onRetry={coaching.reload} />}
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
      <AnnotationPanel post={post} annotations={coaching.annotations} canApply={false} onChange={coaching.replaceAnnotation} />
      {post.state === 'in_review' ? (
        <VerdictForm post={post} onDone={onPostChange} />
      ) : (
        <p class="notice">This post is {post.state.replace('_', ' ')}: a verdict can be given once it is submitted for review.</p>
      )}
      {coaching.loading ? <LoadingLine what="reviews" /> : <ReviewList reviews={coaching.reviews} />}
      <VersionHistory key={`${post.id}-${post.version ?? 0}`} postId={post.id} />
    </div>
  );
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

type Scores = Partial<Rubric>;

function VerdictForm({ post, onDone }: { post: Post; onDone: (post: Post) => void }) {
  const { api, announce, refreshUnread } = useApp();
  const [scores, setScores] = useState<Scores>({});
  const [comment, setComment] = useState('');
  const { busy, error, setError, run } = useKeyedAction<Verdict>();

  const give = async (verdict: Verdict) => {
    if (busy) return;
    const missing = RUBRIC_CRITERIA.filter((c) => !scores[c.key]);
    if (missing.length > 0) {
      setError(`Score every part of the rubric first: ${missing.map((c) => c.label.toLowerCase()).join(', ')}.`);
      document.getElementById(`rubric-${missing[0].key}-1`)?.focus();
      return;
    }
    await run(verdict, async () => {
      const result = await api.review(post.id, post.version, verdict, scores as Rubric, comment);
      onDone(result.post);
      announce(verdict === 'approve' ? 'Approved: the post is published.' : 'Changes requested: the author has been told.', 'success');
      refreshUnread();
      navigate('/review');
    });
  };

  return (
    <form class="verdict-form" aria-labelledby="verdict-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="verdict-title" class="section-title">
        Verdict
      </h2>
      <div class="rubric">
        {RUBRIC_CRITERIA.map((c) => (
          <fieldset key={c.key} class="rubric-row" aria-describedby={`rubric-${c.key}-help`}>
            <legend>{c.label}</legend>
            <p id={`rubric-${c.key}-help`} class="muted small">
              {c.help}
            </p>
            <div class="rubric-options">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} class={`rubric-option${scores[c.key] === n ? ' is-selected' : ''}`}>
                  <input
                    type="radio"
                    id={`rubric-${c.key}-${n}`}
                    name={`rubric-${c.key}`}
                    value={n}
                    checked={scores[c.key] === n}
                    onChange={() => setScores({ ...scores, [c.key]: n })}
                  />
                  <span>{n}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      <Field id="verdict-comment" label="Overall comment">
        <TextArea id="verdict-comment" rows={3} value={comment} onValue={setComment} />
      </Field>
      <FormError id="verdict-error" error={error} />
      <div class="form-actions">
        <button type="button" class="button secondary" onClick={() => void give('changes_requested')} aria-disabled={busy !== null}>
          {busy === 'changes_requested' ? 'Sending…' : 'Request changes'}
        </button>
        <button type="button" class="button primary" onClick={() => void give('approve')} aria-disabled={busy !== null}>
          {busy === 'approve' ? 'Approving…' : 'Approve'}
        </button>
      </div>
    </form>
  );
}
