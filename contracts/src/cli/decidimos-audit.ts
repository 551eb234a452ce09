#!/usr/bin/env node
import { SourceError } from './edition-source';
import { FETCH_USAGE, fetchCommand } from './fetch-command';
import { RECEIPT_USAGE, receiptCommand } from './receipt-command';
import { VERIFY_USAGE, verifyCommand } from './verify-command';

/** Subcommands by name; each returns the process exit code. */
export const commands: Record<string, (args: string[]) => Promise<number>> = {
  fetch: fetchCommand,
  verify: verifyCommand,
  receipt: receiptCommand,
};

const USAGE = ['usage:', `  ${FETCH_USAGE}`, `  ${VERIFY_USAGE}`, `  ${RECEIPT_USAGE}`].join('\n');

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    return await command(args);
  } catch (error) {
    // Bad arguments, unreachable servers, unreadable files: say what, exit 2 (not a verdict).
    const known = error instanceof SourceError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`decidimos-audit ${name}: ${known ? (error as Error).message : String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
