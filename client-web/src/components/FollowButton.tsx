import { useState } from 'preact/hooks';
import { messageOf } from '../api/errors';
import type { FollowState } from '../api/socialTypes';
import { useApp } from '../context';

interface FollowButtonProps {
  /** What is followed, for the accessible name ("Follow Wren Walker", "Follow #okrs"). */
  name: string;
  following: boolean;
  onChange: (state: FollowState) => void;
  toggle: (on: boolean) => Promise<FollowState>;
}

/** A toggle button (aria-pressed) that follows or unfollows a person, topic or blog. */
export function FollowButton({ name, following, onChange, toggle }: FollowButtonProps) {
  const { announce } = useApp();
  const [busy, setBusy] = useState(false);
  const click = async () => {
    setBusy(true);
    try {
      const state = await toggle(!following);
      onChange(state);
      announce(state.following ? `You follow ${name} now.` : `You no longer follow ${name}.`, 'success');
    } catch (e) {
      announce(messageOf(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      class={following ? 'button secondary follow-button is-following' : 'button primary follow-button'}
      aria-pressed={following}
      aria-label={`Follow ${name}`}
      disabled={busy}
      onClick={click}
      data-testid="follow-button"
    >
      {following ? 'Following' : 'Follow'}
    </button>
  );
}
