import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentInput } from '../../../../../main/interviews/kits/documents/input';
import { sourceForFile, type FileSource, type UploadProgress } from '../../../api/upload';
import { messageOf } from '../../../lib/errors';

/** A file chosen or dropped for a document: uploaded at once in a browser, so the wait is over by Create. */
export interface ChosenFile {
  name: string;
  size: number;
  /** Bytes sent so far; null in the Electron window, where the core reads the file where it lies. */
  upload: UploadProgress | null;
  source: FileSource | null;
  error: string | null;
}

export interface DocumentDraft {
  text: string;
  file: ChosenFile | null;
  setText: (text: string) => void;
  choose: (file: File) => void;
  clearFile: () => void;
  /** The contract's document input: the text, or the file's source with its name. */
  input: () => Promise<DocumentInput>;
}

/** Best effort: a failure leaves a file that GET /v1/files still lists. */
function forgetUpload(source: FileSource | null): void {
  if (source === null || !('fileId' in source)) return;
  void fetch(`/v1/files/${encodeURIComponent(source.fileId)}`, { method: 'DELETE', credentials: 'same-origin' }).catch(() => undefined);
}

export function useDocumentDraft(): DocumentDraft {
  const [text, setText] = useState('');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const pending = useRef<{ controller: AbortController; done: Promise<FileSource> } | null>(null);
  const source = useRef<FileSource | null>(null);

  const drop = useCallback(() => {
    pending.current?.controller.abort();
    pending.current = null;
    forgetUpload(source.current);
    source.current = null;
  }, []);
  // Gone with the form (the kit was made, or the interviewer left): the kit holds the text by then,
  // and a CV should not linger in the upload store.
  useEffect(() => drop, [drop]);

  const choose = useCallback(
    (chosen: File) => {
      drop();
      const controller = new AbortController();
      const update = (change: Partial<ChosenFile>): void => setFile((before) => (before !== null && pending.current?.controller === controller ? { ...before, ...change } : before));
      const done = sourceForFile(chosen, { signal: controller.signal, onProgress: (upload) => update({ upload }) });
      pending.current = { controller, done };
      setFile({ name: chosen.name, size: chosen.size, upload: null, source: null, error: null });
      done.then(
        (answer) => {
          if (pending.current?.controller !== controller) return forgetUpload(answer);
          source.current = answer;
          update({ source: answer });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) update({ error: messageOf(error) });
        },
      );
    },
    [drop],
  );

  const clearFile = useCallback(() => {
    drop();
    setFile(null);
  }, [drop]);

  const input = useCallback(async (): Promise<DocumentInput> => {
    if (file === null || pending.current === null) return { text };
    return { ...(await pending.current.done), fileName: file.name };
  }, [file, text]);

  return { text, file, setText, choose, clearFile, input };
}
