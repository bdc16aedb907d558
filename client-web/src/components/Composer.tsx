import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api/errors';
import type { Post, PostAction, Space } from '../api/types';
import { useApp } from '../context';
import { browserStorage, DraftStore } from '../lib/drafts';
import { canPublishDirectly, canSubmitForReview, defaultSpace, postingSpaces, publishHint, spaceLabel } from '../lib/permissions';
import { checkBody, countCodePoints, describeBodyProblem, MAX_POST_CODE_POINTS, normaliseBody } from '../lib/text';
import type { Finding } from '../api/types';
import { FindingList, LintedTextarea, LintPanel, useLint } from './LintHints';
import { Link } from '../navigation';
import { PostCard } from './PostCard';
import { useMentionCompletion, useUnreachableMentions } from './MentionCompletion';

export interface ComposerProps {
  /** Called after the server accepted the post. */
  onDone: (post: Post, action: PostAction) => void;
}

const SPACE_HELP: Record<Space, string> = {
  practice: 'Your cohort and your coaches',
  company: 'Everyone at the company',
};

const ACTION_BUSY: Record<PostAction, string> = {
  draft: 'Saving draft…',
  submit: 'Submitting…',
  publish: 'Publishing…',
};

/**
 * Writing a post. The text is kept on this device while typing (DraftStore),
 * so an expired session or a reload does not lose it.
 *
 * Plug-in points for upcoming features:
 * - lint hints while typing (POST /api/v1/lint) render in the
 *   "composer-hints" slot below the text area, keyed to code point offsets
 *   (lib/offsets.ts);
 * - coach annotations on a post in review render in PostDetail.
 */
