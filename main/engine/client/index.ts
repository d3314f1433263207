// The LLM client: every feature calls the model through createLlmClient. See client.ts.
export { createLlmClient, type LlmClient } from './client';
export {
  CallCancelledError, CircuitOpenError, ContextOverflowError, EngineBusyError, EngineError, EngineOutOfMemoryError,
  EngineUnavailableError, LlmError, ModelNotFoundError, StreamCutError, StructuredOutputError, isOutOfMemoryMessage,
  type LlmErrorKind,
} from './errors';
export {
  charsPerToken, defaultOutputReserve, estimateMessagesTokens, estimatePromptTokens, estimateTextTokens, promptBudget,
} from './context-budget';
export { deleteCallsOlderThan, readCalls } from './recorder';
export { systemClock } from './clock';
export type * from './types';
