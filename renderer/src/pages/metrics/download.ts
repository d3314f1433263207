/**
 * Hands text to the browser as a file download: a Blob behind a temporary <a download>. Works the
 * same in the Electron window and in a browser on `serve`.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: revoking at once can cancel the download before it starts.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
