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

/**
 * Where an element sits in the pane: the names of the tab panel and the sections around
 * it, outermost first, joined by " › " (e.g. "Workbook › Input tables"); "" outside them.
 */
export function placeOf(element: Element): string {
  const names: string[] = [];
  for (let at: Element | null = element; at !== null; at = at.parentElement) {
    if (at.matches('[role="tabpanel"], section[aria-labelledby]')) {
      const label = document.getElementById(at.getAttribute('aria-labelledby') ?? '');
      // A tab holds its name twice (the second copy only reserves the width of bold text).
      const name =
        label?.querySelector('.fui-Tab__content:not(.fui-Tab__content--reserved-space)') ?? label;
      names.unshift((name?.textContent ?? '?').replace(/\s+/g, ' ').trim());
    }
  }
  return names.join(' › ');
}

/**
 * Whether the results are dimmed under the stale note: the note that says `text`, and the
 * dimmed results that name it as their description.
 */
export function dimmedUnder(text: string): boolean {
  return [...document.querySelectorAll('[data-stale]')].some((dimmed) => {
    const note = document.getElementById(dimmed.getAttribute('aria-describedby') ?? '');
    return note !== null && note.contains(screen.getByText(text));
  });
}

/** The text that describes an element (its `aria-describedby` targets), spaces collapsed. */
export function descriptionOf(element: Element): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The fields inside an element (a group, a form): each one's label and value, in order. */
export function fieldsIn(element: Element): [string, string][] {
  return [...element.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].map(
    (field) => [
      field.getAttribute('aria-label') ?? field.labels?.[0]?.textContent ?? '?',
      field.type === 'checkbox' ? String(field.checked) : field.value,
    ],
  );
}
