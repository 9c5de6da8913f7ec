import type { Mechanism, MechanismId } from '../mechanism';
import { activityMechanism } from './activity';
import { bcfP4pMechanism } from './bcfP4p';
import { capitationMechanism } from './capitation';
import { checksMechanism } from './checks';
import { envelopeMechanism } from './envelope';
import { gainShareMechanism } from './gainShare';
import { p4pMechanism } from './p4p';
import { poolMechanism } from './pool';

/** Every mechanism the workbook layer runs, by id. */
export const MECHANISMS: Readonly<Record<MechanismId, Mechanism>> = {
  pool: poolMechanism,
  capitation: capitationMechanism,
  gainshare: gainShareMechanism,
  p4p: p4pMechanism,
  'bcf-p4p': bcfP4pMechanism,
  activity: activityMechanism,
  envelope: envelopeMechanism,
  checks: checksMechanism,
};
