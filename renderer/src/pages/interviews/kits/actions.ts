import type { Client } from '../../../../../main/api/contract';
import type { DocumentInput } from '../../../../../main/interviews/kits/documents/input';
import type { KitConfig, KitExportFormat, KitLanguage } from '../../../../../main/interviews/kits/schema';
import { client } from '../../../api/client';
import { downloadReport } from '../files';
import { loadKits, putQuestion, showKit, useKits } from './store';

/** What the kit's buttons do; each throws the core's error for the button's own message. */

export interface NewKitInput {
  title?: string;
  language: KitLanguage;
  cv: DocumentInput;
  jd: DocumentInput;
}

/** Saves the kit and shows it at once; the gaps and questions follow as kits.progress says. */
export async function createKit(input: NewKitInput, api: Client = client): Promise<void> {
  showKit(await api.call('kits.create', { ...input, wait: false }), api);
}

export async function cancelKit(id: string, api: Client = client): Promise<void> {
  showKit(await api.call('kits.cancel', { id }), api);
}

export async function resumeKit(id: string, api: Client = client): Promise<void> {
  showKit(await api.call('kits.resume', { id, wait: false }), api);
}

/** Resolves once the question is written again (its drafts and reviews), which takes a while. */
export async function regenerateQuestion(id: string, seq: number, api: Client = client): Promise<void> {
  const detail = await api.call('kits.regenerateQuestion', { id, seq });
  if (useKits.getState().selectedId === id) showKit(detail, api);
}

export async function rateQuestion(id: string, seq: number, change: { rating?: number | null; notes?: string }, by: string, api: Client = client): Promise<void> {
  putQuestion(id, await api.call('kits.rate', { id, seq, ...change, by }));
  // The list counts rated questions, and the kit's expiry moves with every change.
  void loadKits(api);
}

export async function exportKit(id: string, format: KitExportFormat, api: Client = client): Promise<void> {
  downloadReport(await api.call('kits.export', { id, format }));
}

export async function deleteKit(id: string, api: Client = client): Promise<void> {
  await api.call('kits.delete', { id });
  useKits.setState({ selectedId: null, detail: null });
  await loadKits(api);
}

export async function saveKitConfig(patch: Partial<Pick<KitConfig, 'threshold' | 'expiryDays'>>, api: Client = client): Promise<void> {
  useKits.setState({ config: await api.call('kits.setConfig', patch) });
  // A shorter keep may have expired kits, and every kit's date has moved.
  await loadKits(api);
}
