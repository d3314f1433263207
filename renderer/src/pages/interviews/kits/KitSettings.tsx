import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../../../lib/errors';
import { useAction } from '../../models/useAction';
import { SetupField } from '../SetupField';
import { saveKitConfig } from './actions';
import { loadConfig, useKits } from './store';

type ConfigField = 'threshold' | 'expiryDays';
type ConfigError = { field: ConfigField | null; message: string };

/** The core's refusal at the field it names, without the field's code name in front of the sentence. */
function configErrorOf(error: unknown): ConfigError {
  const field = error instanceof ApiError && (error.field === 'threshold' || error.field === 'expiryDays') ? error.field : null;
  return { field, message: messageOf(error).replace(/^[A-Za-z.\d]+: /, '') };
}

/** A number typed in a field, or the reason it is not one, at that field. */
function numberIn(text: string, field: ConfigField): number | ConfigError {
  const value = Number(text);
  return text.trim() === '' || !Number.isFinite(value) ? { field, message: 'Give a number.' } : value;
}

/** The quality threshold and how long kits are kept: collapsed, as they are set once and rarely changed. */
export function KitSettings() {
  const config = useKits((state) => state.config);
  const configError = useKits((state) => state.configError);
  const [threshold, setThreshold] = useState('');
  const [days, setDays] = useState('');
  const [error, setError] = useState<ConfigError | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction<'save'>();
  useEffect(() => {
    if (config === null) return;
    setThreshold(String(config.threshold));
    setDays(String(config.expiryDays));
  }, [config]);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setSaved(false);
    const thresholdValue = numberIn(threshold, 'threshold');
    const daysValue = numberIn(days, 'expiryDays');
    if (typeof thresholdValue !== 'number' || typeof daysValue !== 'number') {
      setError(typeof thresholdValue !== 'number' ? thresholdValue : (daysValue as ConfigError));
      return;
    }
    setError(null);
    void action.run('save', async () => {
      try {
        await saveKitConfig({ threshold: thresholdValue, expiryDays: daysValue });
        setSaved(true);
      } catch (caught) {
        setError(configErrorOf(caught));
      }
    });
  };
  const errorAt = (field: ConfigField): string | null => (error?.field === field ? error.message : null);
  const edited = (set: (value: string) => void, value: string): void => {
    set(value);
    setSaved(false);
    setError(null);
  };

  return (
    <details className="kit-settings" data-testid="kit-settings">
      <summary className="kit-settings__summary">Kit settings</summary>
      {config === null && configError !== null ? (
        <div className="notice notice--error" role="alert">
          <p>The kit settings could not be read: {configError}</p>
          <button type="button" className="button button--small" onClick={() => void loadConfig()}>
            Try again
          </button>
        </div>
      ) : (
        <form className="kit-settings__form" noValidate onSubmit={onSubmit}>
          <SetupField id="kit-threshold" label="Quality threshold" error={errorAt('threshold')} help="A question the reviewer scores under this (0 to 1) is refined, at most twice.">
            {(described) => (
              <input id="kit-threshold" className="input input--number" type="number" min={0} max={1} step={0.05} inputMode="decimal" value={threshold} data-testid="kit-threshold" onChange={(event) => edited(setThreshold, event.target.value)} {...described} />
            )}
          </SetupField>
          <SetupField id="kit-expiry" label="Keep kits for" error={errorAt('expiryDays')} help="Days after a kit’s last change; then it is deleted with its ratings and notes.">
            {(described) => (
              <div className="input-group">
                <input id="kit-expiry" className="input input--number" type="number" min={1} max={3650} inputMode="numeric" value={days} data-testid="kit-expiry" onChange={(event) => edited(setDays, event.target.value)} {...described} />
                <span className="input-group__unit">days</span>
              </div>
            )}
          </SetupField>
          <div className="button-row kit-settings__actions">
            <button type="submit" className="button button--small" disabled={action.running !== null || config === null} data-testid="kit-settings-save">
              {action.running !== null ? 'Saving…' : 'Save settings'}
            </button>
            <span className="footnote" role="status" data-testid="kit-settings-status">
              {saved ? 'Saved.' : ''}
            </span>
          </div>
        </form>
      )}
    </details>
  );
}
