/** The pane's mechanism ids and the workbook layer's (which the CLI also uses). */
import type { MechanismId as LayerMechanismId } from '../../workbook/mechanism';
import type { MechanismId } from '../operations';

export const LAYER_ID: Readonly<Record<MechanismId, LayerMechanismId>> = {
  pooledFund: 'pool',
  capitation: 'capitation',
  gainLossShare: 'gainshare',
  payForPerformance: 'p4p',
  bcfPaymentForPerformance: 'bcf-p4p',
  activityPayment: 'activity',
  fundingEnvelope: 'envelope',
  planChecks: 'checks',
};
