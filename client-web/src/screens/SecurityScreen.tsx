import { FeedAddress } from '../components/FeedAddress';
import { useApp } from '../context';
import { FEEDS } from '../lib/feedAddress';
import { PasswordSection } from './security/PasswordSection';
import { SessionsSection } from './security/SessionsSection';
import { TotpSection } from './security/TotpSection';

/**
 * The signed-in person's security: where they are signed in (and ending
 * those sessions), their password, and two-step sign-in with an
 * authenticator app.
 */
export function SecurityScreen({ enrolmentRequired, onTotpEnabled }: { enrolmentRequired: boolean; onTotpEnabled: () => void }) {
  const { user } = useApp();
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Security</h1>
        <p class="lede">Where you are signed in, your password and two-step sign-in for {user.display_name}.</p>
      </div>
      {enrolmentRequired && (
        <p class="notice warning" role="alert">
          Your role must use two-step sign-in. Set up an authenticator app below to carry on using Greenroom.
        </p>
      )}
      <TotpSection onEnabled={onTotpEnabled} />
      {!enrolmentRequired && (
        <>
          <SessionsSection />
          <PasswordSection />
          <FeedAddress feed={FEEDS.user(user.username)} what="your own posts" />
        </>
      )}
    </>
  );
}
