import { Link } from '../navigation';

/** No page here (an unknown address or object), or one the role may not use. */
export function NotFoundScreen({ message, title = 'Not found' }: { message?: string; title?: string }) {
  return (
    <div class="page-head">
      <h1 tabIndex={-1}>{title}</h1>
      <p class="lede">{message ?? 'There is no page at this address.'}</p>
      <p>
        <Link href="/">Back to the company feed</Link>
      </p>
    </div>
  );
}

/** A page that exists but is not for the signed-in role (the API's 404 stays for objects). */
export function NotForYourRoleScreen() {
  return <NotFoundScreen title="Not available for your role" message="This page is not available for your role. The menu shows the pages you can use." />;
}
