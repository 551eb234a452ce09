#!/usr/bin/env node
import { useSha256 } from '../audit/sha256';
import { countCommand } from './count-command';
import { SourceError } from './edition-source';
import { FETCH_USAGE, fetchCommand } from './fetch-command';
import { RECEIPT_USAGE, receiptCommand } from './receipt-command';
import { UsageError, type Command } from './usage';
import { nodeSha256 } from './node-sha256';
import { VERIFY_USAGE, verifyCommand } from './verify-command';

// The bin runs in Node: hash natively (the same digests as the portable hash the SPA uses).
useSha256(nodeSha256);

/** Subcommands by name; each gets the arguments after its name and resolves to the exit code. */
const commands: Record<string, Command> = {
  count: countCommand,
  fetch: fetchCommand,
  verify: verifyCommand,
  receipt: receiptCommand,
};

const USAGE = `usage: decidimos-audit <command> [options]

commands:
  count   count a pabulib .pb file with a Decidimos counting rule
  ${FETCH_USAGE}
  ${VERIFY_USAGE}
  ${RECEIPT_USAGE}`;

export async function main(argv: string[], available: Record<string, Command> = commands): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : available[name];
  if (!command) {
    process.stderr.write(`${name === undefined ? '' : `decidimos-audit: unknown command "${name}"\n`}${USAGE}\n`);
    return 2;
  }
  try {
    return await command(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`decidimos-audit ${name}: ${error.message}\n${error.usage}\n`);
      return 2;
    }
    // Bad arguments, unreachable servers, unreadable files: say what, exit 2 (not a verdict).
    const message = error instanceof Error ? error.message : String(error);
    const unusable = error instanceof SourceError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`decidimos-audit ${name}: ${message}\n`);
    return unusable ? 2 : 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
