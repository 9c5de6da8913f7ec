/** How the pane names and describes each mechanism: its descriptor's title and summary. */
import type { Mechanism } from '../workbook/mechanism';
import { MECHANISM_LIST } from '../workbook/mechanisms/index';
import { PANE_ID } from './layer/mechanismIds';
import type { MechanismId } from './operations';

/** One mechanism as the picker offers it. */
export interface CatalogEntry {
  /** The pane's id. */
  readonly id: string;
  /** The registry's id (the CLI's name), e.g. "gainshare". */
  readonly layerId: string;
  readonly title: string;
  /** One sentence for the picker: what it calculates. */
  readonly summary: string;
}

/**
 * The picker's entries, in the registry's order.
 *
 * @param mechanisms - the registered mechanisms (a test adds its own).
 * @param paneId - the pane's id of a registry id.
 */
export function mechanismCatalog(
  mechanisms: readonly Mechanism[],
  paneId: (layerId: string) => string,
): CatalogEntry[] {
  return mechanisms.map((m) => ({
    id: paneId(m.id),
    layerId: m.id,
    title: m.title,
    summary: m.summary,
  }));
}

/** Each pane mechanism's entry, by the pane's id. */
export const MECHANISM_CATALOG = Object.fromEntries(
  mechanismCatalog(MECHANISM_LIST, (id) => PANE_ID[id as keyof typeof PANE_ID]).map((e) => [
    e.id,
    e,
  ]),
) as Readonly<Record<MechanismId, CatalogEntry>>;
