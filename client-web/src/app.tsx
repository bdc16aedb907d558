import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiClient } from './api/client';
import { createApi } from './api/endpoints';
import { ApiError, messageOf } from './api/errors';
import type { SecurityState, Session, User } from './api/types';
import { Header } from './components/Header';
import { ReauthDialog } from './components/ReauthDialog';
import { SignOutDialog } from './components/SignOutDialog';
import { StatusRegion, type StatusMessage } from './components/StatusRegion';
import { AppContext, type AppContextValue, type StatusKind } from './context';
import { browserStorage, clearDrafts, listDrafts, type StoredDraft } from './lib/drafts';
import { LiveConnection, type LiveState } from './lib/live';
import { parseRoute, routeAllowed, titleFor, type Route } from './lib/router';
import { navigate, useLocation } from './navigation';
import { ComposeScreen } from './screens/ComposeScreen';
import { FeedScreen } from './screens/FeedScreen';
import { MentoringScreen } from './screens/MentoringScreen';
import { MentorPostScreen } from './screens/MentorPostScreen';
import { MyPostsScreen } from './screens/MyPostsScreen';
import { GoldenRulesScreen } from './screens/GoldenRulesScreen';
import { NotForYourRoleScreen, NotFoundScreen } from './screens/NotFoundScreen';
import { PostDetailScreen } from './screens/PostDetailScreen';
import { SignIn, type SignInNotice } from './screens/SignIn';
import { AdminScreen } from './screens/AdminScreen';
import { CohortScreen } from './screens/CohortScreen';
import { GoalsScreen } from './screens/GoalsScreen';
import { NotificationsScreen } from './screens/NotificationsScreen';
import { ReviewQueueScreen } from './screens/ReviewQueueScreen';
import { ReplyReviewScreen } from './screens/ReplyReviewScreen';
import { ReviewScreen } from './screens/ReviewScreen';
import { SecurityScreen } from './screens/SecurityScreen';
import { ModerationScreen } from './screens/ModerationScreen';
import { AuditScreen } from './screens/AuditScreen';
import { InsightsScreen } from './screens/InsightsScreen';
import { BlogScreen } from './screens/BlogScreen';
import { QuestionScreen } from './screens/QuestionScreen';
import { BlogsScreen } from './screens/BlogsScreen';
import { ReadingScreen } from './screens/ReadingScreen';
import { SearchScreen } from './screens/SearchScreen';
import { PersonScreen } from './screens/PersonScreen';
import { TopicScreen } from './screens/TopicScreen';


type Phase =
  | { kind: 'starting' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'signed-out'; notice: SignInNotice }
  | { kind: 'signed-in'; user: User };

/**
 * The screen for a route. Upcoming screens are added here (and in
 * lib/router.ts): review workspace, notifications, admin.
 */
function Screen({ route, onTotpEnabled }: { route: Route; onTotpEnabled: () => void }) {
  switch (route.name) {
    case 'security':
      return <SecurityScreen enrolmentRequired={false} onTotpEnabled={onTotpEnabled} />;
    case 'feed':
      return <FeedScreen space={route.space} />;
    case 'post':
      return <PostDetailScreen id={route.id} />;
    case 'compose':
      return <ComposeScreen />;
    case 'my-posts':
      return <MyPostsScreen />;
    case 'review-queue':
      return <ReviewQueueScreen />;
    case 'review':
      return <ReviewScreen id={route.id} />;
    case 'review-reply':
      return <ReplyReviewScreen id={route.id} />;
    case 'cohort':
      return <CohortScreen />;
    case 'goals':
      return <GoalsScreen />;
    case 'notifications':
      return <NotificationsScreen />;
    case 'rules':
      return <GoldenRulesScreen />;
    case 'admin':
      return <AdminScreen section={route.section} />;
    case 'mentoring':
      return <MentoringScreen />;
    case 'mentor-post':
      return <MentorPostScreen id={route.id} />;
    case 'moderation':
      return <ModerationScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'insights':
      return <InsightsScreen />;
    case 'blogs':
      return <BlogsScreen />;
    case 'blog':
      return <BlogScreen id={route.id} />;
    case 'reading':
      return <ReadingScreen />;
    case 'search':
      return <SearchScreen />;
    case 'question':
      return <QuestionScreen id={route.id} />;
    case 'following':
      return <FeedScreen space="following" />;
    case 'person':
      return <PersonScreen username={route.username} />;
    case 'topic':
      return <TopicScreen tag={route.tag} />;
    case 'not-found':
      return <NotFoundScreen />;
  }
}

