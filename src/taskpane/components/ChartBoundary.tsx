import { Component, type ReactNode } from 'react';

/**
 * Keeps a chart that cannot load or draw (its chunk not fetched, offline; a host without
 * SVG) from taking the results with it: the figure says so, and its table stays.
 */
export class ChartBoundary extends Component<
  { readonly fallback: ReactNode; readonly children: ReactNode },
  { readonly failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
