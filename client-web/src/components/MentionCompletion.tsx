import type { TextareaHTMLAttributes } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api/endpoints';
import type { PersonMatch } from '../api/socialTypes';
import type { Space } from '../api/types';
import { activeMention, insertMention, mentionedNames, type ActiveMention } from '../lib/mentions';

interface Options {
  api: Api;
  textarea: { current: HTMLTextAreaElement | null };
  text: string;
  setText: (text: string) => void;
  space: Space;
  /** id prefix for the listbox and its options */
  id: string;
}

/**
 * @-autocompletion for a textarea. The textarea keeps its textbox role (a textarea may not
 * take the combobox role) and follows the ARIA autocomplete-list practice: aria-autocomplete
 * "list", aria-controls pointing at the listbox while it is open, aria-activedescendant on the
 * highlighted option; Up/Down move, Enter or Tab choose, Escape closes; a polite live region
 * says how many people match. Options are also chosen with the mouse.
 */
export function useMentionCompletion({ api, textarea, text, setText, space, id }: Options) {
  const [mention, setMention] = useState<ActiveMention | null>(null);
  const [matches, setMatches] = useState<PersonMatch[]>([]);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const caretRef = useRef(0);

  const refresh = () => {
    const el = textarea.current;
    if (!el) return;
    caretRef.current = el.selectionStart ?? el.value.length;
    const m = el.selectionStart === el.selectionEnd ? activeMention(el.value, caretRef.current) : null;
    setMention(m && m.start !== dismissed ? m : null);
  };
  useEffect(refresh, [text]);

  const query = mention?.query ?? null;
  useEffect(() => {
    if (query === null || query.length === 0) {
      setMatches([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api
        .people(query, space, controller.signal)
        .then((r) => {
          setMatches(r.items);
          setActive(0);
        })
        .catch(() => setMatches([]));
    }, 150);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [api, query, space]);

  const open = mention !== null && matches.length > 0;
  const listId = `${id}-mentions`;
  const optionId = (i: number) => `${id}-mention-${i}`;

  const choose = (person: PersonMatch) => {
    const el = textarea.current;
    if (!mention || !el) return;
    const next = insertMention(el.value, mention, caretRef.current, person.username);
    setText(next.text);
    setMention(null);
    setMatches([]);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + matches.length) % matches.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      choose(matches[Math.min(active, matches.length - 1)]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDismissed(mention?.start ?? null);
      setMention(null);
    }
  };

  const textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> = {
    'aria-autocomplete': 'list',
    'aria-controls': open ? listId : undefined,
    'aria-activedescendant': open ? optionId(active) : undefined,
    onKeyDown,
    onKeyUp: (e: KeyboardEvent) => {
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') refresh();
    },
    onClick: refresh,
    onBlur: () => window.setTimeout(() => setMention(null), 150),
  };

  const listbox = (
    <>
      <p class="visually-hidden" aria-live="polite">
        {open ? `${matches.length} ${matches.length === 1 ? 'person matches' : 'people match'}; use the up and down arrows and Enter to choose.` : ''}
      </p>
      {open && (
        <ul id={listId} role="listbox" class="mention-list" aria-label="People to mention" data-testid="mention-list">
          {matches.map((p, i) => (
            <li
              key={p.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'mention-option is-active' : 'mention-option'}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(p);
              }}
            >
              <span class="mention-name">{p.display_name}</span> <span class="username">@{p.username}</span>
              {p.can_see === false && <span class="mention-warning"> (cannot see this {space} post)</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
  return { textareaProps, listbox };
}

/**
 * For a practice post: the people mentioned in `text` who could not read it once published
 * (the server will not notify them). Looked up a moment after typing stops.
 */
export function useUnreachableMentions(api: Api, text: string, space: Space): string[] {
  const [blind, setBlind] = useState<string[]>([]);
  const cache = useRef(new Map<string, boolean>());
  const names = space === 'practice' ? mentionedNames(text).slice(0, 10) : [];
  const key = `${space}:${names.join(',')}`;
  useEffect(() => {
    if (names.length === 0) {
      setBlind([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      for (const name of names) {
        if (cache.current.has(name)) continue;
        try {
          const r = await api.people(name, space, controller.signal);
          const exact = r.items.find((p) => p.username.toLowerCase() === name);
          if (exact) cache.current.set(name, exact.can_see !== false);
        } catch {
          return;
        }
      }
      if (!controller.signal.aborted) setBlind(names.filter((n) => cache.current.get(n) === false));
    }, 400);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [api, key]);
  return blind;
}
