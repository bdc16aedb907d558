import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Article, Question, QuestionSort, Temperature } from '../api/blogTypes';
import { messageOf } from '../api/errors';
import { ArticleComposer } from '../components/ArticleComposer';
import { AskForm } from '../components/AskForm';
import { BlogFollows } from '../components/BlogFollows';
import { BlogStatsPanel } from '../components/BlogStatsPanel';
import { FeedAddress } from '../components/FeedAddress';
import { CsvLink } from '../components/CsvLink';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { MarkdownHtml } from '../components/MarkdownHtml';
import { QuestionCard } from '../components/QuestionCard';
import { RelativeTime } from '../components/RelativeTime';
import { LineChart } from '../components/WeeklyChart';
import { useApp } from '../context';
import { FEEDS } from '../lib/feedAddress';
import { temperatureCsv, temperatureRows, temperatureSeries } from '../lib/blog';
import { Link } from '../navigation';

const SORTS: { value: QuestionSort; label: string }[] = [
  { value: 'votes', label: 'Most votes' },
  { value: 'newest', label: 'Newest' },
  { value: 'unanswered', label: 'Oldest unanswered' },
];

/** A blog: the promise figures, the questions (sorted, with votes and answers) and the articles. */
export function BlogScreen({ id }: { id: number }) {
  const { api, user } = useApp();
  const { state, reload } = useLoad((signal) => api.blog(id, signal), `blog-${id}`);
  const [tab, setTab] = useState<'questions' | 'articles' | 'temperature'>('questions');
  const [asked, setAsked] = useState(0);
  if (state.status === 'loading') return <LoadingLine what="the blog" />;
  if (state.status === 'error') return <LoadError message={state.message} onRetry={reload} />;
  const blog = state.data.blog;
  const isHost = blog.host.id === user.id;
  return (
    <>
      <div class="page-head">
        <p class="muted small">
          <Link href="/blogs">Blogs</Link>
        </p>
        <h1 tabIndex={-1}>{blog.title}</h1>
        <p class="lede">
          {blog.description} <span class="muted">— {blog.host.display_name}</span>
        </p>
        <BlogFollows blog={blog} />
      </div>
      {blog.stats && <BlogStatsPanel stats={blog.stats} promise={blog.promise} />}
      <FeedAddress feed={FEEDS.blog(blog.id)} what="this blog's articles and answers" collapsed />
      <div class="tabs" role="tablist" aria-label="Blog sections">
        <button type="button" role="tab" id="tab-questions" aria-selected={tab === 'questions'} aria-controls="panel-questions" class="tab" onClick={() => setTab('questions')}>
          Questions
        </button>
        <button type="button" role="tab" id="tab-articles" aria-selected={tab === 'articles'} aria-controls="panel-articles" class="tab" onClick={() => setTab('articles')}>
          Articles
        </button>
        <button type="button" role="tab" id="tab-temperature" aria-selected={tab === 'temperature'} aria-controls="panel-temperature" class="tab" onClick={() => setTab('temperature')}>
          Temperature
        </button>
      </div>
      {tab === 'questions' ? (
        <div role="tabpanel" id="panel-questions" aria-labelledby="tab-questions">
          <Questions blogId={blog.id} isHost={isHost} waiting={blog.stats?.waiting ?? 0} refreshKey={asked} onChanged={reload} />
          {!isHost && (
            <AskForm blogId={blog.id} host={blog.host.display_name} premoderated={blog.premoderated} onAsked={() => {
                setAsked((n) => n + 1);
                reload();
              }}
            />
          )}
        </div>
      ) : tab === 'articles' ? (
        <div role="tabpanel" id="panel-articles" aria-labelledby="tab-articles">
          <Articles blogId={blog.id} isHost={isHost} />
        </div>
      ) : (
        <div role="tabpanel" id="panel-temperature" aria-labelledby="tab-temperature">
          <TemperatureView blogId={blog.id} />
        </div>
      )}
    </>
  );
}

