import { useMemo } from 'preact/hooks';

/** A link that downloads `text` as a CSV file. */
export function CsvLink({ text, name, label }: { text: string; name: string; label: string }) {
  const href = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`, [text]);
  return (
    <a class="button secondary csv-link" href={href} download={name}>
      {label}
    </a>
  );
}
