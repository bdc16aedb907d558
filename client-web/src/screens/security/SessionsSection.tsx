import { FormError, useKeyedAction } from '../../components/Form';
import { LoadError, LoadingLine, useLoad } from '../../components/Loader';
import { RelativeTime } from '../../components/RelativeTime';
import { useApp } from '../../context';
import { describeAgent } from '../../lib/agents';

/** The caller's live sessions, each with "Sign out", and "Sign out everywhere else". */
export function SessionsSection() {
  const { api, announce } = useApp();
  const { state, reload } = useLoad((signal) => api.sessions(signal), 'sessions');
  const action = useKeyedAction<string>();
  const sessions = state.status === 'ready' ? state.data.items : [];
  const others = sessions.filter((s) => !s.current).length;

  const endOne = (id: string, name: string) =>
    action.run(id, async () => {
      await api.endSession(id);
      announce(`Signed out ${name}.`, 'success');
      reload();
    });
  const endOthers = () =>
    action.run('others', async () => {
      const { ended } = await api.endOtherSessions();
      announce(ended === 1 ? 'Signed out 1 other session.' : `Signed out ${ended} other sessions.`, 'success');
      reload();
    });

  return (
    <section class="panel security-section" aria-labelledby="sessions-title">
      <h2 id="sessions-title" class="section-title">
        Where you are signed in
      </h2>
      {state.status === 'loading' && <LoadingLine what="your sessions" />}
      {state.status === 'error' && <LoadError message={state.message} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <ul class="session-list" aria-label="Your sessions">
            {sessions.map((s) => {
              const name = describeAgent(s.user_agent);
              return (
                <li key={s.id} class="session-item">
                  <div class="session-text">
                    <strong>{name}</strong>
                    {s.current && <span class="badge">This browser</span>}
                    <span class="muted small">
                      {s.client_address || 'unknown address'} · signed in <RelativeTime iso={s.created_at} /> · last active{' '}
                      <RelativeTime iso={s.last_seen_at} />
                    </span>
                  </div>
                  {!s.current && (
                    <button
                      type="button"
                      class="button secondary small"
                      aria-label={`Sign out ${name}, signed in from ${s.client_address || 'an unknown address'}`}
                      aria-disabled={action.busy === s.id}
                      onClick={() => void endOne(s.id, name)}
                    >
                      {action.busy === s.id ? 'Signing out…' : 'Sign out'}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {others > 0 ? (
            <button type="button" class="button secondary" aria-disabled={action.busy === 'others'} onClick={() => void endOthers()}>
              {action.busy === 'others' ? 'Signing out…' : 'Sign out everywhere else'}
            </button>
          ) : (
            <p class="muted">You are signed in only here.</p>
          )}
          <FormError error={action.error} />
        </>
      )}
    </section>
  );
}
