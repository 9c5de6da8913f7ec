/**
 * The pane's id of each registered mechanism: its forms, requests and typed parameters
 * are keyed by it, the workbook layer (and the CLI) by the registry's id. Keyed by the
 * registry's ids, so a mechanism added to the registry does not compile until the pane
 * names it here (and then gives it a form: see MechanismParamsMap in operations.ts).
 */
import {
  MECHANISM_LIST,
  type MechanismId as LayerMechanismId,
} from '../../workbook/mechanisms/index';

export const PANE_ID = {
  pool: 'pooledFund',
  capitation: 'capitation',
  gainshare: 'gainLossShare',
  p4p: 'payForPerformance',
  'bcf-p4p': 'bcfPaymentForPerformance',
  activity: 'activityPayment',
  envelope: 'fundingEnvelope',
  checks: 'planChecks',
} as const satisfies Readonly<Record<LayerMechanismId, string>>;

/** A mechanism as the pane names it. */
export type PaneMechanismId = (typeof PANE_ID)[LayerMechanismId];

/** The pane's mechanisms in the registry's order, the order the picker lists them. */
export const PANE_MECHANISM_IDS: readonly PaneMechanismId[] = MECHANISM_LIST.map(
  (m) => PANE_ID[m.id],
);

/** The registry's id of each pane mechanism. */
export const LAYER_ID = Object.fromEntries(
  Object.entries(PANE_ID).map(([layer, pane]) => [pane, layer]),
) as Readonly<Record<PaneMechanismId, LayerMechanismId>>;
