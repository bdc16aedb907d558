import type { LevelSuggestion } from '../api/evidenceTypes';
import { useApp } from '../context';
import { criterionName, levelName, suggestionTitle } from '../lib/evidence';
import { FormError, useKeyedAction } from './Form';
import { LoadError, LoadingLine, useLoad } from './Loader';

/**
 * For a coach: "Suggest Walk for Evan" cards with the evidence behind each, to accept (the
 * level changes, audited) or dismiss (audited; it comes back only with new evidence).
 */
export function LevelSuggestions({ onDecided }: { onDecided?: () => void }) {
  const { api, announce } = useApp();
  const { state, reload } = useLoad<{ items: LevelSuggestion[] }>((signal) => api.levelSuggestions(signal), 'level-suggestions');
  const action = useKeyedAction<string>();
  if (state.status === 'loading') return <LoadingLine what="level suggestions" />;
  if (state.status === 'error') return <LoadError message={state.message} onRetry={reload} />;
  if (state.data.items.length === 0) return null;
  const decide = (s: LevelSuggestion, accept: boolean) =>
    action.run(`${s.executive.id}-${accept ? 'accept' : 'dismiss'}`, async () => {
      if (!s.to) return;
      if (accept) await api.acceptLevelSuggestion(s.executive.id, s.to);
      else await api.dismissLevelSuggestion(s.executive.id, s.to);
      announce(
        accept ? `${s.executive.display_name} is now at ${levelName(s.to)}.` : `Suggestion for ${s.executive.display_name} dismissed.`,
        'success',
      );
      reload();
      onDecided?.();
    });
  return (
    <section class="level-suggestions" aria-label="Level suggestions">
      {state.data.items.map((s) => {
        const id = `suggestion-${s.executive.id}`;
        return (
          <article key={s.executive.id} class="card suggestion-card" aria-labelledby={id}>
            <h2 id={id}>{suggestionTitle(s)}</h2>
            <p class="muted">
              {s.executive.display_name} is at {levelName(s.from)}. The evidence meets every condition; the level changes only if you accept.
            </p>
            <ul class="criteria-list" aria-label={`Evidence for ${s.executive.display_name}`}>
              {s.criteria.map((c) => (
                <li key={c.name} class="criterion met">
                  <strong>{criterionName(c)}</strong>: {c.detail}.
                </li>
              ))}
            </ul>
            <div class="form-actions">
              <button type="button" class="button secondary" aria-disabled={action.busy !== null} onClick={() => void decide(s, false)}>
                Dismiss
              </button>
              <button type="button" class="button primary" aria-disabled={action.busy !== null} onClick={() => void decide(s, true)}>
                Accept: move to {levelName(s.to)}
              </button>
            </div>
          </article>
        );
      })}
      {action.error && <FormError error={action.error} />}
    </section>
  );
}