export function Composer({ onDone }: ComposerProps) {
  const { api, user } = useApp();
  const store = useMemo(() => new DraftStore(browserStorage(), user.username), [user.username]);
  const spaces = postingSpaces(user.role);
  const initial = useMemo(() => store.load(), [store]);
  const [body, setBody] = useState(initial?.body ?? '');
  const [space, setSpace] = useState<Space>(
    initial?.space && spaces.includes(initial.space) ? initial.space : defaultSpace(user),
  );
  const [restored, setRestored] = useState(initial !== null);
  const [busy, setBusy] = useState<PostAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ findings: Finding[]; text: string } | null>(null);
  const [preview, setPreview] = useState(false);
  const [saved, setSaved] = useState<Post | null>(null);
  const [limitNotice, setLimitNotice] = useState('');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    textarea.current?.focus();
    return () => {
      mounted.current = false;
    };
  }, []);

  const lint = useLint(api, normaliseBody(body));
  const completion = useMentionCompletion({ api, textarea, text: body, setText: (t) => update(t), space, id: 'composer' });
  const unreachable = useUnreachableMentions(api, body, space);
  const count = countCodePoints(normaliseBody(body));
  const over = count > MAX_POST_CODE_POINTS;
  const near = !over && count > MAX_POST_CODE_POINTS * 0.9;

  // Announce crossing the limit once, not every keystroke.
  const wasOver = useRef(over);
  useEffect(() => {
    if (over !== wasOver.current) {
      setLimitNotice(over ? `Over the ${MAX_POST_CODE_POINTS} character limit.` : 'Back within the character limit.');
      wasOver.current = over;
    }
  }, [over]);

  const update = (text: string, nextSpace: Space = space) => {
    setBody(text);
    store.save(text, nextSpace);
    if (error) setError(null);
    if (refused) setRefused(null);
  };

  const chooseSpace = (value: Space) => {
    setSpace(value);
    store.save(body, value);
    if (error) setError(null);
  };

  const discardRestored = () => {
    store.clear();
    setBody('');
    setRestored(false);
    textarea.current?.focus();
  };

  const send = async (action: PostAction) => {
    if (busy) return;
    const problem = checkBody(body);
    if (problem) {
      setError(describeBodyProblem(problem));
      textarea.current?.focus();
      return;
    }
    setBusy(action);
    setError(null);
    setRefused(null);
    store.save(body, space);
    try {
      const text = normaliseBody(body);
      let post: Post;
      if (saved) {
        // Saved as a draft already: update that draft, then move it on.
        post = saved;
        if (text !== saved.body || space !== saved.space)
          post = (await api.editPost(saved.id, { body: text, ...(space !== saved.space ? { space } : {}) })).post;
        if (action === 'submit') post = (await api.submitPost(saved.id)).post;
        if (action === 'publish') post = (await api.publishPost(saved.id)).post;
      } else {
        post = (await api.createPost(text, space, action)).post;
      }
      store.clear();
      if (!mounted.current) return;
      setBusy(null);
      // Saving a draft keeps the writer in the composer; the next save updates the same draft.
      if (action === 'draft') setSaved(post);
      onDone(post, action);
    } catch (e) {
      if (!mounted.current) return;
      setBusy(null);
      if (e instanceof ApiError && e.status === 401) return; // sign-in takes over; the text is kept
      setError(messageOf(e));
      if (e instanceof ApiError && e.findings.length > 0) setRefused({ findings: e.findings, text: normaliseBody(body) });
    }
  };

  const hint = publishHint(user, space);
  // Only the actions the level allows; an error of the golden rules blocks them, said once.
  const canPublish = canPublishDirectly(user, space);
  const canSubmit = canSubmitForReview(user.role);
  const blocked = lint.text === normaliseBody(body) && lint.findings.some((f) => f.severity === 'error');
  const previewPost: Post = {
    id: 0,
    author: { id: user.id, username: user.username, display_name: user.display_name },
    body: normaliseBody(body),
    space,
    state: 'published',
    created_at: new Date().toISOString(),
    published_at: new Date().toISOString(),
    reply_count: 0,
    like_count: 0,
    liked_by_me: false,
  };

  return (
    <form
      class="composer"
      aria-labelledby="compose-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!blocked) void send(canPublish ? 'publish' : canSubmit ? 'submit' : 'draft');
      }}
    >
      {restored && body !== '' && (
        <div class="notice restored" role="status">
          <span>We kept the post you were writing.</span>
          <button type="button" class="button ghost small" onClick={discardRestored}>
            Discard it
          </button>
        </div>
      )}

      {spaces.length > 1 ? (
        <fieldset class="space-choice">
          <legend>Post to</legend>
          <div class="space-options">
            {spaces.map((s) => (
              <label key={s} class={`space-option${space === s ? ' is-selected' : ''}`}>
                <input type="radio" name="space" value={s} checked={space === s} onChange={() => chooseSpace(s)} />
                <span class="space-name">{spaceLabel(s)}</span>
                <span class="space-help">{SPACE_HELP[s]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <p class="space-fixed">
          Posting to <strong>{spaceLabel(space)}</strong> — {SPACE_HELP[space].toLowerCase()}.
        </p>
      )}

      <div class="field">
        <label for="composer-body">Your post</label>
        <LintedTextarea
          textareaRef={textarea}
          id="composer-body"
          rows={8}
          value={body}
          findings={lint.findings}
          findingsText={lint.text}
          placeholder="What would you like to say?"
          describedBy="composer-count composer-hint composer-hints"
          invalid={over}
          onInput={(text) => update(text)}
          extra={completion.textareaProps}
        />
        {completion.listbox}
        <div class="composer-meta">
          <span id="composer-count" class={`char-count${over ? ' is-over' : near ? ' is-near' : ''}`}>
            {count.toLocaleString('en-US')} / {MAX_POST_CODE_POINTS.toLocaleString('en-US')} characters
          </span>
          <span class="autosave-note">{body !== '' ? 'Kept on this device while you write' : ''}</span>
        </div>
        <p class="visually-hidden" aria-live="polite">
          {limitNotice}
        </p>
      </div>

      <p id="composer-hint" class={hint ? 'hint' : 'visually-hidden'}>
        {hint ?? ''}
      </p>

      <LintPanel id="composer-hints" lint={lint} text={normaliseBody(body)} />

      {unreachable.length > 0 && (
        <p class="notice mention-reach" role="status" data-testid="mention-reach">
          {unreachable.map((n) => `@${n}`).join(', ')} cannot see practice posts, so they will not be told about this mention. Post
          to the company space to reach them.
        </p>
      )}

      {saved && (
        <p class="notice" data-testid="draft-saved">
          Saved as a draft (version {saved.version ?? 1}). Keep writing, or find it in <Link href="/me/posts">My posts</Link>.
        </p>
      )}

      <div id="composer-error" class="form-error" role="alert">
        {error}
        {error && refused && <FindingList findings={refused.findings} text={refused.text} label="Why it was refused" />}
      </div>

      <div class="composer-actions">
        <button
          type="button"
          class="button ghost"
          aria-expanded={preview}
          aria-controls="composer-preview"
          onClick={() => setPreview(!preview)}
        >
          {preview ? 'Hide preview' : 'Preview as the company will see it'}
        </button>
        <span class="spacer" />
        <button type="button" class="button secondary" onClick={() => void send('draft')} aria-disabled={busy !== null}>
          {busy === 'draft' ? ACTION_BUSY.draft : 'Save draft'}
        </button>
        {canSubmit && (
          <button
            type={canPublish ? 'button' : 'submit'}
            class={canPublish ? 'button secondary' : 'button primary'}
            onClick={canPublish ? () => void send('submit') : undefined}
            disabled={blocked}
            aria-describedby={blocked ? 'composer-blocked' : undefined}
            aria-disabled={busy !== null}
          >
            {busy === 'submit' ? ACTION_BUSY.submit : 'Submit for review'}
          </button>
        )}
        {canPublish && (
          <button type="submit" class="button primary" disabled={blocked} aria-describedby={blocked ? 'composer-blocked' : undefined} aria-disabled={busy !== null}>
            {busy === 'publish' ? ACTION_BUSY.publish : 'Publish'}
          </button>
        )}
      </div>
      {blocked && (
        <p id="composer-blocked" class="hint">
          {canPublish ? 'Publishing' : 'Submitting'} waits until the errors the golden rules marked above are fixed. You can still save a draft.
        </p>
      )}

      <section id="composer-preview" class="preview" aria-label="Preview" hidden={!preview}>
        {preview && (
          <>
            <h2 class="preview-title">Preview</h2>
            {body.trim() === '' ? (
              <p class="muted">Nothing to preview yet.</p>
            ) : (
              <PostCard post={previewPost} headingLevel={3} preview linkToDetail={false} />
            )}
          </>
        )}
      </section>
    </form>
  );
}
