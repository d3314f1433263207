import { useEffect, useState } from 'react';

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Files dragged anywhere over the window while the page using this is shown: reports whether a
 * drag is under way (for the full-window overlay) and hands over the first file dropped, with how
 * many others were dropped with it. Drops of anything else (text, links) are left alone.
 */
export function useWindowDrop(onDrop: (file: File, others: number) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; the drag has left the window when they balance.
    let depth = 0;
    const onEnter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const onOver = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the file in place of the app.
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDropEvent = (event: DragEvent): void => {
      depth = 0;
      setDragging(false);
      const files = event.dataTransfer?.files;
      if (files === undefined || files.length === 0) return;
      event.preventDefault();
      onDrop(files[0]!, files.length - 1);
    };
    const onEnd = (): void => {
      depth = 0;
      setDragging(false);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDropEvent);
    window.addEventListener('dragend', onEnd);
    window.addEventListener('blur', onEnd);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDropEvent);
      window.removeEventListener('dragend', onEnd);
      window.removeEventListener('blur', onEnd);
    };
  }, [onDrop]);
  return dragging;
}
