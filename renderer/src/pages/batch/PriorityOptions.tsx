import { priorityLabel, priorityOptions } from './format';

/** The priorities offered as words; one set elsewhere (the CLI) shows as itself. */
export function PriorityOptions({ value }: { value: number }) {
  const known = priorityOptions.some((option) => option.value === value);
  return (
    <>
      {priorityOptions.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {!known && <option value={value}>{priorityLabel(value)}</option>}
    </>
  );
}
