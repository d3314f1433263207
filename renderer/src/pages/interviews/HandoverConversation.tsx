import { useEffect, useRef } from 'react';
import type { InterviewDetail, Turn } from '../../../../main/interviews/schema';
import { client } from '../../api/client';
import { AnswerBox } from './AnswerBox';
import { receiveToken, useHandover } from './handover';

function Bubble({ turn }: { turn: Turn }) {
  return (
    <li className="bubble" data-testid="handover-turn" data-role={turn.role} data-kind={turn.kind} data-source={turn.source}>
      <span className="visually-hidden">{turn.role === 'employee' ? 'You said: ' : 'Interviewer: '}</span>
      {turn.text}
    </li>
  );
}

/** The next question arriving: the model's words as they come, or a quiet "…" until they do. */
function Writing({ streamed }: { streamed: string }) {
  return (
    <li className="bubble bubble--writing" data-role="interviewer" data-testid="handover-writing">
      {streamed !== '' && (
        <span aria-hidden="true" data-testid="handover-streamed">
          {streamed}
        </span>
      )}
      <span className="writing-dots" role="status">
        <span aria-hidden="true">…</span>
        <span className="visually-hidden">The next question is being written</span>
      </span>
    </li>
  );
}

/** The conversation so far as chat bubbles, the next question as it is written, and the answer box. */
export function HandoverConversation({ detail }: { detail: InterviewDetail }) {
  const sending = useHandover((state) => state.sending);
  const streamed = useHandover((state) => state.streamed);
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => client.on('interviews.token', receiveToken), []);
  // The newest words stay in view, as in any chat.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [detail.turns.length, sending, streamed]);

  return (
    <div className="handover__conversation">
      <div className="handover__scroll">
        <ol className="handover__log" role="log" aria-label="The conversation so far" data-testid="handover-log">
          {detail.turns.map((turn) => (
            <Bubble key={turn.seq} turn={turn} />
          ))}
          {sending !== null && (
            <li className="bubble" data-role="employee" data-testid="handover-sending">
              <span className="visually-hidden">You said: </span>
              {sending}
            </li>
          )}
          {sending !== null && <Writing streamed={streamed} />}
        </ol>
        <div ref={end} />
      </div>
      <AnswerBox />
    </div>
  );
}
