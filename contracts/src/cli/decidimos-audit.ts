#!/usr/bin/env node
import { countCommand } from './count-command';
import { UsageError, type Command } from './usage';

/** Subcommands by name; each gets the arguments after its name and resolves to the exit code. */
const commands: Record<string, Command> = {
  count: countCommand,
};

const USAGE = `usage: decidimos-audit <command> [options]

commands:
  count   count a pabulib .pb file with a Decidimos counting rule`;

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
    process.stderr.write(`decidimos-audit ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
