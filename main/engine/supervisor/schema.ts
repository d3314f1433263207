import { z } from 'zod';

export const supervisorModes = [
  'checking', // looking for a server or a binary
  'attached', // a server was already answering: used, never stopped by the app
  'starting', // `ollama serve` started by the app, waiting for it to answer
  'managed', // started by the app and answering
  'restarting', // it died; the next start is scheduled
  'missing', // nothing answers and no binary was found
  'remote-unreachable', // a remote OLLAMA_HOST does not answer; the app cannot start it there
  'failed', // it kept dying: restarts gave up
  'stopped', // the app is quitting, or the analyst stopped it
] as const;

export const supervisorStateSchema = z.object({
  mode: z.enum(supervisorModes),
  host: z.string(),
  binary: z.string().nullable(),
  pid: z.number().int().nullable(),
  restarts: z.number().int(),
  /** A sentence a person can act on, when something is wrong or needs doing. */
  message: z.string().nullable(),
  logFile: z.string().nullable(),
  /** Ollama variables whose setting changed since the server started; a restart applies them. */
  restartNeeded: z.array(z.string()),
  /** Only a server the app started can be restarted by it. */
  canRestart: z.boolean(),
});
export type SupervisorState = z.output<typeof supervisorStateSchema>;
