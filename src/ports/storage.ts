/**
 * Where the add-in keeps its own data inside a workbook. Both adapters use the same
 * places, so a file moves between Excel and the command line with its settings and its
 * sheets' ownership intact.
 */

/** The very hidden sheet of settings: keys in column A, values (as text) in column B. */
export const SETTINGS_SHEET = 'BCF_Settings';

/** The most characters an Excel cell holds (a longer setting is refused). */
export const CELL_CHARACTER_LIMIT = 32_767;
