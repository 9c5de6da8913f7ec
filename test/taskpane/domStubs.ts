import { configure } from '@testing-library/react';

/**
 * What jsdom lacks and Fluent UI v9 uses: ResizeObserver, matchMedia and scrollIntoView.
 * Import first in every component test (with the jsdom environment docblock).
 */
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== 'undefined') {
  const w = window as unknown as Record<string, unknown>;
  w.ResizeObserver ??= ResizeObserverStub;
  w.matchMedia ??= (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
  Element.prototype.scrollIntoView ??= function scrollIntoView(): void {};
}

// Role queries skip the visibility check: jsdom's getComputedStyle over Fluent's many
// CSS rules makes it seconds per query. The browser tests check what is really visible.
configure({ defaultHidden: true });

// Fluent renders are heavy in jsdom, and the machine may be shared: generous timeouts.
jest.setTimeout(60_000);
