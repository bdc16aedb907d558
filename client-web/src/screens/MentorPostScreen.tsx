import { useEffect, useRef, useState } from 'preact/hooks';
import type { Post } from '../api/types';
import { AnnotatedBody, AnnotationPanel } from '../components/Annotations';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { MentorThread } from '../components/MentorPanel';
import { PostCard } from '../components/PostCard';
import { useCoaching } from '../components/useCoaching';
import { useApp } from '../context';
import { placeAnnotations, selectionForAnnotation } from '../lib/annotations';
import { textOffsetIn } from '../lib/segments';
import { Link } from '../navigation';
import { AnnotationForm, type Selected } from './ReviewScreen';
import { NotFoundScreen } from './NotFoundScreen';

/**
 * A reverse mentor's view of a post the executive shared: notes on the exact
 * words (shown to the author as the mentor's) and the private thread. No
 * verdicts, levels or goals here: those are the coach's.
 */
export function MentorPostScreen({ id }: { id: number }) {
  const { api } = useApp();
  const { state, reload } = useLoad((signal) => api.post(id, signal), `mentor-post-${id}`);
  if (state.status === 'error' && state.notFound) {
    return <NotFoundScreen message="This post does not exist, or it is not shared with you." />;
  }
  return (
    <>
      <p class="back-link">
        <Link href="/mentoring">← Back to reverse mentoring</Link>
      </p>
      <div class="page-head">
        <h1 tabIndex={-1}>{state.status === 'ready' ? `Mentor notes: ${state.data.post.author.display_name}` : 'Mentor notes'}</h1>
        <p class="lede">Select words in the post to leave a note on them. The author sees your notes marked as their mentor’s.</p>
      </div>
      {state.status === 'loading' && <LoadingLine what="the post" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' && <MentorWorkspace post={state.data.post} />}
    </>
  );
}

function MentorWorkspace({ post }: { post: Post }) {
  const coaching = useCoaching(post.id, true);
  const bodyRef = useRef<HTMLDivElement | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [quote, setQuote] = useState('');
  const placement = placeAnnotations(post.body, coaching.annotations);

  // A selection inside the post body fills the note form (as in the coach's review).
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
      <MentorThread postId={post.id} asAuthor={false} />
    </div>
  );
}
