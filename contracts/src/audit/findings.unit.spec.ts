import { type FindingCode, finding, findingMessage, findingMessages } from './findings';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('the findings catalog', () => {
  it('words every code in Spanish and English with the same parameters', () => {
    const codes = Object.keys(findingMessages.en.findings) as FindingCode[];
    expect(Object.keys(findingMessages.es.findings).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect([code, placeholders(findingMessages.es.findings[code])]).toEqual([
        code,
        placeholders(findingMessages.en.findings[code]),
      ]);
    }
  });

  it('fills the parameters in the language asked for, English by default', () => {
    const found = finding('VOTES_DIFFER', {
      source: 'TallyComputed',
      district: 'centro',
      proposalId: 'p1',
      published: 4,
      recount: 3,
    });
    expect(findingMessage(found)).toBe(
      'TallyComputed, district centro: votes for proposal p1: published 4, the re-count 3',
    );
    expect(findingMessage(found, 'es')).toBe(
      'TallyComputed, distrito centro: votos de la propuesta p1: publicados 4, el recuento 3',
    );
  });

  it('leaves a missing parameter visible rather than printing undefined', () => {
    expect(findingMessage(finding('HEAD_BAD_SIGNATURE'))).toBe('tree head {{head}}: bad signature');
  });
});
