import { useId } from 'react';

interface SegmentedControlProps<T extends string> {
  /** The group's name ("Window"); shown beside the options unless `hideLabel`, always read out. */
  label: string;
  hideLabel?: boolean;
  options: readonly { value: T; label: string; title?: string }[];
  value: T;
  onChange: (value: T) => void;
  testId?: string;
}

/**
 * Mutually exclusive choices drawn as joined buttons. Native radio buttons underneath, so arrow keys
 * move between the options and screen readers say which is selected.
 */
export function SegmentedControl<T extends string>({ label, hideLabel = false, options, value, onChange, testId }: SegmentedControlProps<T>) {
  const name = useId();
  const labelId = `${name}-label`;
  return (
    <div className="segmented" role="radiogroup" aria-labelledby={labelId} data-testid={testId} data-value={value}>
      <span id={labelId} className={hideLabel ? 'visually-hidden' : 'segmented__label'}>
        {label}
      </span>
      <span className="segmented__options">
        {options.map((option) => (
          <label key={option.value} className="segmented__option" title={option.title}>
            <input type="radio" name={name} value={option.value} checked={option.value === value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </span>
    </div>
  );
}
