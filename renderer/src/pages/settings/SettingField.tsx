import { boundsOf, inputIdOf, type FieldSpec } from './fields';

interface SettingFieldProps {
  field: FieldSpec;
  value: string | boolean;
  error: string | undefined;
  changed: boolean;
  onChange: (value: string | boolean) => void;
}

/** One setting: label and help on the left, the control and any error under it on the right. */
export function SettingField({ field, value, error, changed, onChange }: SettingFieldProps) {
  const id = inputIdOf(field.key);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = error === undefined ? helpId : `${errorId} ${helpId}`;
  const common = {
    id,
    name: field.key,
    'aria-describedby': describedBy,
    'aria-invalid': error !== undefined ? (true as const) : undefined,
  };

  let control;
  switch (field.kind) {
    case 'checkbox':
      control = (
        <span className="checkbox">
          <input {...common} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />
          <span className="checkbox__state" aria-hidden="true">{value === true ? 'On' : 'Off'}</span>
        </span>
      );
      break;
    case 'select':
      control = (
        <select {...common} className="input" value={String(value)} onChange={(event) => onChange(event.target.value)}>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
      break;
    case 'number': {
      const { min, max, integer } = boundsOf(field.key);
      control = (
        <span className="input-group">
          <input
            {...common}
            className="input input--number"
            type="number"
            inputMode={integer ? 'numeric' : 'decimal'}
            min={min ?? undefined}
            max={max ?? undefined}
            step={field.step ?? (integer ? 1 : 'any')}
            value={String(value)}
            onChange={(event) => onChange(event.target.value)}
          />
          {field.unit !== undefined && <span className="input-group__unit" aria-hidden="true">{field.unit}</span>}
        </span>
      );
      break;
    }
    case 'text':
      control = (
        <input
          {...common}
          className="input"
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder={field.placeholder}
          value={String(value)}
          onChange={(event) => onChange(event.target.value)}
        />
      );
      break;
  }

  return (
    <div className="field" data-changed={changed || undefined} data-invalid={error !== undefined || undefined}>
      <div className="field__text">
        <label className="field__label" htmlFor={id}>
          {field.label}
        </label>
        <p className="field__help" id={helpId}>
          {field.help}
        </p>
      </div>
      <div className="field__control">
        {control}
        {error !== undefined && (
          <p className="field__error" id={errorId}>
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
