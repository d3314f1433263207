import { Component, type ErrorInfo, type ReactNode } from 'react';
import { messageOf } from '../lib/errors';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** 'app' replaces the whole window; 'page' replaces only the page and keeps the navigation. */
  scope: 'app' | 'page';
}

interface ErrorBoundaryState {
  error: unknown;
  failed: boolean;
}

/** Shows what went wrong in words instead of a blank window. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Talent Workstation: the interface failed', error, info.componentStack);
  }

  private readonly retry = (): void => this.setState({ error: null, failed: false });

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { error } = this.state;
    const stack = error instanceof Error ? error.stack : undefined;
    const isApp = this.props.scope === 'app';
    return (
      <div className={isApp ? 'crash crash--app' : 'crash'} role="alert">
        <h1>{isApp ? 'Talent Workstation hit a problem' : 'This page hit a problem'}</h1>
        <p className="crash__message">{messageOf(error)}</p>
        <p>
          {isApp
            ? 'Your data is safe in the local database. Reloading the window usually clears this.'
            : 'The rest of the app still works. Try the page again, or pick another page.'}
        </p>
        <div className="button-row">
          {isApp ? (
            <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
              Reload the window
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={this.retry}>
              Try again
            </button>
          )}
        </div>
        {stack !== undefined && (
          <details className="crash__details">
            <summary>Technical details</summary>
            <pre>{stack}</pre>
          </details>
        )}
      </div>
    );
  }
}
