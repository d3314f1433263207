import { useEffect } from 'react';
import { isModifierOnly } from '../lib/platform';
import { pages, useNavigation } from '../state/navigation';

/** Ctrl/Cmd+1..8 open the pages in navigation order. */
export function usePageShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isModifierOnly(event)) return;
      // event.code keeps the shortcut on the digit keys of layouts where they type other characters.
      const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : Number(/^Digit([1-9])$/.exec(event.code)?.[1] ?? 0);
      const page = pages[digit - 1];
      if (page === undefined) return;
      event.preventDefault();
      useNavigation.getState().navigate(page.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
