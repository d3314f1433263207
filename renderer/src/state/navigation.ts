import { create } from 'zustand';

/** The pages of the app, in the order of the navigation and of the Ctrl/Cmd+1..8 shortcuts. */
export const pages = [
  { id: 'batch', label: 'Batch' },
  { id: 'interviews', label: 'Interviews' },
  { id: 'pricing', label: 'Pricing' },
  { id: 'skills', label: 'Skills' },
  { id: 'gpu', label: 'GPU' },
  { id: 'models', label: 'Models' },
  { id: 'metrics', label: 'Metrics' },
  { id: 'settings', label: 'Settings' },
] as const;

export type PageId = (typeof pages)[number]['id'];

export const defaultPage: PageId = 'batch';

export const hashOf = (page: PageId): string => `#/${page}`;

export const labelOf = (page: PageId): string => pages.find((entry) => entry.id === page)?.label ?? page;

/** `#/settings` → 'settings'; anything that is not a known page → null. */
export function pageFromHash(hash: string): PageId | null {
  const id = /^#\/([a-z-]+)\/?$/.exec(hash)?.[1];
  return pages.find((entry) => entry.id === id)?.id ?? null;
}

/** A hash that names a route (`#/…` or empty), as opposed to an in-page anchor such as `#main`. */
const isRouteHash = (hash: string): boolean => hash === '' || hash === '#' || hash.startsWith('#/');

interface NavigationState {
  page: PageId;
  /** Counts page changes after start-up, so the shell moves focus only when the analyst navigates. */
  changes: number;
  navigate: (page: PageId) => void;
}

export const useNavigation = create<NavigationState>((set, get) => ({
  page: pageFromHash(window.location.hash) ?? defaultPage,
  changes: 0,
  navigate: (page) => {
    if (window.location.hash !== hashOf(page)) window.location.hash = hashOf(page);
    if (get().page !== page) set((state) => ({ page, changes: state.changes + 1 }));
  },
}));

/**
 * Keeps the store and the address bar in step: back/forward and typed hashes move the page, and an
 * empty or unknown route is replaced by the page shown, so a reload lands on the same page.
 */
export function startHashSync(): () => void {
  const sync = (): void => {
    const { hash } = window.location;
    if (!isRouteHash(hash)) return;
    const page = pageFromHash(hash);
    if (page === null) {
      window.history.replaceState(null, '', hashOf(useNavigation.getState().page));
      return;
    }
    useNavigation.getState().navigate(page);
  };
  sync();
  window.addEventListener('hashchange', sync);
  return () => window.removeEventListener('hashchange', sync);
}
