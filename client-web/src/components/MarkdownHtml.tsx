/**
 * HTML the server rendered from Markdown (domain::render_markdown: cmark-gfm with raw HTML
 * off, unsafe links and foreign images removed). Only that server output is set as HTML.
 */
export function MarkdownHtml({ html, label }: { html: string; label?: string }) {
  return <div class="markdown" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
