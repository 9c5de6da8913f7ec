/**
 * What the pane says, as whole texts, for assertions that pin a message rather than only
 * find it (`expect(getByText(…)).toBeTruthy()` can never fail: getByText throws first).
 */
import { screen } from '@testing-library/react';

/** The whole of the message whose title is `title`: title and body, spaces collapsed. */
export async function messageText(title: string): Promise<string> {
  const heading = await screen.findByText(title);
  const body = heading.parentElement;
  if (body === null) throw new Error(`the message "${title}" has no body`);
  // The message's own buttons (Dismiss) are not part of what it says.
  const copy = body.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('button').forEach((b) => b.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The text of the paragraph that holds `start` at its beginning, spaces collapsed. */
export async function paragraphText(start: string | RegExp): Promise<string> {
  const found = await screen.findByText((_, element) => {
    if (element?.tagName !== 'P') return false;
    const text = element.textContent ?? '';
    return typeof start === 'string' ? text.startsWith(start) : start.test(text);
  });
  return (found.textContent ?? '').replace(/\s+/g, ' ').trim();
}
