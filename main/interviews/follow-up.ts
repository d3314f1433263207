import { areaConversation } from './conversation';
import { usableModel, type InterviewLlm } from './llm';
import { fillPrompt, loadInterviewPrompt } from './prompts';
import type { GuideArea, Turn } from './schema';

export interface WrittenFollowUp {
  text: string;
  model: string;
  template: { id: string; version: string };
  llmCallId: number | null;
}

/** One question, cleaned of what models add around it (quotes, "Follow-up:", a second line). */
export function cleanQuestion(raw: string): string | null {
  const line = raw
    .trim()
    .split(/\n+/)
    .map((part) => part.trim())
    .find((part) => /[A-Za-zÀ-ÿ]/.test(part));
  if (line === undefined) return null;
  let text = line.replace(/^(follow[- ]?up( question)?|question|interviewer)\s*:\s*/i, '').replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
  if (text.length > 300) text = `${text.slice(0, 297).replace(/\s+\S*$/, '')}…`;
  if (text.split(/\s+/).length < 3) return null;
  return /[?？]$/.test(text) ? text : `${text.replace(/[.!…]+$/, '')}?`;
}

/**
 * Asks the interviews model for one follow-up, streaming its words to `onToken`. Returns null
 * when the model cannot be used or fails in any way: the caller then uses the scripted probe, and
 * the employee sees no error.
 */
export async function writeFollowUp(
  llm: InterviewLlm | undefined,
  area: GuideArea,
  turns: readonly Turn[],
  onToken: (token: string, reset: boolean) => void,
  log?: (message: string) => void,
): Promise<WrittenFollowUp | null> {
  const model = await usableModel(llm);
  if (llm === undefined || model === null) return null;
  const prompt = loadInterviewPrompt('exit-follow-up.v1');
  try {
    const answer = await llm.client.chat({
      feature: 'interviews',
      model,
      template: { id: prompt.id, version: prompt.version },
      messages: [
        // The system prompt is the same bytes every turn, so Ollama reuses its cached prefix.
        { role: 'system', content: prompt.system },
        { role: 'user', content: fillPrompt(prompt.user, { area: area.title, conversation: areaConversation(turns, area.id) }) },
      ],
      options: { temperature: 0.4, num_predict: 80 },
      trim: 'truncate-middle',
      signal: AbortSignal.timeout(llm.followUpTimeoutMs ?? 30_000),
      onToken: (token) => onToken(token, false),
      onRetry: (notice) => {
        if (notice.discardDelivered) onToken('', true);
      },
    });
    const text = cleanQuestion(answer.text);
    if (text === null) {
      log?.(`The interviews model gave no usable follow-up (${JSON.stringify(answer.text.slice(0, 80))}); the guide's probe is used`);
      return null;
    }
    return { text, model, template: { id: prompt.id, version: prompt.version }, llmCallId: answer.callId };
  } catch (error) {
    onToken('', true);
    log?.(`Follow-up from the guide: the model could not write one (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
}