const TOPIC_WEEKS = 52;

/** The topics questions were asked under (the last year's, from the temperature view). */
function useTopics(blogId: number, refreshKey: number): string[] {
  const { api } = useApp();
  const [topics, setTopics] = useState<string[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    api
      .temperature(blogId, TOPIC_WEEKS, controller.signal)
      .then((t) => setTopics(t.topics.map((x) => x.topic).filter((x): x is string => x !== null).sort()))
      .catch(() => {
        // The filter then offers "All topics" only; the list itself still loads.
      });
    return () => controller.abort();
  }, [api, blogId, refreshKey]);
  return topics;
}

function Questions({ blogId, isHost, waiting, refreshKey, onChanged }: { blogId: number; isHost: boolean; waiting: number; refreshKey: number; onChanged: () => void }) {
  const { api } = useApp();
  const [sort, setSort] = useState<QuestionSort>('votes');
  const [topic, setTopic] = useState('');
  const topics = useTopics(blogId, refreshKey);
  const [items, setItems] = useState<Question[] | null>(null);
  // The topic the shown items were loaded for: until a new filter's answer arrives, the list
  // keeps its old label and says it is busy, never the new label over the old items.
  const [shownTopic, setShownTopic] = useState('');
  const [next, setNext] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    const controller = new AbortController();
    api
      .questions(blogId, sort, controller.signal, null, topic)
      .then((r) => {
        setItems(r.items);
        setShownTopic(topic);
        setNext(r.next);
      })
      .catch((e) => {
        if (!controller.signal.aborted) setError(messageOf(e));
      });
    return () => controller.abort();
  }, [api, blogId, sort, topic, refreshKey]);
  const loadMore = async () => {
    if (!next || more) return;
    setMore(true);
    setError('');
    try {
      const r = await api.questions(blogId, sort, undefined, next, topic);
      // A vote between pages can move a question across the boundary: show it once.
      setItems((list) => [...(list ?? []), ...r.items.filter((q) => !(list ?? []).some((x) => x.id === q.id))]);
      setNext(r.next);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setMore(false);
    }
  };
  // The host's count is the blog's (every open question), not the open ones on this page.
  const showWaiting = () => {
    setTopic('');
    setSort('unanswered');
  };
  const topicOptions = topic && !topics.includes(topic) ? [...topics, topic].sort() : topics;
  const replace = (q: Question) => {
    setItems((list) => (list ? list.map((x) => (x.id === q.id ? q : x)) : list));
    if (q.state !== 'open') onChanged();
  };
  return (
    <section aria-labelledby="questions-title">
      <div class="section-head">
        <h2 id="questions-title" class="section-title">
          Questions{isHost && waiting > 0 ? ` — ${waiting} waiting for you` : ''}
        </h2>
        <label for="question-sort" class="inline-label">
          Sort by
        </label>
        <select id="question-sort" value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as QuestionSort)}>
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <label for="question-topic" class="inline-label">
          Topic
        </label>
        <select id="question-topic" value={topic} onChange={(e) => setTopic((e.target as HTMLSelectElement).value)}>
          <option value="">All topics</option>
          {topicOptions.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      {isHost && waiting > 0 && !(sort === 'unanswered' && topic === '') && (
        <p class="questions-waiting">
          <button type="button" class="button secondary" onClick={showWaiting}>
            Show the {waiting === 1 ? 'question' : `${waiting} questions`} waiting for you, oldest first
          </button>
        </p>
      )}
      {error && (
        <div class="form-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {items === null && !error && <LoadingLine what="the questions" />}
      {items && items.length === 0 && <p class="empty">{shownTopic ? `No questions about ${shownTopic} yet.` : 'No questions yet. Be the first to ask.'}</p>}
      {items && items.length > 0 && (
        <ol class="question-list" aria-label={shownTopic ? `Questions about ${shownTopic}` : 'Questions'} aria-busy={shownTopic !== topic ? 'true' : undefined}>
          {items.map((q) => (
            <li key={q.id}>
              <QuestionCard question={q} isHost={isHost} onChange={replace} />
            </li>
          ))}
        </ol>
      )}
      {items && next && (
        <p class="question-more">
          <button type="button" class="button secondary" onClick={() => void loadMore()} disabled={more}>
            {more ? 'Loading…' : 'Show more questions'}
          </button>
        </p>
      )}
    </section>
  );
}

const TEMPERATURE_WEEKS = 12;

/** Questions and votes per topic by week: which issues are heating up (chart, table, CSV). */
function TemperatureView({ blogId }: { blogId: number }) {
  const { api } = useApp();
  const { state, reload } = useLoad<Temperature>((signal) => api.temperature(blogId, TEMPERATURE_WEEKS, signal), `temperature-${blogId}`);
  const series = useMemo(() => (state.status === 'ready' ? temperatureSeries(state.data) : []), [state]);
  if (state.status === 'loading') return <LoadingLine what="the temperature" />;
  if (state.status === 'error') return <LoadError message={state.message} onRetry={reload} />;
  const t = state.data;
  const rows = temperatureRows(t);
  return (
    <section aria-labelledby="temperature-title" class="temperature">
      <h2 id="temperature-title" class="section-title">
        Temperature: questions and votes per topic
      </h2>
      <p class="muted small">The last {t.weeks} weeks, weeks starting Monday. Each line is a topic's new questions plus the votes cast that week; the hottest topics first.</p>
      {rows.length === 0 ? (
        <p class="empty">No questions or votes in the last {t.weeks} weeks.</p>
      ) : (
        <>
          <LineChart weekStarts={t.week_starts} series={series} label={`Questions and votes per topic per week, ${t.weeks} weeks`} />
          <div class="table-scroll" tabIndex={0} role="region" aria-label="Temperature table">
            <table class="data-table">
              <caption class="visually-hidden">Questions and votes per topic and week</caption>
              <thead>
                <tr>
                  <th scope="col">Week of</th>
                  <th scope="col">Topic</th>
                  <th scope="col">Questions</th>
                  <th scope="col">Votes</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.week}-${r.topic}`}>
                    <td>{r.week}</td>
                    <td>{r.topic}</td>
                    <td>{r.questions}</td>
                    <td>{r.votes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <CsvLink text={temperatureCsv(t)} name={`greenroom-temperature-blog-${blogId}.csv`} label="Download CSV (temperature)" />
        </>
      )}
    </section>
  );
}

function Articles({ blogId, isHost }: { blogId: number; isHost: boolean }) {
  const { api } = useApp();
  const { state, reload } = useLoad((signal) => api.articles(blogId, signal), `articles-${blogId}`);
  const [added, setAdded] = useState<Article[]>([]);
  const list = state.status === 'ready' ? [...added, ...state.data.items.filter((a) => !added.some((b) => b.id === a.id))] : added;
  return (
    <section aria-labelledby="articles-title">
      <h2 id="articles-title" class="section-title">
        Articles
      </h2>
      {isHost && <ArticleComposer blogId={blogId} onCreated={(a) => setAdded((xs) => [a, ...xs])} />}
      {state.status === 'loading' && <LoadingLine what="the articles" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' && list.length === 0 && <p class="empty">No articles yet.</p>}
      {list.map((a) => (
        <article key={a.id} class="card article" aria-label={`Article from ${new Date(a.published_at ?? a.created_at).toDateString()}`}>
          <p class="muted small">
            {a.state === 'published' ? <RelativeTime iso={a.published_at ?? a.created_at} /> : <span class="badge">{a.state.replace('_', ' ')}</span>} ·{' '}
            <Link href={`/posts/${a.id}`}>Replies and likes</Link>
          </p>
          <MarkdownHtml html={a.html} />
        </article>
      ))}
    </section>
  );
}
