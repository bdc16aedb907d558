import type { Post, PostAction } from '../api/types';
import { Composer } from '../components/Composer';
import { useApp } from '../context';
import { canSeePractice, spaceLabel, stateLabel } from '../lib/permissions';
import { navigate } from '../navigation';

export function ComposeScreen() {
  const { user, announce } = useApp();

  const done = (post: Post, action: PostAction) => {
    if (post.state === 'published') {
      announce(`Published to ${spaceLabel(post.space)}.`, 'success');
      navigate(post.space === 'company' || !canSeePractice(user.role) ? '/' : '/practice');
      return;
    }
    if (action === 'draft') {
      announce('Draft saved.', 'success'); // and stay in the composer
      return;
    }
    const what =
      action === 'submit'
          ? 'Submitted for review. Your coach will have a look.'
          : `Saved as ${stateLabel(post.state).toLowerCase()}.`;
    announce(what, 'success');
    navigate('/me/posts');
  };

  return (
    <>
      <div class="page-head">
        <h1 id="compose-title" tabIndex={-1}>
          New post
        </h1>
        <p class="lede">Draft it, preview it, and publish when it feels right.</p>
      </div>
      <Composer onDone={done} />
    </>
  );
}
