import { useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { Finding, Post } from '../api/types';
import { useApp } from '../context';
import { placeAnnotations } from '../lib/annotations';
import { canPublishDirectly, canSubmitState, isEditable, spaceLabel } from '../lib/permissions';
import { checkBody, describeBodyProblem, normaliseBody } from '../lib/text';
import { AnnotatedBody, AnnotationPanel } from './Annotations';
import { FindingList, LintedTextarea, LintPanel, useLint } from './LintHints';
import { MentorSection } from './MentorPanel';
import { PostCard } from './PostCard';
import { CorrectionControls, PublishControls } from './PublishControls';
import { ReviewList, VersionHistory } from './Reviews';
import { useCoaching } from './useCoaching';

type Busy = 'save' | 'submit' | 'publish' | 'withdraw' | null;

const STATE_HELP: Record<string, string> = {
  draft: 'A draft: only you and your coaches can see it.',
  in_review: 'Waiting for your coach’s review. Withdraw it to change it.',
  changes_requested: 'Your coach asked for changes: revise the text, then resubmit.',
  approved:
    'Approved by your coach: publish it now or pick a time. Applying your coach’s own suggestions keeps the approval; any other change sends it back to review.',
  published: 'Published.',
};

/**
 * The author's own post: the coach's annotations on the exact words,
 * edit / submit / withdraw / publish, the reviews and the edit history.
 */
export function AuthorWorkspace({ post, onPostChange }: { post: Post; onPostChange: (post: Post) => void }) {
  const { api, user, announce, refreshUnread } = useApp();
  const coaching = useCoaching(post.id, true);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(post.body);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ findings: Finding[]; text: string } | null>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const lint = useLint(api, editing ? normaliseBody(draft) : '');

  const editable = isEditable(post.state);
  const placement = placeAnnotations(post.body, coaching.annotations);

  const run = async (what: Exclude<Busy, null>, call: () => Promise<{ post: Post }>, done: (p: Post) => string) => {
    if (busy) return;
    setBusy(what);
    setError(null);
    setRefused(null);
    try {
      const { post: updated } = await call();
      onPostChange(updated);
      announce(done(updated), 'success');
      coaching.reload();
      refreshUnread();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return false;
      setError(messageOf(e));
      if (e instanceof ApiError && e.findings.length > 0) setRefused({ findings: e.findings, text: what === 'save' ? normaliseBody(draft) : post.body });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const startEditing = () => {
    setDraft(post.body);
    setEditing(true);
    setError(null);
    window.setTimeout(() => editor.current?.focus(), 0);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const problem = checkBody(draft);
    if (problem) {
      setError(describeBodyProblem(problem));
      editor.current?.focus();
      return;
    }
    const wasApproved = post.state === 'approved';
    const ok = await run('save', () => api.editPost(post.id, { body: normaliseBody(draft) }), (p) =>
      wasApproved && p.state === 'in_review' ? `Saved as version ${p.version ?? ''}; it is back in review.` : `Saved as version ${p.version ?? ''}.`,
    );
    if (ok) setEditing(false);
  };

  const editorBody = (
    <form class="edit-form" onSubmit={save} aria-label="Edit the post">
      <label for="edit-body">Revise your post</label>
      <LintedTextarea
        id="edit-body"
        textareaRef={editor}
        value={draft}
        rows={6}
        findings={lint.findings}
        findingsText={lint.text}
        describedBy="edit-hints"
        onInput={(text) => {
          setDraft(text);
          if (error) setError(null);
        }}
      />
      <LintPanel id="edit-hints" lint={lint} text={normaliseBody(draft)} />
      <div class="form-actions">
        <button type="button" class="button ghost" onClick={() => setEditing(false)}>
          Cancel
        </button>
        <button type="submit" class="button primary" aria-disabled={busy !== null}>
          {busy === 'save' ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );

  return (
    <div class="workspace">
      <PostCard
        post={post}
        linkToDetail={false}
        showState
        body={editing ? editorBody : <AnnotatedBody text={post.body} placement={placement} />}
      />
      <section class="workflow" aria-label="Post actions">
        <p class="workflow-state">
          {STATE_HELP[post.state] ?? ''} {post.version ? <span class="muted">Version {post.version}.</span> : null}
        </p>
        <div id="workflow-error" class="form-error" role="alert">
          {error}
          {error && refused && <FindingList findings={refused.findings} text={refused.text} label="Why it was refused" />}
        </div>
        {!editing && (
          <div class="workflow-actions">
            {editable && (
              <button type="button" class="button secondary" onClick={startEditing}>
                Edit
              </button>
            )}
            {canSubmitState(post.state) && user.role === 'executive' && (
              <button
                type="button"
                class="button primary"
                aria-disabled={busy !== null}
                onClick={() => void run('submit', () => api.submitPost(post.id), () => 'Submitted for review. Your coach will have a look.')}
              >
                {busy === 'submit' ? 'Submitting…' : post.state === 'changes_requested' ? 'Resubmit for review' : 'Submit for review'}
              </button>
            )}
            {post.state === 'draft' && canPublishDirectly(user, post.space) && (
              <button
                type="button"
                class="button secondary"
                aria-disabled={busy !== null}
                onClick={() => void run('publish', () => api.publishPost(post.id), (p) => `Published to ${spaceLabel(p.space)}.`)}
              >
                {busy === 'publish' ? 'Publishing…' : `Publish to ${spaceLabel(post.space)}`}
              </button>
            )}
            {post.state === 'approved' && (
              <PublishControls
                post={post}
                blocked={false}
                onChange={(result) => {
                  onPostChange(result.post);
                  setError(null);
                }}
              />
            )}
            {post.state === 'in_review' && (
              <button
                type="button"
                class="button secondary"
                aria-disabled={busy !== null}
                onClick={() => void run('withdraw', () => api.withdrawPost(post.id), () => 'Withdrawn: the post is a draft again.')}
              >
                {busy === 'withdraw' ? 'Withdrawing…' : 'Withdraw'}
              </button>
            )}
          </div>
        )}
      </section>
      {user.role === 'executive' && <MentorSection post={post} onPostChange={onPostChange} />}
      {coaching.error && (
        <div class="form-error" role="alert">
          <p>{coaching.error}</p>
          <button type="button" class="button secondary small" onClick={coaching.reload}>
            Try again
          </button>
        </div>
      )}
      {post.state === 'published' && <CorrectionControls post={post} onChange={(result) => onPostChange(result.post)} />}
      <AnnotationPanel
        post={post}
        annotations={coaching.annotations}
        canApply={editable && !editing}
        onChange={coaching.replaceAnnotation}
        onApplied={(updated) => {
          onPostChange(updated);
          coaching.reload();
        }}
      />
      <ReviewList reviews={coaching.reviews} />
      <VersionHistory key={`${post.id}-${post.version ?? 0}`} postId={post.id} />
    </div>
  );
}
