import type { ApiClient } from './client';
import type { Article, ArticleAction, Blog, BlogStats, NewBlog, NewQuestion, Question, QuestionPage, QuestionSort, Temperature } from './blogTypes';

interface Items<T> {
  items: T[];
}

/** The Q&A blog's routes (docs/API.md, "The Q&A blog"). */
export function blogEndpoints(client: ApiClient) {
  return {
    blogs(signal?: AbortSignal): Promise<Items<Blog>> {
      return client.request('GET', '/blogs', { signal });
    },
    blog(id: number, signal?: AbortSignal): Promise<{ blog: Blog }> {
      return client.request('GET', `/blogs/${id}`, { signal });
    },
    blogStats(id: number, signal?: AbortSignal): Promise<BlogStats> {
      return client.request('GET', `/blogs/${id}/stats`, { signal });
    },
    createBlog(blog: NewBlog): Promise<{ blog: Blog }> {
      return client.request('POST', '/blogs', { body: blog });
    },
    articles(id: number, signal?: AbortSignal): Promise<Items<Article>> {
      return client.request('GET', `/blogs/${id}/articles`, { signal });
    },
    createArticle(id: number, body: string, action: ArticleAction): Promise<{ post: Article }> {
      return client.request('POST', `/blogs/${id}/articles`, { body: { body, action } });
    },
    previewMarkdown(body: string, signal?: AbortSignal): Promise<{ html: string }> {
      return client.request('POST', '/markdown/preview', { body: { body }, signal });
    },
    questions(id: number, sort: QuestionSort, signal?: AbortSignal, before?: string | null, topic?: string | null): Promise<QuestionPage> {
      return client.request('GET', `/blogs/${id}/questions`, { query: { sort, limit: '20', before: before || null, topic: topic || null }, signal });
    },
    question(questionId: number, signal?: AbortSignal): Promise<{ question: Question }> {
      return client.request('GET', `/questions/${questionId}`, { signal });
    },
    temperature(id: number, weeks: number, signal?: AbortSignal): Promise<Temperature> {
      return client.request('GET', `/blogs/${id}/temperature`, { query: { weeks: String(weeks) }, signal });
    },
    ask(id: number, question: NewQuestion): Promise<{ question: Question }> {
      return client.request('POST', `/blogs/${id}/questions`, { body: question });
    },
    vote(questionId: number, on: boolean): Promise<{ vote_count: number; voted_by_me: boolean }> {
      return client.request(on ? 'PUT' : 'DELETE', `/questions/${questionId}/vote`);
    },
    answer(questionId: number, body: string): Promise<{ question: Question }> {
      return client.request('POST', `/questions/${questionId}/answer`, { body: { body } });
    },
    decline(questionId: number, reason: string): Promise<{ question: Question }> {
      return client.request('POST', `/questions/${questionId}/decline`, { body: { reason } });
    },
  };
}
