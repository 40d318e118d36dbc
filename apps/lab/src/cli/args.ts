import { parseArgs } from 'node:util';
import { UsageError } from './output';
import { nearest } from './suggest';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
export type OptionValues = Record<string, string | boolean | undefined>;

export interface Parsed {
  values: OptionValues;
  positionals: string[];
}

/** `parseArgs` in strict mode; every command also accepts `--json`. */
export function parseCommand(
  argv: string[],
  options: OptionSpec,
  positionals: { min: number; max: number; what?: string },
): Parsed {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(explainParseError(err as NodeJS.ErrnoException, Object.keys(options)));
  }
  const n = parsed.positionals.length;
  if (n < positionals.min) throw new UsageError(`missing ${positionals.what ?? 'argument'}`);
  if (n > positionals.max) throw new UsageError(`unexpected argument "${parsed.positionals[positionals.max]}"`);
  return parsed;
}

export function intValue(raw: string | boolean | undefined, name: string, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || value < min || value > max) {
    throw new UsageError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/** `raw` if it is one of `allowed`; else a usage error listing them (as `listed` says) with the likeliest meant. */
export function oneOf<T extends string>(raw: string | boolean | undefined, name: string, allowed: readonly T[], fallback: T, listed = allowed.join(', ')): T {
  if (raw === undefined) return fallback;
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  const guess = typeof raw === 'string' ? nearest(raw, allowed) : undefined;
  throw new UsageError(`${name} must be one of ${listed} (got "${raw}")${guess ? ` (did you mean ${guess}?)` : ''}`);
}

/**
 * parseArgs' own messages advise `-- "--x"` (meaningless after `npm run lab
 * --`): say instead what the command takes and what was probably meant.
 */
export function explainParseError(err: NodeJS.ErrnoException, names: string[]): string {
  const flags = [...names, 'json'].map((n) => `--${n}`);
  const takes = `it takes ${flags.join(', ')}`;
  const quoted = /'(-[^' ]*)/.exec(err.message)?.[1];
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) {
    const guess = nearest(quoted.startsWith('--') ? quoted : `-${quoted}`, flags);
    return `unknown option ${quoted}${guess ? ` (did you mean ${guess}?)` : ''}; ${takes}`;
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
    return /argument missing/.test(err.message) ? `${quoted} needs a value` : `${quoted} takes no value`;
  }
  return `${err.message.split('\n')[0].replace(/\. To specify a positional.*$/, '')}; ${takes}`;
}
