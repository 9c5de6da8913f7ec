/**
 * Reading a header as written in a finance team's own workbook. A header may carry,
 * besides its name: line breaks (a wrapped cell), trailing footnote marks ("*", "†",
 * "¹"), a trailing note in brackets ("(see table below for descriptions)", "(if Joint
 * Commissioner)"), a currency or unit mark ("(£)", "£", "£000", "(£000s)", "(£k)",
 * "£m") and a plan year ("2024-25", "2024/25", "2024"). Each header gives, from the
 * header exactly as written to its bare name, the keys it may be matched by, each with
 * what was taken off on the way: the scale of its amounts (1,000 for £000) and its year.
 * Matching tries the keys in that order, so a header that is an alias as written
 * ("Gain cap (% of expected)") is never read as a shorter one ("Gain cap").
 */

/** One way to read a header: the key to match and what the words taken off it mean. */
export interface HeaderReading {
  /** Case- and space-insensitive key, as headers.ts compares them. */
  readonly key: string;
  /** Amounts in the column are in this many pounds (1 for £, 1,000 for £000, 1,000,000 for £m). */
  readonly scale: number;
  /** The unit as written when one was taken off ("£000"), for the steps. */
  readonly unit?: string;
  /** The plan year the header names, as "2024-25" (or "2024"). */
  readonly year?: string;
  /** Whether a currency mark was taken off: only amount columns may then match. */
  readonly money: boolean;
}

/** The case- and space-insensitive key of a header (line breaks and non-breaking spaces count as spaces). */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s\u00a0\u202f]+/g, '');
}

const FOOTNOTES = /[\s]*[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+$/u;
/** "2024-25", "2024/25", "2024–2025", "2024 to 2025", "2024". */
const YEAR = /(?:^|\s)((?:19|20)\d{2})(?:\s*(?:[-/–—]|to)\s*((?:19|20)?\d{2}))?(?=$|\s)/u;
/** A unit in brackets or bare: "(£)", "£", "£000", "(£000s)", "(£'000)", "(£k)", "£m", "(£ thousands)". */
const UNIT =
  /(?:^|\s|(?=\())\(?\s*£\s*('?000s?|k|m|mn|millions?|thousands?)?\s*\)?(?=$|\s)|(?:^|\s)\(\s*('?000s?)\s*\)(?=$|\s)/iu;
const YEAR_ONLY = /^((?:19|20)\d{2})(?:\s*(?:[-/–—]|to)\s*((?:19|20)?\d{2}))?$/u;
const NOTE = /\s*\([^()]*\)$/u;

/** The year as "2024-25": a second year as its last two digits. */
function yearLabel(first: string, second: string | undefined): string {
  if (second === undefined) return first;
  return `${first}-${second.slice(-2)}`;
}

/** A plan year as a user may write it ("2024/25", "2024-2025", 2024) in the form {@link HeaderReading.year} has. */
export function normalYear(text: string): string | undefined {
  const match = YEAR_ONLY.exec(text.trim());
  if (match === null) return undefined;
  return yearLabel(match[1] ?? '', match[2]);
}

function scaleOf(unit: string | undefined): number {
  if (unit === undefined) return 1;
  const u = unit.toLowerCase().replace(/'/g, '');
  if (u.startsWith('000') || u === 'k' || u.startsWith('thousand')) return 1000;
  return 1_000_000;
}

/**
 * The readings of a header, from as written to its bare name (see the module comment).
 *
 * @example headerReadings("Expenditure (£000)\n2024-25")
 *   → [{ key: "expenditure(£000)2024-25", scale: 1 }, …,
 *      { key: "expenditure", scale: 1000, unit: "£000", year: "2024-25", money: true }]
 */
export function headerReadings(header: string): readonly HeaderReading[] {
  const known = readingsCache.get(header);
  if (known !== undefined) return known;
  const readings = readingsOf(header);
  // Headers repeat across rows, kinds and files; the cache is cleared rather than grown without end.
  if (readingsCache.size > 5_000) readingsCache.clear();
  readingsCache.set(header, readings);
  return readings;
}

const readingsCache = new Map<string, readonly HeaderReading[]>();

function readingsOf(header: string): HeaderReading[] {
  let text = header.replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
  let scale = 1;
  let unit: string | undefined;
  let year: string | undefined;
  let money = false;
  const readings: HeaderReading[] = [];
  const add = (): void => {
    const key = headerKey(text);
    if (key !== '' && !readings.some((r) => r.key === key)) {
      readings.push({
        key,
        scale,
        money,
        ...(unit === undefined ? {} : { unit }),
        ...(year === undefined ? {} : { year }),
      });
    }
  };
  add();
  for (let guard = 0; guard < 8; guard++) {
    const before = text;
    text = text.replace(FOOTNOTES, '').trim();
    if (text !== before) {
      add();
      continue;
    }
    const y = year === undefined ? YEAR.exec(text) : null;
    if (y !== null) {
      year = yearLabel(y[1] ?? '', y[2]);
      text = `${text.slice(0, y.index)} ${text.slice(y.index + y[0].length)}`.trim();
      add();
      continue;
    }
    const u = !money ? UNIT.exec(text) : null;
    if (u !== null) {
      money = true;
      const written = u[0]
        .trim()
        .replace(/^\(|\)$/g, '')
        .trim();
      const sized = u[1] ?? u[2];
      scale = scaleOf(sized);
      unit = written.startsWith('£') ? written.replace(/\s+/g, '') : `£${written}`;
      text = `${text.slice(0, u.index)} ${text.slice(u.index + u[0].length)}`.trim();
      add();
      continue;
    }
    const n = NOTE.exec(text);
    if (n !== null && n.index > 0) {
      text = text.slice(0, n.index).trim();
      add();
      continue;
    }
    break;
  }
  return readings;
}
