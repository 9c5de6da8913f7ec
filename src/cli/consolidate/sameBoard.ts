/**
 * Two returns for one Health and Wellbeing Board in a consolidation (a resubmission
 * left beside the first, a file copied under another name) would count that board
 * twice: such files are flagged, each naming the others.
 */
import type { FindingRow } from './findingsSheet';
import type { PlanReview } from './review';

/** A board's name as compared: case and spacing ignored. */
const boardKey = (board: string): string => board.trim().replace(/\s+/gu, ' ').toLowerCase();

/**
 * Flags files that name the same Health and Wellbeing Board: each such review names the
 * others, and each gets a row for the Findings sheet naming them all.
 */
export function sameBoards(reviews: readonly PlanReview[]): {
  readonly reviews: PlanReview[];
  readonly rows: FindingRow[];
} {
  const byBoard = new Map<string, PlanReview[]>();
  for (const review of reviews) {
    const key = boardKey(review.board);
    byBoard.set(key, [...(byBoard.get(key) ?? []), review]);
  }
  const rows: FindingRow[] = [];
  const flagged = reviews.map((review) => {
    const group = byBoard.get(boardKey(review.board)) ?? [];
    if (group.length < 2) return review;
    const others = group.filter((r) => r !== review).map((r) => r.file);
    const all = group.map((r) => r.file).join(', ');
    rows.push({
      file: review.file,
      code: 'CONSOLIDATE.SAME_BOARD',
      message: `${group.length} files are for the Health and Wellbeing Board "${review.board}": ${all}; consolidate one return per board (this file's totals are counted, and so are the others').`,
    });
    return { ...review, sameBoardAs: others };
  });
  return { reviews: flagged, rows };
}
