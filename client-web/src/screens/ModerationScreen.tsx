import { useState } from 'preact/hooks';
import type { Question } from '../api/blogTypes';
import type { ModerationCase, Post, Reply, ReportReason } from '../api/types';
import { Avatar } from '../components/Avatar';
import { ModerationActions } from '../components/ModerationActions';
import { PagedList } from '../components/PagedList';
import { RelativeTime } from '../components/RelativeTime';
import { useApp } from '../context';
import { reasonLabel } from '../lib/moderation';
import { stateLabel } from '../lib/permissions';
import { Link } from '../navigation';

/** The moderator's queue: reported items oldest report first, each in context, with actions. */
export function ModerationScreen() {
  const { api } = useApp();
  const [serial, setSerial] = useState(0);
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Moderation queue</h1>
        <p class="lede">Reported posts, replies and blog questions, oldest report first. Every action needs a reason, and the author is told it.</p>
      </div>
      <PagedList<ModerationCase>
        load={(before, signal) => api.moderationQueue(before, signal)}
        label="Reported items"
        noun="reported items"
        resetKey={String(serial)}
        empty={
          <div class="empty">
            <p>No open reports. All quiet.</p>
          </div>
        }
        renderItem={(k) => <CaseCard entry={k} onDone={() => setSerial((n) => n + 1)} />}
      />
    </>
  );
}

function excerpt(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1).trimEnd() + '…';
}

function CaseReports({ entry }: { entry: ModerationCase }) {
  return (
    <>
      <h3 class="case-subtitle">Reports</h3>
      <ul class="case-reports">
        {entry.reports.map((r) => (
          <li key={r.id}>
            <strong>{reasonLabel(r.reason)}</strong>
            {r.reporter ? ` from ${r.reporter.display_name}` : ''}, <RelativeTime iso={r.updated_at} />
            {r.comment && <p class="report-comment">“{r.comment}”</p>}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * A reported blog question. An anonymous one shows no asker here either: learning who asked
 * takes the audited reveal (with a reason), not the queue.
 */
function QuestionCase({ entry, onDone }: { entry: ModerationCase; onDone: () => void }) {
  const q = entry.item as Question;
  const headingId = `case-${entry.id}`;
  const asker = q.asker ? q.asker.display_name : 'an anonymous colleague';
  const reasons = (Object.entries(entry.reasons) as [ReportReason, number][]).map(([r, n]) => `${reasonLabel(r)}${n > 1 ? ` ×${n}` : ''}`);
  return (
    <article class="case-card case-question" aria-labelledby={headingId} data-case-id={entry.id}>
      <header class="post-head">
        <div class="post-meta">
          <h2 id={headingId} class="post-author">
            Question by {asker}
            {entry.blog && <span class="username"> on {entry.blog.title}</span>}
          </h2>
          <p class="post-sub">
            <span class="report-count" data-testid="report-count">
              {entry.report_count} {entry.report_count === 1 ? 'report' : 'reports'}
            </span>
            <span class="dot" aria-hidden="true">
              ·
            </span>
            <span>{reasons.join(', ')}</span>
            <span class="dot" aria-hidden="true">
              ·
            </span>
            <span>
              first <RelativeTime iso={entry.first_reported_at} />
            </span>
            {q.state !== 'open' && <span class={`badge badge-state badge-state-${q.state}`}>{q.state}</span>}
          </p>
        </div>
      </header>
      <div class="post-body case-body">{q.body}</div>
      <p class="small">
        <Link href={`/questions/${q.id}`}>Open the question</Link>
        {q.anonymous && <span class="muted"> · Asked anonymously: only an audited reveal, with a reason, tells who asked.</span>}
      </p>
      <CaseReports entry={entry} />
      {entry.own_content ? (
        <p class="notice">This is your own question: another moderator must decide on it.</p>
      ) : (
        <ModerationActions
          targetType="question"
          targetId={entry.target_id}
          item={q}
          post={null}
          hasReports={entry.report_count > 0}
          label={`Decide on the question by ${asker}`}
          onDone={onDone}
        />
      )}
    </article>
  );
}

function CaseCard({ entry, onDone }: { entry: ModerationCase; onDone: () => void }) {
  if (entry.target_type === 'question' || !entry.post) return <QuestionCase entry={entry} onDone={onDone} />;
  return <PostCase entry={entry} post={entry.post} onDone={onDone} />;
}

function PostCase({ entry, post, onDone }: { entry: ModerationCase; post: Post; onDone: () => void }) {
  const isReply = entry.target_type === 'reply';
  const item = entry.item as Post | Reply;
  const headingId = `case-${entry.id}`;
  const reasons = (Object.entries(entry.reasons) as [ReportReason, number][]).map(([r, n]) => `${reasonLabel(r)}${n > 1 ? ` ×${n}` : ''}`);
  const itemState = isReply ? (item as Reply).state ?? 'visible' : (item as Post).state;
  return (
    <article class="case-card" aria-labelledby={headingId} data-case-id={entry.id}>
      <header class="post-head">
        <Avatar author={item.author} />
        <div class="post-meta">
          <h2 id={headingId} class="post-author">
            {isReply ? 'Reply' : 'Post'} by {item.author.display_name}
            <span class="username"> @{item.author.username}</span>
          </h2>
          <p class="post-sub">
            <span class="report-count" data-testid="report-count">
              {entry.report_count} {entry.report_count === 1 ? 'report' : 'reports'}
            </span>
            <span class="dot" aria-hidden="true">
              ·
            </span>
            <span>{reasons.join(', ')}</span>
            <span class="dot" aria-hidden="true">
              ·
            </span>
            <span>
              first <RelativeTime iso={entry.first_reported_at} />
            </span>
            {itemState !== 'published' && itemState !== 'visible' && (
              <span class={`badge badge-state badge-state-${itemState}`}>{stateLabel(itemState as Post['state'])}</span>
            )}
            {post.locked && <span class="badge">Locked</span>}
          </p>
        </div>
      </header>
      {isReply && (
        <div class="case-context">
          <p class="muted small">
            In reply to <Link href={`/posts/${post.id}`}>a post by {post.author.display_name}</Link>:
          </p>
          <blockquote class="context-quote">{excerpt(post.body)}</blockquote>
        </div>
      )}
      <div class="post-body case-body">{item.body}</div>
      {!isReply && (
        <p class="small">
          <Link href={`/posts/${post.id}`}>Open the post and its replies</Link>
        </p>
      )}
      <CaseReports entry={entry} />
      {entry.own_content ? (
        <p class="notice">This is your own {isReply ? 'reply' : 'post'}: another moderator must decide on it.</p>
      ) : (
        <ModerationActions
          targetType={entry.target_type}
          targetId={entry.target_id}
          item={item}
          post={post}
          hasReports={entry.report_count > 0}
          label={`Decide on the ${entry.target_type} by ${item.author.display_name}`}
          onDone={onDone}
        />
      )}
    </article>
  );
}
