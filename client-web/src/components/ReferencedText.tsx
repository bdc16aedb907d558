import type { TextReference } from '../api/types';
import { splitReferences } from '../lib/references';
import { Link } from '../navigation';

/** Where a reference leads: a person's profile or a topic's page. */
export function referenceHref(ref: TextReference): string {
  return ref.kind === 'mention' ? `/people/${encodeURIComponent(ref.value)}` : `/topics/${encodeURIComponent(ref.value)}`;
}

/**
 * A text with the server's @mentions and #topics linked to the person's profile and the
 * topic's page (same words, styled as references).
 */
export function ReferencedText({ text, refs }: { text: string; refs?: TextReference[] }) {
  return (
    <>
      {splitReferences(text, refs).map((piece, i) =>
        piece.ref ? (
          <Link key={i} href={referenceHref(piece.ref)} class={`ref ref-${piece.ref.kind}`} data-testid={`ref-${piece.ref.kind}`}>
            {piece.text}
          </Link>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
