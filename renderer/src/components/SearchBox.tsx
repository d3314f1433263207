import { useEffect, useId, useRef, useState } from 'react';

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  testId: string;
}

/** Typing in the search box asks the core once the analyst pauses, not at every key; Enter asks at once. */
export function SearchBox({ value, onChange, placeholder, testId }: SearchBoxProps) {
  const id = useId();
  const [text, setText] = useState(value);
  // The latest callback, so a re-render (progress arrives every second) does not restart the wait.
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = window.setTimeout(() => latest.current(text), 300);
    return () => window.clearTimeout(timer);
  }, [text, value]);
  return (
    <div className="results-search">
      <label htmlFor={id} className="segmented__label">
        Search
      </label>
      <input
        id={id}
        className="input"
        type="search"
        placeholder={placeholder}
        value={text}
        data-testid={testId}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onChange(text);
        }}
      />
    </div>
  );
}
