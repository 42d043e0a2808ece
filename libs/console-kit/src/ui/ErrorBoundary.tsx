import { Component, type ReactNode } from 'react';
import { ErrorState } from './States';

/**
 * A page that throws while rendering shows what went wrong instead of unmounting the whole console
 * (React leaves a blank page otherwise). Keyed by path by its user, so navigating away resets it.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error?: unknown }> {
  override state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override render(): ReactNode {
    return this.state.error !== undefined ? <ErrorState error={this.state.error} /> : this.props.children;
  }
}
