import { registerMechanisms, type Mechanism } from '../mechanism';
import { activityMechanism } from './activityPayment/activityPayment';
import { bcfP4pMechanism } from './bcfPerformancePayment/bcfPerformancePayment';
import { capitationMechanism } from './capitation/capitation';
import { checksMechanism } from './planChecks/planChecks';
import { envelopeMechanism } from './fundingEnvelope/fundingEnvelope';
import { gainShareMechanism } from './gainLossShare/gainLossShare';
import { p4pMechanism } from './payForPerformance/payForPerformance';
import { poolMechanism } from './pooledFund/pooledFund';

/**
 * Every mechanism the workbook layer runs, by id, in the order `bcf run` runs them. The
 * key is the mechanism's one id: its name on the command line (`bcf calc gainshare`), its
 * key in a params file and in the workbook's saved settings. A mechanism is added here,
 * by one line; every edge reads this registry.
 */
export const MECHANISMS = registerMechanisms({
  pool: poolMechanism,
  capitation: capitationMechanism,
  gainshare: gainShareMechanism,
  p4p: p4pMechanism,
  'bcf-p4p': bcfP4pMechanism,
  activity: activityMechanism,
  envelope: envelopeMechanism,
  checks: checksMechanism,
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