/** Moves focus to the screen's heading without changing the URL's fragment. */
function skipToContent(event: MouseEvent) {
  const target = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
  if (!target) return;
  event.preventDefault();
  target.focus();
}

export function App() {
  const client = useMemo(() => new ApiClient(), []);
  const api = useMemo(() => createApi(client), [client]);
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const [unread, setUnreadState] = useState(0);
  const [security, setSecurity] = useState<SecurityState>({ totp_enabled: false, totp_required: false });
  // A pending re-authentication: resolves the request that asked for it.
  const [reauth, setReauth] = useState<((confirmed: boolean) => void) | null>(null);
  // Unsent drafts found at sign-out, waiting for "save" or "discard".
  const [leaving, setLeaving] = useState<StoredDraft[] | null>(null);
  const location = useLocation();
  const route = parseRoute(location.path);
  const statusTimer = useRef<number | undefined>(undefined);

  const announce = useCallback((text: string, kind: StatusKind = 'info') => {
    window.clearTimeout(statusTimer.current);
    setStatus({ id: Date.now(), text, kind });
    statusTimer.current = window.setTimeout(() => setStatus(null), kind === 'error' ? 12000 : 6000);
  }, []);

  const startSession = useCallback(
    (session: Session) => {
      client.setCsrfToken(session.csrf_token);
      if (session.security) setSecurity(session.security);
      setUnreadState(typeof session.unread_notifications === 'number' ? session.unread_notifications : 0);
      setPhase({ kind: 'signed-in', user: session.user });
    },
    [client],
  );

  const checkSession = useCallback(() => {
    setPhase({ kind: 'starting' });
    api
      .me()
      .then(startSession)
      .catch((e) => {
        if (e instanceof ApiError && e.status === 401) setPhase({ kind: 'signed-out', notice: null });
        else setPhase({ kind: 'unreachable', message: messageOf(e) });
      });
  }, [api, startSession]);

  useEffect(() => {
    client.onSessionExpired = () => {
      setReauth(null);
      setPhase({ kind: 'signed-out', notice: 'expired' });
    };
    client.onReauthRequired = () => new Promise<boolean>((resolve) => setReauth(() => resolve));
    checkSession();
    return () => {
      client.onSessionExpired = null;
      client.onReauthRequired = null;
    };
  }, [client, checkSession]);

  // Ends the session, then removes this user's unsent drafts from the browser
  // so that the next person at a shared computer cannot read them.
  const finishSignOut = useCallback(async () => {
    if (signingOut) return;
    setSigningOut(true);
    const username = phase.kind === 'signed-in' ? phase.user.username : null;
    try {
      await api.logout();
    } catch {
      // Even if the server could not be told, forget the session here.
    }
    if (username) clearDrafts(browserStorage(), username);
    client.setCsrfToken(null);
    setLeaving(null);
    setSigningOut(false);
    setPhase({ kind: 'signed-out', notice: 'signed-out' });
    navigate('/', { replace: true });
  }, [api, client, signingOut, phase]);

  const signOut = useCallback(() => {
    if (signingOut || phase.kind !== 'signed-in') return;
    const drafts = listDrafts(browserStorage(), phase.user.username);
    if (drafts.length > 0) setLeaving(drafts);
    else void finishSignOut();
  }, [signingOut, phase, finishSignOut]);

  const signedIn = phase.kind === 'signed-in';
  const setUnread = useCallback((count: number) => {
    if (Number.isInteger(count) && count >= 0) setUnreadState(count);
  }, []);
  // The unread count (and the user's level, which a coach may change) from GET /me.
  const refreshUnread = useCallback(() => {
    if (!client.hasSession) return;
    api
      .me()
      .then((session) => {
        if (typeof session.unread_notifications === 'number') setUnreadState(session.unread_notifications);
        if (session.security) setSecurity(session.security);
        setPhase((current) => {
          if (current.kind !== 'signed-in') return current;
          const a = current.user;
          const b = session.user;
          if (a.id !== b.id) return current;
          if (a.role === b.role && a.training_level === b.training_level && a.display_name === b.display_name) return current;
          return { kind: 'signed-in', user: b };
        });
      })
      .catch(() => {
        // A failed refresh is not worth a message; the next action will tell.
      });
  }, [api, client]);
  // The live channel replaces polling: the badge follows notifications.unread events, and a
  // "reload" (the server could not replay what was missed) asks for the count again.
  const live = useMemo(() => new LiveConnection(), []);
  const [liveState, setLiveState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (!signedIn) return undefined;
    const offState = live.onState(setLiveState);
    const offEvents = live.subscribe((e) => {
      if (e.type === 'notifications.unread' && typeof e.unread_count === 'number') setUnread(e.unread_count);
      if (e.type === 'reload') refreshUnread();
    });
    live.start();
    return () => {
      offState();
      offEvents();
      live.stop();
    };
  }, [signedIn, live, refreshUnread, setUnread]);
  // Also right after signing in (login does not carry the count) and after
  // moving to another screen (actions usually end with one).
  useEffect(() => {
    if (signedIn) refreshUnread();
  }, [location.serial, signedIn]);

  // Title, scroll and focus follow the route (not on the first render).
  const firstRoute = useRef(true);
  useEffect(() => {
    document.title = phase.kind === 'signed-in' ? `${titleFor(route)} · Greenroom` : 'Sign in · Greenroom';
  }, [location.path, phase.kind]);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    window.scrollTo(0, 0);
    // Move focus to the new screen's heading, unless the screen already put
    // it somewhere useful (the composer focuses its text area).
    const main = document.getElementById('main');
    if (main && main.contains(document.activeElement) && document.activeElement !== main) return;
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  }, [location.serial]);

  // After signing in (again), start keyboard and screen reader users at the
  // screen's heading unless the screen focused something itself.
  const previousPhase = useRef(phase.kind);
  useEffect(() => {
    const cameFromSignIn = previousPhase.current === 'signed-out';
    previousPhase.current = phase.kind;
    if (phase.kind !== 'signed-in' || !cameFromSignIn) return;
    if (document.activeElement === document.body || !document.activeElement) {
      document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
    }
  }, [phase.kind]);

  const contextValue = useMemo<AppContextValue | null>(
    () =>
      phase.kind === 'signed-in' ? { api, user: phase.user, announce, unread, refreshUnread, setUnread, live } : null,
    [api, phase, announce, unread, refreshUnread, setUnread, live],
  );

  const statusRegion = <StatusRegion message={status} onDismiss={() => setStatus(null)} />;

  if (phase.kind === 'starting') {
    return (
      <main id="main" class="splash">
        <p class="loading" role="status">
          <span class="spinner" aria-hidden="true" /> Opening Greenroom…
        </p>
      </main>
    );
  }

  if (phase.kind === 'unreachable') {
    return (
      <main id="main" class="splash">
        <h1>Greenroom is not reachable</h1>
        <p role="alert">{phase.message}</p>
        <button type="button" class="button primary" onClick={checkSession}>
          Try again
        </button>
      </main>
    );
  }

  if (phase.kind === 'signed-out' || !contextValue) {
    return (
      <>
        <SignIn api={api} notice={phase.kind === 'signed-out' ? phase.notice : null} onSignedIn={startSession} />
        {statusRegion}
      </>
    );
  }

  const user = contextValue.user;
  const allowed = routeAllowed(route, user.role);
  // The deployment requires two-step sign-in for this role and it is not set up yet:
  // the server refuses everything else, so only the Security screen is offered.
  const enrolmentRequired = security.totp_required && !security.totp_enabled;
  const onTotpEnabled = () => {
    setSecurity((s) => ({ ...s, totp_enabled: true }));
    refreshUnread();
  };
  const finishReauth = (confirmed: boolean) => {
    reauth?.(confirmed);
    setReauth(null);
  };

  return (
    <AppContext.Provider value={contextValue}>
      <a class="skip-link" href="#main" onClick={skipToContent}>
        Skip to main content
      </a>
      <Header user={user} route={route} unread={unread} onSignOut={signOut} signingOut={signingOut} liveState={liveState} />
      <main id="main" class={route.name === 'review' ? 'page page-wide' : 'page'} tabIndex={-1}>
        {enrolmentRequired ? (
          <SecurityScreen enrolmentRequired onTotpEnabled={onTotpEnabled} />
        ) : allowed ? (
          <Screen route={route} onTotpEnabled={onTotpEnabled} />
        ) : (
          <NotForYourRoleScreen />
        )}
      </main>
      {statusRegion}
      {reauth && <ReauthDialog api={api} hasTotp={security.totp_enabled} onDone={finishReauth} />}
      {leaving && (
        <SignOutDialog
          api={api}
          role={user.role}
          drafts={leaving}
          onSignOut={() => void finishSignOut()}
          onCancel={() => setLeaving(null)}
        />
      )}
    </AppContext.Provider>
  );
}
