/** How the pane names and describes each mechanism: its descriptor's title and summary. */
import type { Mechanism } from '../workbook/mechanism';
import { MECHANISM_LIST, type MechanismId } from '../workbook/mechanisms/index';

/** One mechanism as the picker offers it. */
export interface CatalogEntry {
  /** Its one id, the registry's (the CLI's name, the key saved in workbooks), e.g. "gainshare". */
  readonly id: string;
  readonly title: string;
  /** One sentence for the picker: what it calculates. */
  readonly summary: string;
}

/**
 * The picker's entries, in the registry's order.
 *
 * @param mechanisms - the registered mechanisms (a test adds its own).
 */
export function mechanismCatalog(mechanisms: readonly Mechanism[]): CatalogEntry[] {
  return mechanisms.map((m) => ({ id: m.id, title: m.title, summary: m.summary }));
}

/** Each mechanism's entry, by its id. */
export const MECHANISM_CATALOG = Object.fromEntries(
  mechanismCatalog(MECHANISM_LIST).map((e) => [e.id, e]),
) as Readonly<Record<MechanismId, CatalogEntry>>;
