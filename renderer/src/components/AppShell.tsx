import { useEffect, useRef, type MouseEvent, type ReactNode, type RefObject } from 'react';
import { labelOf, useNavigation } from '../state/navigation';
import { ErrorBoundary } from './ErrorBoundary';
import { SideNav } from './SideNav';
import { StatusBar } from './StatusBar';

/** After the analyst changes page, focus goes to its heading, as it would after a page load. */
function useFocusOnNavigate(main: RefObject<HTMLElement | null>): void {
  const page = useNavigation((state) => state.page);
  const changes = useNavigation((state) => state.changes);
  useEffect(() => {
    document.title = `${labelOf(page)} · Talent Workstation`;
    if (changes === 0) return;
    main.current?.scrollTo({ top: 0 });
    main.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }, [page, changes, main]);
}

export function AppShell({ children }: { children: ReactNode }) {
  const main = useRef<HTMLElement>(null);
  const page = useNavigation((state) => state.page);
  useFocusOnNavigate(main);

  // The routes live in the hash, so the skip link must not rewrite it: it moves focus instead.
  const skipToContent = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    main.current?.focus();
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <SideNav />
      <main id="main" className="main" ref={main} tabIndex={-1} data-page={page}>
        <ErrorBoundary scope="page" key={page}>
          {children}
        </ErrorBoundary>
      </main>
      <StatusBar />
    </div>
  );
}
