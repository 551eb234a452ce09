import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A subcommand of decidimos-audit: the arguments after its name in, the exit code out. */
export type Command = (args: string[]) => Promise<number>;

/** Bad command-line arguments: the dispatcher prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

/** node:util parseArgs, with its errors (unknown or malformed options) turned into usage errors. */
export function parseCommandLine<T extends ParseArgsConfig['options']>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
}

/** The value of an option that must be one of a few words, or its default. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], option: string, usage: string): T {
  if (allowed.includes(value as T)) return value as T;
  throw new UsageError(`--${option} must be ${allowed.join(' or ')}, got "${String(value)}"`, usage);
}
