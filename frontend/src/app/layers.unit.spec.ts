/**
 * @jest-environment node
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';

// `npm run lint` keeps the SPA's layers apart; this checks the rule really sees the imports
// (an unresolved path would pass silently), from a feature's and from shared code's side.
const root = join(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, 'frontend/src', file) });
  return result!.messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

describe('the SPA’s layers', () => {
  it('refuses a feature importing another feature or the app, and allows shared code', async () => {
    const errors = await layerErrors(
      'features/voting/components/example.ts',
      [
        "import { ProposalForm } from '../../proposals/components/proposal-form';",
        "import { router } from '../../../app/router';",
        "import { Page } from '../../../components/page';",
        "import { useBallotDraft } from '../hooks/use-ballot-draft';",
        'export const all = [ProposalForm, router, Page, useBallotDraft];',
      ].join('\n'),
    );
    expect(errors).toEqual([
      expect.stringContaining('A feature does not import another feature'),
      expect.stringContaining('Features do not import the app'),
    ]);
  });

  it('refuses shared code importing a feature', async () => {
    const errors = await layerErrors(
      'lib/example.ts',
      "import { VotingBooth } from '../features/voting/components/voting-booth';\nexport const booth = VotingBooth;",
    );
    expect(errors).toEqual([expect.stringContaining('Shared code (src/components, src/lib) does not import features')]);
  });
});
