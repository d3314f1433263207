/** macOS uses Cmd where other systems use Ctrl; the shortcuts accept either, the hints show the local one. */
export const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

export const modifierLabel = isMac ? '⌘' : 'Ctrl+';

/** For aria-keyshortcuts, which names keys the way the platform does. */
export const modifierKeyName = isMac ? 'Meta' : 'Control';

/** Ctrl or Cmd held, and no other modifier that would make it a different shortcut. */
export const isModifierOnly = (event: KeyboardEvent): boolean =>
  (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
