import type { ReactNode, Ref } from 'react';

interface SetupFieldProps {
  id: string;
  label: ReactNode;
  /** The core's (or the form's) complaint about this field, shown under it and read with it. */
  error?: string | null;
  help?: ReactNode;
  narrow?: boolean;
  children: (described: { 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

/** A labelled control with its help and its error, linked for assistive technology. */
export function SetupField({ id, label, error = null, help, narrow = false, children }: SetupFieldProps) {
  const ids = [error !== null ? `${id}-error` : null, help !== undefined ? `${id}-help` : null].filter(Boolean).join(' ');
  return (
    <div className={`setup-field${narrow ? ' setup-field--narrow' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ ...(ids === '' ? {} : { 'aria-describedby': ids }), ...(error !== null ? { 'aria-invalid': true as const } : {}) })}
      {error !== null && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      {help !== undefined && (
        <p className="field__help" id={`${id}-help`}>
          {help}
        </p>
      )}
    </div>
  );
}

interface TextInputProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  help?: ReactNode;
  disabled?: boolean;
  placeholder?: string;
  maxLength: number;
  type?: 'text' | 'date';
  inputRef?: Ref<HTMLInputElement>;
}

export function TextInput({ id, label, value, onChange, error, help, disabled = false, placeholder, maxLength, type = 'text', inputRef }: TextInputProps) {
  return (
    <SetupField id={id} label={label} error={error} help={help}>
      {(described) => (
        <input
          ref={inputRef}
          id={id}
          name={id}
          className="input"
          type={type}
          autoComplete="off"
          maxLength={maxLength}
          placeholder={placeholder}
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value)}
          {...described}
        />
      )}
    </SetupField>
  );
}
