import type { FeatureModel, PullProgress } from '../../../../main/engine/models/schema';
import { formatPercent } from '../../lib/format';
import { hashOf } from '../../state/navigation';
import { featureLabels, featureUses, sameModel } from './describe';
import { shareDone } from './pulls';
import { loadFeatures, pullModel, useModels } from './store';
import { useAction } from './useAction';

function runningPullOf(model: string, pulls: Readonly<Record<string, PullProgress>>): PullProgress | undefined {
  return Object.values(pulls).find((pull) => pull.state === 'running' && sameModel(pull.model, model));
}

function Availability({ entry }: { entry: FeatureModel }) {
  const pulls = useModels((state) => state.pulls);
  const action = useAction<'pull'>();
  if (entry.installed) {
    return (
      <span className="availability" data-tone="good">
        <span className="status-dot" data-tone="good" aria-hidden="true" /> Installed
      </span>
    );
  }
  const pulling = runningPullOf(entry.model, pulls);
  if (pulling !== undefined) {
    const share = shareDone(pulling);
    return <span className="availability">Pulling{share === null ? '…' : ` · ${formatPercent(share)}`}</span>;
  }
  return (
    <span className="availability">
      <span className="visually-hidden">Not installed. </span>
      <button type="button" className="button button--small button--primary" disabled={action.running !== null} onClick={() => void action.run('pull', () => pullModel(entry.model))}>
        {action.running === null ? `Pull ${entry.model}` : 'Starting…'}
      </button>
      {action.error !== null && (
        <span className="inline-error" role="alert">
          {action.error}
        </span>
      )}
    </span>
  );
}

/** Which model each feature calls, whether it is here, and a way to get it when it is not. */
export function FeatureModels() {
  const features = useModels((state) => state.features);
  const loadError = useModels((state) => state.featuresError);
  return (
    <section className="card" aria-labelledby="feature-models-title" data-testid="feature-models">
      <h2 id="feature-models-title" className="card__title">Models for each feature</h2>
      <p className="card__lead">
        The model each feature calls. A feature whose model is missing uses its non-LLM fallback. <a href={hashOf('settings')}>Change them in Settings</a>.
      </p>
      {features === null ? (
        loadError === null ? (
          <p className="muted">Reading the feature models…</p>
        ) : (
          <div className="notice notice--error" role="alert">
            <p>The feature models could not be read: {loadError}</p>
            <button type="button" className="button" onClick={() => void loadFeatures()}>
              Try again
            </button>
          </div>
        )
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col">Model</th>
                <th scope="col">On this computer</th>
              </tr>
            </thead>
            <tbody>
              {features.map((entry) => (
                <tr key={entry.feature} data-testid="feature-model" data-feature={entry.feature} data-installed={entry.installed}>
                  <th scope="row">
                    <span className="feature-name">{featureLabels[entry.feature]}</span>
                    <span className="feature-use">{featureUses[entry.feature]}</span>
                  </th>
                  <td className="mono">{entry.model}</td>
                  <td>
                    <Availability entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {features !== null && loadError !== null && <p className="inline-error">Could not refresh: {loadError}</p>}
    </section>
  );
}
