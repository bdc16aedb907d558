import type { TextReference } from '../api/types';
import { splitReferences } from '../lib/references';

/** A text with the server's @mentions and #topics marked (same words, styled as references). */
export function ReferencedText({ text, refs }: { text: string; refs?: TextReference[] }) {
  return (
    <>
      {splitReferences(text, refs).map((piece, i) =>
        piece.ref ? (
          <span key={i} class={`ref ref-${piece.ref.kind}`} data-testid={`ref-${piece.ref.kind}`}>
            {piece.text}
          </span>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
