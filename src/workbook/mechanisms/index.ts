import { registerMechanisms, type Mechanism } from '../mechanism';
import { activityPaymentMechanism } from './activityPayment/activityPayment';
import { bcfPerformancePaymentMechanism } from './bcfPerformancePayment/bcfPerformancePayment';
import { capitationMechanism } from './capitation/capitation';
import { planChecksMechanism } from './planChecks/planChecks';
import { fundingEnvelopeMechanism } from './fundingEnvelope/fundingEnvelope';
import { gainLossShareMechanism } from './gainLossShare/gainLossShare';
import { payForPerformanceMechanism } from './payForPerformance/payForPerformance';
import { pooledFundMechanism } from './pooledFund/pooledFund';

/**
 * Every mechanism the workbook layer runs, by id, in the order `bcf run` runs them. The
 * key is the mechanism's one id: its name on the command line (`bcf calc gainshare`), its
 * key in a params file and in the workbook's saved settings. A mechanism is added here,
 * by one line; every edge reads this registry.
 */
export const MECHANISMS = registerMechanisms({
  pool: pooledFundMechanism,
  capitation: capitationMechanism,
  gainshare: gainLossShareMechanism,
  p4p: payForPerformanceMechanism,
  'bcf-p4p': bcfPerformancePaymentMechanism,
  activity: activityPaymentMechanism,
  envelope: fundingEnvelopeMechanism,
  checks: planChecksMechanism,
});

/** The mechanisms a workbook can run, by the names the CLI also uses. */
export type MechanismId = keyof typeof MECHANISMS;

/** A mechanism of the registry. */
export type RegisteredMechanism = Mechanism<MechanismId>;

/** The registry as a list, in run order. */
export const MECHANISM_LIST: readonly RegisteredMechanism[] = Object.values(MECHANISMS);

/** Whether a name is a mechanism id (the CLI's names are lower case). */
export function isMechanismId(name: string): name is MechanismId {
  return Object.prototype.hasOwnProperty.call(MECHANISMS, name);
}
