import { useEffect, useState } from 'preact/hooks';
import type { Blog } from '../api/blogTypes';
import { useApp } from '../context';
import { FollowButton } from './FollowButton';

/**
 * Follow a blog and its host from the blog page (PUT/DELETE /blogs/{id}/follow and
 * /users/{id}/follow). Whether the caller follows them comes from GET /me/following; the host
 * sees neither button (one does not follow oneself).
 */
export function BlogFollows({ blog }: { blog: Blog }) {
  const { api, user } = useApp();
  const [state, setState] = useState<{ blog: boolean; host: boolean } | null>(null);
  useEffect(() => {
    if (blog.host.id === user.id) return;
    const controller = new AbortController();
    api
      .myFollowing(controller.signal)
      .then((f) => setState({ blog: f.blogs.some((b) => b.id === blog.id), host: f.people.some((p) => p.id === blog.host.id) }))
      .catch(() => {
        // Without the list the buttons start as "Follow"; following again is harmless (idempotent).
        if (!controller.signal.aborted) setState({ blog: false, host: false });
      });
    return () => controller.abort();
  }, [api, blog.id, blog.host.id, user.id]);
  if (blog.host.id === user.id || state === null) return null;
  return (
    <div class="blog-follows" role="group" aria-label="Follow">
      <FollowButton
        name={`the blog ${blog.title}`}
        following={state.blog}
        toggle={(on) => api.setFollowBlog(blog.id, on)}
        onChange={(s) => setState((old) => (old ? { ...old, blog: s.following } : old))}
      />
      <FollowButton
        name={blog.host.display_name}
        following={state.host}
        toggle={(on) => api.setFollowPerson(blog.host.id, on)}
        onChange={(s) => setState((old) => (old ? { ...old, host: s.following } : old))}
      />
    </div>
  );
}
