import { activityPayment, type ActivityPaymentInput } from '../engine/activityPayment';
import { gainLossExploration, type GainLossExplorationInput } from '../engine/gainLossExploration';
import {
  bcfPerformancePayment,
  type BcfPerformancePaymentInput,
} from '../engine/bcfPerformancePayment';
import { capitationBudget, type CapitationInput } from '../engine/capitation';
import { planChecks, type PlanChecksInput } from '../engine/planChecks';
import { fundingEnvelope, type FundingEnvelopeInput } from '../engine/fundingEnvelope';
import { performancePayment, type PerformancePaymentInput } from '../engine/performancePayment';
import { pooledFund, type PooledFundInput } from '../engine/pooledFund';

/**
 * The mechanisms the CLI (`bcf calc <name>`) and the golden files know, by name.
 * Each entry takes the scenario JSON as parsed (the engine validates every field)
 * and returns the engine's result.
 */
export const mechanisms: Readonly<Record<string, (input: unknown) => unknown>> = {
  gainshare: (input) => gainLossExploration(input as GainLossExplorationInput),
  activity: (input) => activityPayment(input as ActivityPaymentInput),
  checks: (input) => planChecks(input as PlanChecksInput),
  'bcf-p4p': (input) => bcfPerformancePayment(input as BcfPerformancePaymentInput),
  p4p: (input) => performancePayment(input as PerformancePaymentInput),
  pool: (input) => pooledFund(input as PooledFundInput),
  capitation: (input) => capitationBudget(input as CapitationInput),
  envelope: (input) => fundingEnvelope(input as FundingEnvelopeInput),
};
