import { create } from 'zustand';
import type { Client } from '../../../../main/api/contract';
import type { InterviewSummary } from '../../../../main/interviews/schema';
import type { JobProgress } from '../../../../main/skills/schema-results';
import { ApiError, messageOf } from '../../lib/errors';
import { client } from '../../api/client';
import { loadPeople, openPerson } from './store';

export type ReasoningMode = 'auto' | 'template';

interface AssessState {
  /** Finished exit interviews (completed or ended), newest first. */
  interviews: InterviewSummary[] | null;
  interviewsError: string | null;
  chosen: string[];
  transcriptText: string;
  reasoning: ReasoningMode;
  busy: boolean;
  /** The error, with the field the core named when it named one. */
  error: { message: string; field: string | null } | null;
  job: JobProgress | null;
}

export const useAssess = create<AssessState>(() => ({ interviews: null, interviewsError: null, chosen: [], transcriptText: '', reasoning: 'auto', busy: false, error: null, job: null }));

export async function loadFinishedInterviews(api: Client = client): Promise<void> {
  try {
    const [completed, ended] = await Promise.all([api.call('interviews.list', { status: 'completed', limit: 200 }), api.call('interviews.list', { status: 'ended', limit: 200 })]);
    const interviews = [...completed.items, ...ended.items].filter((item) => item.answers > 0).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    useAssess.setState({ interviews, interviewsError: null });
  } catch (error) {
    useAssess.setState({ interviewsError: messageOf(error) });
  }
}

export function toggleInterview(id: string): void {
  useAssess.setState((state) => ({ chosen: state.chosen.includes(id) ? state.chosen.filter((entry) => entry !== id) : [...state.chosen, id] }));
}

/** The pasted transcript, parsed; null when the box is empty. Throws a message for JSON that does not parse. */
function pastedTranscript(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError('invalid_input', `The transcript is not valid JSON: ${messageOf(error)}`, 'transcript');
  }
}

const errorOf = (error: unknown) => ({ message: messageOf(error), field: error instanceof ApiError ? (error.field ?? null) : null });

/** One source → skills.infer and the person is shown; several → a job whose progress arrives as skills.progress. */
export async function assess(api: Client = client): Promise<void> {
  const { chosen, transcriptText, reasoning, busy } = useAssess.getState();
  if (busy) return;
  useAssess.setState({ busy: true, error: null });
  try {
    const transcript = pastedTranscript(transcriptText);
    const sources = chosen.length + (transcript === null ? 0 : 1);
    if (sources === 0) throw new ApiError('invalid_input', 'Choose an exit interview or paste a transcript first');
    if (sources === 1) {
      const input = transcript === null ? { interviewId: chosen[0]!, reasoning } : { transcript: transcript as never, reasoning };
      const assessment = await api.call('skills.infer', input);
      useAssess.setState({ chosen: [] });
      void loadPeople(api);
      await openPerson(assessment.person.id, assessment.id, api);
      return;
    }
    const job = await api.call('skills.inferMany', { interviewIds: chosen, transcripts: transcript === null ? [] : [transcript as never], reasoning });
    useAssess.setState((state) => ({ job: state.job?.jobId === job.jobId && state.job.done > job.done ? state.job : job, chosen: [] }));
    void followJob(job.jobId, api);
  } catch (error) {
    useAssess.setState({ error: errorOf(error) });
  } finally {
    useAssess.setState({ busy: false });
  }
}

const finished = (progress: JobProgress): boolean => progress.status !== 'running';

/** Takes one progress report for the job shown; an old job's report is ignored. */
export function takeProgress(progress: JobProgress): void {
  const { job } = useAssess.getState();
  if (job === null || job.jobId !== progress.jobId || (finished(job) && !finished(progress))) return;
  useAssess.setState({ job: progress });
  if (finished(progress) && !finished(job)) void loadPeople();
}

/** Events carry the progress; a slow poll makes sure the end is seen even if the event stream dropped one. */
async function followJob(jobId: string, api: Client): Promise<void> {
  while (useAssess.getState().job?.jobId === jobId && !finished(useAssess.getState().job!)) {
    await new Promise((resolve) => window.setTimeout(resolve, 1000));
    try {
      takeProgress((await api.call('skills.job', { jobId })).progress);
    } catch {
      // The next event or poll tries again.
    }
  }
}

export async function cancelJob(api: Client = client): Promise<void> {
  const { job } = useAssess.getState();
  if (job === null || finished(job)) return;
  try {
    takeProgress(await api.call('skills.cancelJob', { jobId: job.jobId }));
  } catch (error) {
    useAssess.setState({ error: errorOf(error) });
  }
}

export function startSkillsFeed(api: Client = client): () => void {
  return api.on('skills.progress', takeProgress);
}
