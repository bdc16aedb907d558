import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context';
import { MarkdownHtml } from './MarkdownHtml';

/**
 * A Markdown text area with a live preview rendered by the server (the same code that
 * publishes), asked for a moment after typing stops.
 */
export function MarkdownEditor({
  id,
  label,
  value,
  onInput,
  rows = 8,
  maxLength,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  rows?: number;
  maxLength: number;
}) {
  const { api } = useApp();
  const [html, setHtml] = useState('');
  useEffect(() => {
    if (value.trim() === '') {
      setHtml('');
      return undefined;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api
        .previewMarkdown(value, controller.signal)
        .then((r) => setHtml(r.html))
        .catch(() => undefined);
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [api, value]);
  return (
    <div class="markdown-editor">
      <div class="field">
        <label for={id}>{label}</label>
        <textarea id={id} rows={rows} value={value} maxLength={maxLength} onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)} />
        <p class="muted small">Markdown: **bold**, _italic_, [links](https://…), tables, ~~strikethrough~~.</p>
      </div>
      <section class="markdown-preview" aria-label="Preview" data-testid={`${id}-preview`}>
        <p class="muted small">Preview</p>
        {html ? <MarkdownHtml html={html} /> : <p class="muted">Nothing to preview yet.</p>}
      </section>
    </div>
  );
}
