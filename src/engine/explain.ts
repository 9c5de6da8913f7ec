/**
 * One line of the explanation every mechanism returns with its figures, in the order
 * the figures were reached, so the task pane and the result sheets can show a finance
 * reviewer how a figure came about. `rule` is a stable key (e.g. `band`, `cap`,
 * `gate`, `rounding`) for edges that style or filter steps; `text` is for people.
 */
export interface Step {
  readonly rule: string;
  readonly text: string;
}

/** Makes a step. */
export function step(rule: string, text: string): Step {
  return { rule, text };
}
