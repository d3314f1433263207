import { useEffect, useId, useRef, useState } from 'react';
import type { Contract } from '../../../../main/api/contract';
import type { OutputOf } from '../../../../main/api/define';
import { UsageBar } from '../../components/UsageBar';
import { client } from '../../api/client';
import { messageOf } from '../../lib/errors';
import { formatInteger } from '../../lib/format';
import { errorKindLabel } from '../metrics/format';
import { answerOf, messagesOf, modelOf, readable, type Evaluation } from './answer';
import { formatLatency, recommendationLabel, stateLabels, stateTones } from './format';

type Item = OutputOf<Contract['batch.item']>;

const scoreNames = [
  ['education', 'Education'],
  ['company', 'Company'],
  ['trajectory', 'Trajectory'],
  ['overall', 'Overall'],
] as const;

const roleLabels: Record<string, string> = { system: 'System', user: 'User', assistant: 'Assistant', input: 'Input' };

function EvaluationView({ evaluation, raw }: { evaluation: Evaluation; raw: string }) {
  return (
    <>
      <div className="score-grid">
        {scoreNames.map(([key, label]) => {
          const score = evaluation[key];
          return (
            <div key={key} className="score" data-score={key} data-value={score ?? ''}>
              <span className="score__label">{label}</span>
              <span className="score__value">{score === null ? '—' : `${formatInteger(score)} / 10`}</span>
              {score !== null && <UsageBar used={score} total={10} size="large" label={`${label} score`} valueText={`${score} of 10`} />}
            </div>
          );
        })}
      </div>
      {evaluation.recommendation !== null && (
        <p className="item-recommendation">
          Recommendation:{' '}
          <span className="badge" data-tone={evaluation.recommendation === 'no' ? 'idle' : evaluation.recommendation === 'maybe' ? 'warn' : 'good'} data-testid="batch-item-recommendation">
            {recommendationLabel(evaluation.recommendation)}
          </span>
        </p>
      )}
      <div className="item-block">
        <h4 className="item-block__title">Rationale</h4>
        <p data-testid="batch-item-rationale">{evaluation.rationale ?? <span className="muted">The answer gives none.</span>}</p>
      </div>
      <div className="item-block">
        <h4 className="item-block__title">Evidence</h4>
        {evaluation.evidence.length === 0 ? (
          <p className="muted">The answer quotes none.</p>
        ) : (
          <ul className="evidence-list" data-testid="batch-item-evidence">
            {evaluation.evidence.map((entry, index) => (
              <li key={index}>{entry}</li>
            ))}
          </ul>
        )}
      </div>
      <details className="item-raw">
        <summary>The answer as the model wrote it</summary>
        <pre className="code-block">{raw}</pre>
      </details>
    </>
  );
}

function AnswerView({ item }: { item: Item }) {
  const answer = answerOf(item.response);
  switch (answer.kind) {
    case 'evaluation':
      return <EvaluationView evaluation={answer.evaluation} raw={answer.raw} />;
    case 'text':
      return <pre className="code-block code-block--text">{answer.text === '' ? '(empty answer)' : answer.text}</pre>;
    case 'json':
      return <pre className="code-block">{answer.json}</pre>;
    case 'none':
      return <p className="muted">{item.state === 'failed' ? 'No answer: every attempt failed.' : item.state === 'running' ? 'Being evaluated now…' : 'Not evaluated yet.'}</p>;
  }
}

function PromptView({ item }: { item: Item }) {
  const messages = messagesOf(item.request);
  const model = modelOf(item.request);
  return (
    <>
      {model !== null && (
        <p className="muted">
          Sent to <span className="mono">{model}</span>
        </p>
      )}
      {messages.length === 0 ? (
        <pre className="code-block">{JSON.stringify(item.request, null, 2)}</pre>
      ) : (
        <ul className="message-list">
          {messages.map((message, index) => (
            <li key={index}>
              {/* The system prompt is the same for every item: folded, so the profile is what shows. */}
              <details open={message.role !== 'system'}>
                <summary>
                  {roleLabels[message.role] ?? message.role} <span className="muted">· {formatInteger(message.content.length)} characters</span>
                </summary>
                <pre className="code-block code-block--text">{readable(message.content)}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface ItemDetailProps {
  batchId: string;
  /** The item shown; null closes the panel. */
  seq: number | null;
  onClose: () => void;
}

/**
 * One item in a side panel: its answer (the evaluation's scores, rationale and evidence, or the
 * raw text or JSON of an OpenAI batch answer) and the prompt sent. A modal <dialog>: Escape or a
 * click beside it closes it, and focus goes back to the row it was opened from.
 */
export function ItemDetail({ batchId, seq, onClose }: ItemDetailProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [item, setItem] = useState<Item | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (seq !== null && !dialog.open) dialog.showModal();
    if (seq === null && dialog.open) dialog.close();
  }, [seq]);

  useEffect(() => {
    setItem(null);
    setError(null);
    if (seq === null) return;
    let active = true;
    client
      .call('batch.item', { id: batchId, seq })
      .then((answer) => active && setItem(answer))
      .catch((reason: unknown) => active && setError(messageOf(reason)));
    return () => {
      active = false;
    };
  }, [batchId, seq]);

  return (
    <dialog
      ref={ref}
      className="dialog dialog--sheet"
      aria-labelledby={titleId}
      data-testid="batch-item-detail"
      data-seq={seq ?? ''}
      data-state={item?.state ?? ''}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="sheet">
        <div className="sheet__head">
          <h2 id={titleId} className="dialog__title">
            {item === null ? (seq === null ? 'Item' : `Item ${seq + 1}`) : item.customId}
          </h2>
          <button type="button" className="button button--small" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="sheet__body">
          {error !== null && (
            <p className="inline-error" role="alert">
              The item could not be read: {error}
            </p>
          )}
          {item === null && error === null && <p className="muted">Reading the item…</p>}
          {item !== null && (
            <>
              <dl className="facts">
                <div>
                  <dt>State</dt>
                  <dd>
                    <span className="badge" data-tone={stateTones[item.state]}>
                      {stateLabels[item.state]}
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>Item</dt>
                  <dd>
                    #{formatInteger(item.seq + 1)} · line {formatInteger(item.sourceLine)}
                  </dd>
                </div>
                <div>
                  <dt>Attempts</dt>
                  <dd>{formatInteger(item.attempts)}</dd>
                </div>
                <div>
                  <dt>Tokens</dt>
                  <dd>{item.tokensIn === null ? '—' : `${formatInteger(item.tokensIn)} in · ${formatInteger(item.tokensOut ?? 0)} out`}</dd>
                </div>
                <div>
                  <dt>Latency</dt>
                  <dd>{formatLatency(item.latencyMs)}</dd>
                </div>
              </dl>
              {item.lastError !== null && (
                <p className={item.state === 'failed' ? 'notice notice--error' : 'notice notice--warn'}>
                  {item.state === 'failed' ? 'Failed' : 'Last attempt failed'}
                  {item.errorKind !== null && ` (${errorKindLabel(item.errorKind)})`}: {item.lastError}
                </p>
              )}
              <section className="item-section" aria-labelledby={`${titleId}-answer`}>
                <h3 id={`${titleId}-answer`} className="monitor-section__title">
                  Answer
                </h3>
                <AnswerView item={item} />
              </section>
              <section className="item-section" aria-labelledby={`${titleId}-prompt`}>
                <h3 id={`${titleId}-prompt`} className="monitor-section__title">
                  Prompt
                </h3>
                <PromptView item={item} />
              </section>
            </>
          )}
        </div>
      </div>
    </dialog>
  );
}
