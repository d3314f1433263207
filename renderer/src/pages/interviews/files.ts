import type { ReportFile } from '../../../../main/interviews/schema';
import { downloadText } from '../metrics/download';

/** Base64 (how PDFs cross the contract) back to the file's bytes. */
export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Hands a report the core wrote (HTML, CSV as text; PDF as base64) to the browser as a download. */
export function downloadReport(file: ReportFile): void {
  if (file.encoding === 'utf8') {
    downloadText(file.fileName, file.content, file.mime);
    return;
  }
  const url = URL.createObjectURL(new Blob([bytesOf(file.content)], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: revoking at once can cancel the download before it starts.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
