import { readFile } from 'node:fs/promises';
import { count } from '../counting/count';
import type { CountingRule } from '../counting/election';
import { electionFromPabulib } from '../pabulib/election';
import { parsePabulib } from '../pabulib/pabulib';
import { oneOf, parseCommandLine, UsageError, type Command } from './usage';

const USAGE = `usage: decidimos-audit count --rule greedy|equal-shares [--completion add1|add1-greedy] [--utility cost|cardinality] FILE.pb

Counts the approval ballots of a pabulib file and prints {"selected": [project ids sorted], "cost": N}.
--completion and --utility apply to equal-shares only (defaults: add1, cost).`;

const options = {
  rule: { type: 'string' },
  completion: { type: 'string' },
  utility: { type: 'string' },
} as const;

function countingRule(values: { rule?: string; completion?: string; utility?: string }): CountingRule {
  if (values.rule === undefined) throw new UsageError('--rule is required', USAGE);
  const rule = oneOf(values.rule, ['greedy', 'equal-shares'] as const, 'rule', USAGE);
  if (rule === 'greedy') {
    if (values.completion !== undefined || values.utility !== undefined) {
      throw new UsageError('--completion and --utility apply to --rule equal-shares only', USAGE);
    }
    return { rule };
  }
  return {
    rule,
    completion: oneOf(values.completion ?? 'add1', ['add1', 'add1-greedy'] as const, 'completion', USAGE),
    utility: oneOf(values.utility ?? 'cost', ['cost', 'cardinality'] as const, 'utility', USAGE),
  };
}

/** `decidimos-audit count`: what a rule selects in a pabulib file, as one line of JSON. */
export const countCommand: Command = async (args) => {
  const { values, positionals } = parseCommandLine(args, options, USAGE);
  const rule = countingRule(values);
  if (positionals.length !== 1) throw new UsageError('give exactly one .pb file', USAGE);
  const file = positionals[0]!;
  const election = electionFromPabulib(parsePabulib(await readFile(file, 'utf8')));
  const { selected, cost } = count(election, rule);
  process.stdout.write(JSON.stringify({ selected, cost }) + '\n');
  return 0;
};
