import type { Mechanism, MechanismId } from '../mechanism';
import { gainShareMechanism } from './gainShare';
import { poolMechanism } from './pool';

/** Every mechanism the workbook layer runs, by id. */
export const MECHANISMS: Partial<Record<MechanismId, Mechanism>> = {
  pool: poolMechanism,
  gainshare: gainShareMechanism,
};
