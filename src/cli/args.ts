/**
 * A small command-line argument reader for the `bcf` commands: positional arguments
 * and `--name value`, `--name=value` or `--flag` options, each command declaring the
 * options it takes. An unknown option, a missing value or a repeated option is a usage
 * error naming it (exit code 2), never silently ignored.
 */

/** The options one command takes: `string` options need a value, `boolean` ones do not. */
export type OptionSpec = Readonly<Record<string, 'string' | 'boolean'>>;

/** What was given: positional arguments in order, and options by name. */
export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly strings: Readonly<Record<string, string>>;
  readonly flags: ReadonlySet<string>;
}

/** A command line the command cannot take; `message` says what is wrong. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code = 'CLI.USAGE';
}

/**
 * Reads a command's arguments.
 *
 * @param args - the arguments after the command name.
 * @param spec - the options the command takes, by name without the dashes.
 * @returns positional arguments and options; `--` ends the options; `-` is positional
 *   (standard input).
 * @throws UsageError for an unknown option, a string option without a value, an option
 *   given twice, or a value given to a flag.
 * @example parseArgs(['in.xlsx', '--out', 'r.xlsx', '--force'], { out: 'string', force: 'boolean' })
 *   → { positional: ['in.xlsx'], strings: { out: 'r.xlsx' }, flags: Set { 'force' } }
 */
export function parseArgs(args: readonly string[], spec: OptionSpec): ParsedArgs {
  const positional: string[] = [];
  const strings: Record<string, string> = {};
  const flags = new Set<string>();
  let onlyPositional = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (onlyPositional || !arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    const [name = '', inline] = splitOption(arg.slice(2));
    const kind = spec[name];
    if (kind === undefined) throw new UsageError(`unknown option --${name}.`);
    if (strings[name] !== undefined || flags.has(name)) {
      throw new UsageError(`--${name} is given more than once.`);
    }
    if (kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
      flags.add(name);
      continue;
    }
    const value = inline ?? args[i + 1];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value.`);
    }
    if (inline === undefined) i += 1;
    strings[name] = value;
  }
  return { positional, strings, flags };
}

function splitOption(text: string): [string, string?] {
  const equals = text.indexOf('=');
  return equals < 0 ? [text] : [text.slice(0, equals), text.slice(equals + 1)];
}
