import type { ResultsView } from '@decidimos/contracts/api/schemas';
import { resultsCsv } from './open-data';

describe('the results CSV', () => {
  it('writes a proposal titled as a formula as text, not as a formula (issue 9)', () => {
    const results: ResultsView = {
      editionId: 'pp-2027',
      phase: 'results',
      rule: 'greedy',
      ballots: 12,
      channels: { online: 12, assisted: 0 },
      booths: [],
      districts: [
        {
          id: 'centro',
          name: 'Centro',
          citywide: false,
          budget: 5_000_000,
          spent: 450_000,
          voters: 12,
          rule: 'greedy',
          proposals: [
            { id: 'p1', title: '=HYPERLINK("http://evil.example","x")', cost: 450_000, votes: 9, selected: true },
          ],
        },
      ],
      treeHead: null,
    };
    expect(resultsCsv(results).split('\r\n')).toEqual([
      '"district","district_name","budget","spent","voters","proposal","title","cost","votes","selected"',
      `"centro","Centro","5000000","450000","12","p1","'=HYPERLINK(""http://evil.example"",""x"")","450000","9","true"`,
      '',
    ]);
  });
});
