import { activityPayment, type ActivityPaymentInput } from '../engine/activityPayment';
import { gainLossExploration, type GainLossExplorationInput } from '../engine/gainLossExploration';
import {
  bcfPerformancePayment,
  type BcfPerformancePaymentInput,
} from '../engine/bcfPerformancePayment';
import { capitationExploration, type CapitationExplorationInput } from '../engine/capitationCurve';
import { planChecks, type PlanChecksInput } from '../engine/planChecks';
import { fundingEnvelope, type FundingEnvelopeInput } from '../engine/fundingEnvelope';
import { performancePayment, type PerformancePaymentInput } from '../engine/performancePayment';
import { pooledFundExploration, type PooledFundExplorationInput } from '../engine/poolCurve';

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
  pool: (input) => pooledFundExploration(input as PooledFundExplorationInput),
  capitation: (input) => capitationExploration(input as CapitationExplorationInput),
  envelope: (input) => fundingEnvelope(input as FundingEnvelopeInput),
};
