import { Link } from '../navigation';

export function NotFoundScreen({ message }: { message?: string }) {
  return (
    <div class="page-head">
      <h1 tabIndex={-1}>Not found</h1>
      <p class="lede">{message ?? 'There is no page at this address.'}</p>
      <p>
        <Link href="/">Back to the company feed</Link>
      </p>
    </div>
  );
}
