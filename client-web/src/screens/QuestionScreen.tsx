import { useEffect, useState } from 'preact/hooks';
import type { Blog, Question } from '../api/blogTypes';
import { LoadError, LoadingLine, useLoad } from '../components/Loader';
import { QuestionCard } from '../components/QuestionCard';
import { useApp } from '../context';
import { Link } from '../navigation';

/**
 * One blog question on its own page: where a notice about a question leads. The host answers
 * here as on the blog page; a question the reader may not see is "not found".
 */
export function QuestionScreen({ id }: { id: number }) {
  const { api, user } = useApp();
  const { state, reload } = useLoad<{ question: Question; blog: Blog }>(async (signal) => {
    const { question } = await api.question(id, signal);
    const { blog } = await api.blog(question.blog_id, signal);
    return { question, blog };
  }, `question-${id}`);
  const [question, setQuestion] = useState<Question | null>(null);
  useEffect(() => {
    if (state.status === 'ready') setQuestion(state.data.question);
  }, [state]);
  if (state.status === 'loading') return <LoadingLine what="the question" />;
  if (state.status === 'error') return <LoadError message={state.message} onRetry={reload} />;
  const { blog } = state.data;
  const q = question ?? state.data.question;
  return (
    <>
      <div class="page-head">
        <p class="muted small">
          <Link href="/blogs">Blogs</Link> › <Link href={`/blogs/${blog.id}`}>{blog.title}</Link>
        </p>
        <h1 tabIndex={-1}>A question for {blog.host.display_name}</h1>
        <p class="lede">{blog.promise}.</p>
      </div>
      <QuestionCard question={q} isHost={blog.host.id === user.id} onChange={setQuestion} />
      <p>
        <Link href={`/blogs/${blog.id}`}>All questions on {blog.title}</Link>
      </p>
    </>
  );
}
