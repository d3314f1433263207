import type { ReactNode } from 'react';

interface LoadedListProps<T> {
  /** null while the first read is under way or has failed. */
  items: readonly T[] | null;
  error: string | null;
  /** "the interviews", "the kits": said while reading and when the read failed. */
  noun: string;
  onRetry: () => void;
  empty: { headline: string; hint: string };
  /** The list's accessible name, saying how it is ordered. */
  label: string;
  renderItem: (item: T) => ReactNode;
}

/** A list read from the core: reading, failed with a retry, empty with a hint, or its rows. */
export function LoadedList<T>({ items, error, noun, onRetry, empty, label, renderItem }: LoadedListProps<T>) {
  if (items === null) {
    return error === null ? (
      <p className="muted">Reading {noun}…</p>
    ) : (
      <div className="notice notice--error" role="alert">
        <p>
          {noun.charAt(0).toUpperCase() + noun.slice(1)} could not be read: {error}
        </p>
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty-state__headline">{empty.headline}</p>
        <p className="muted">{empty.hint}</p>
      </div>
    );
  }
  return (
    <ul className="interview-list" aria-label={label}>
      {items.map(renderItem)}
    </ul>
  );
}
