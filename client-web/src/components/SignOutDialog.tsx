import { useState } from 'preact/hooks';
import type { Api } from '../api/endpoints';
import { messageOf } from '../api/errors';
import type { Role } from '../api/types';
import { serverDraftBody, type StoredDraft } from '../lib/drafts';
import { Dialog } from './Dialog';
import { FormError } from './Form';

/**
 * Before signing out with unsent text on this computer: save it as drafts on
 * the server, or discard it. Either way nothing stays in this browser for
 * the next person to read.
 */
export function SignOutDialog({
  api,
  role,
  drafts,
  onSignOut,
  onCancel,
}: {
  api: Api;
  role: Role;
  drafts: StoredDraft[];
  onSignOut: () => void;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      for (const draft of drafts) {
        // Members, moderators and admins post to the company space only; executives and
        // coaches keep a post draft where it was meant to go, a reply draft in practice.
        const companyOnly = role === 'member' || role === 'moderator' || role === 'admin';
        const space = companyOnly ? 'company' : draft.replyTo === null && draft.space ? draft.space : 'practice';
        await api.createPost(serverDraftBody(draft), space, 'draft');
      }
      onSignOut();
    } catch (e) {
      setError(`${messageOf(e)} Nothing was signed out; you can discard them instead.`);
      setBusy(false);
    }
  };
  const count = drafts.length === 1 ? 'an unsent draft' : `${drafts.length} unsent drafts`;
  return (
    <Dialog title="Keep what you were writing?" titleId="signout-title" onCancel={onCancel}>
      <p>
        This browser holds {count}. Signing out removes {drafts.length === 1 ? 'it' : 'them'} from this computer so the next person
        cannot read {drafts.length === 1 ? 'it' : 'them'}.
      </p>
      <ul class="draft-preview" aria-label="Unsent drafts">
        {drafts.map((d) => (
          <li key={d.slot}>
            <span class="muted small">{d.replyTo === null ? 'Post' : 'Reply'}:</span> {d.body.length > 80 ? `${d.body.slice(0, 79)}…` : d.body}
          </li>
        ))}
      </ul>
      <FormError error={error} />
      <div class="form-actions">
        <button type="button" class="button secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="button secondary" aria-disabled={busy} onClick={onSignOut}>
          Discard and sign out
        </button>
        <button type="button" class="button primary" aria-disabled={busy} onClick={() => void save()}>
          {busy ? 'Saving…' : 'Save as drafts and sign out'}
        </button>
      </div>
    </Dialog>
  );
}
