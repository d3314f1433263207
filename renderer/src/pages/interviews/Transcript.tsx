import type { Analysis, InterviewDetail, Turn } from '../../../../main/interviews/schema';
import { AiLabel, useCorrection } from './AiLabel';
import { sentimentOptions } from './AnalysisLabels';
import { formatScore, reasonTitle, sentimentText, sentimentTitles } from './format';
import { ChoiceCorrection } from './LabelEditors';

const kindTitles: Record<Turn['kind'], string> = { opening: 'Opening', question: 'Question', 'follow-up': 'Follow-up', closing: 'Closing', answer: 'Answer' };

/** Who wrote an interviewer turn: the guide's own words, or the local model. */
function sourceText(turn: Turn): string | null {
  if (turn.source === 'script') return 'from the guide';
  if (turn.source === 'llm') return `written by ${turn.model ?? 'the local model'}${turn.template === null ? '' : ` (${turn.template.id} v${turn.template.version})`}`;
  return null;
}

/** How the answer was typed: time taken and how often it was cut back. */
function typingText(turn: Turn): string | null {
  if (turn.typingMs === null) return null;
  const seconds = Math.max(1, Math.round(turn.typingMs / 1000));
  const time = seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
  const revisions = turn.revisions === null ? '' : `, ${turn.revisions} ${turn.revisions === 1 ? 'revision' : 'revisions'}`;
  return `typed in ${time}${revisions}`;
}

function AnswerSentiment({ analysis, seq }: { analysis: Analysis; seq: number }) {
  const correction = useCorrection(analysis.interviewId, `answer:${seq}`);
  const label = analysis.answers.find((answer) => answer.seq === seq)?.sentiment;
  if (label === undefined) return null;
  return (
    <AiLabel
      compact
      testId="answer-sentiment"
      title="Sentiment"
      shown={
        <span className="sentiment" data-label={label.value.label}>
          {sentimentTitles[label.value.label]} <span className="sentiment__score">{formatScore(label.value.score)}</span>
        </span>
      }
      raw={label.value.label}
      suggested={sentimentText(label.suggested)}
      label={label}
      analysis={analysis}
      correction={correction}
    >
      <ChoiceCorrection subject={`sentiment of answer ${seq}`} current={label.value.label} options={sentimentOptions} correction={correction} />
    </AiLabel>
  );
}

function TranscriptTurn({ turn, analysis }: { turn: Turn; analysis: Analysis | null }) {
  const source = sourceText(turn);
  const typing = typingText(turn);
  const employee = turn.role === 'employee';
  return (
    <li className="transcript-turn" data-testid="transcript-turn" data-role={turn.role} data-source={turn.source} data-kind={turn.kind} data-seq={turn.seq}>
      <div className="transcript-turn__main">
        <p className="transcript-turn__who">
          <span className="transcript-turn__speaker">{employee ? 'Employee' : 'Interviewer'}</span>
          <span className="transcript-turn__meta">
            {kindTitles[turn.kind]}
            {turn.area !== null && !employee ? ` · ${reasonTitle(turn.area)}` : ''}
            {source !== null && <span data-testid="turn-source"> · {source}</span>}
            {typing !== null && ` · ${typing}`}
          </span>
        </p>
        <p className="transcript-turn__text">{turn.text}</p>
      </div>
      {employee && analysis !== null && (
        <div className="transcript-turn__side">
          <AnswerSentiment analysis={analysis} seq={turn.seq} />
        </div>
      )}
    </li>
  );
}

/** Every turn of the conversation, who wrote it and how; each answer with its sentiment beside it. */
export function Transcript({ detail }: { detail: InterviewDetail }) {
  return (
    <section className="card" aria-labelledby="transcript-title" data-testid="interview-transcript">
      <h3 id="transcript-title" className="card__title">
        Transcript
      </h3>
      {detail.turns.length === 0 ? (
        <p className="muted">Nothing said yet: hand the workstation over to the employee to begin.</p>
      ) : (
        <ol className="transcript">
          {detail.turns.map((turn) => (
            <TranscriptTurn key={turn.seq} turn={turn} analysis={detail.analysis} />
          ))}
        </ol>
      )}
      {detail.draft.trim() !== '' && <p className="footnote">The employee has an unsent answer in progress; it is kept until they send it.</p>}
    </section>
  );
}
