import { electionFromPabulib } from './election';
import { parsePabulib, parsePabulibNumber, writePabulib, type Pabulib } from './pabulib';
import { PabulibFormatError, readRows } from './table';

const sample = [
  'META',
  'key;value',
  'description;"Budget; with a ""quoted"" word"',
  'budget;400000.0',
  'vote_type;approval',
  'max_length;3',
  'PROJECTS',
  'project_id;cost;votes;name',
  '02;1500,0;2;"Parque ""Fundidora""; fase 2"',
  '2024/OGM/0011;2000;1;None',
  'VOTES',
  'voter_id;age;vote',
  'v1;None;"02,2024/OGM/0011"',
  'v2;34;02',
  'v3;51;',
].join('\r\n');

describe('reading a pabulib file', () => {
  const parsed = parsePabulib(sample);

  it('reads META as text, quoted fields with "" escapes and ; inside quotes', () => {
    expect(parsed.meta).toEqual({
      description: 'Budget; with a "quoted" word',
      budget: '400000.0',
      vote_type: 'approval',
      max_length: '3',
    });
  });

  it('keeps project ids as strings and reads a decimal comma', () => {
    expect(parsed.projects).toEqual([
      { id: '02', cost: 1500, name: 'Parque "Fundidora"; fase 2', fields: { votes: '2' } },
      { id: '2024/OGM/0011', cost: 2000, fields: { votes: '1' } },
    ]);
  });

  it('splits the vote column on commas, leaves None out and keeps an empty ballot', () => {
    expect(parsed.votes).toEqual([
      { voterId: 'v1', vote: ['02', '2024/OGM/0011'], fields: {} },
      { voterId: 'v2', vote: ['02'], fields: { age: '34' } },
      { voterId: 'v3', vote: [], fields: { age: '51' } },
    ]);
  });

  it('reads LF, CRLF and a byte-order mark alike', () => {
    expect(parsePabulib('\uFEFF' + sample.replaceAll('\r\n', '\n'))).toEqual(parsed);
  });

  it('gives the election to count: whole amounts, every ballot a voter', () => {
    expect(electionFromPabulib(parsed)).toEqual({
      budget: 400000,
      projects: [
        { id: '02', cost: 1500 },
        { id: '2024/OGM/0011', cost: 2000 },
      ],
      ballots: [['02', '2024/OGM/0011'], ['02'], []],
    });
  });

  it('reads choose-1 files as approval ballots', () => {
    const choose1 = parsePabulib(sample.replace('vote_type;approval', 'vote_type;choose-1'));
    expect(electionFromPabulib(choose1).ballots).toHaveLength(3);
  });
});

describe('numbers in pabulib files', () => {
  it.each([
    ['400000', 400000],
    ['400000.0', 400000],
    ['1234,5', 1234.5],
    [' 7 ', 7],
    ['1e3', 1000],
  ])('reads %j as %d', (text, value) => {
    expect(parsePabulibNumber(text)).toBe(value);
  });

  it.each(['', 'None', '12 000', '1.2.3', 'abc'])('refuses %j', (text) => {
    expect(() => parsePabulibNumber(text)).toThrow(PabulibFormatError);
  });
});

describe('files the counting cannot use', () => {
  const withMeta = (replace: string, by: string) => parsePabulib(sample.replace(replace, by));

  it('refuses a cost with a fraction of a currency unit rather than rounding it', () => {
    expect(() => electionFromPabulib(withMeta('2024/OGM/0011;2000', '2024/OGM/0011;2000.5'))).toThrow(
      /cost of project 2024\/OGM\/0011 must be a whole/,
    );
  });

  it('refuses vote types other than approval', () => {
    expect(() => electionFromPabulib(withMeta('vote_type;approval', 'vote_type;cumulative'))).toThrow(
      /vote_type cumulative/,
    );
  });

  it('refuses a file without a budget', () => {
    expect(() => electionFromPabulib(withMeta('budget;400000.0\r\n', ''))).toThrow(/no budget/);
  });

  it('says on which line a quoted field is never closed', () => {
    expect(() => parsePabulib('META\nkey;value\ndescription;"open\n')).toThrow(
      /line 3: a quoted field is never closed/,
    );
  });

  it('refuses rows before the first section', () => {
    expect(() => parsePabulib('key;value\n')).toThrow(/line 1: data before the META/);
  });

  it('refuses a project row longer than its header', () => {
    expect(() => parsePabulib('PROJECTS\nproject_id;cost\n1;100;extra\n')).toThrow(
      /line 3: 3 fields under a header of 2/,
    );
  });
});

describe('the table reader', () => {
  it('keeps line breaks inside quotes and counts lines across them', () => {
    const rows = readRows('a;"two\r\nlines"\rb;c\n\nd');
    expect(rows).toEqual([
      { fields: ['a', 'two\r\nlines'], line: 1 },
      { fields: ['b', 'c'], line: 3 },
      { fields: ['d'], line: 5 },
    ]);
  });
});

describe('writing a pabulib file', () => {
  const data: Pabulib = {
    meta: { description: 'Presupuesto; "Centro"', budget: '1000', vote_type: 'approval', min_length: '1' },
    projects: [
      { id: '01', cost: 600, name: 'Parque; fase "1"', fields: { votes: '2' } },
      { id: 'p 2', cost: 400, fields: { category: ' leading space' } },
    ],
    votes: [
      { voterId: 'a', vote: ['01', 'p 2'], fields: {} },
      { voterId: 'b', vote: [], fields: { age: '30' } },
    ],
  };

  it('reads back exactly what it wrote', () => {
    expect(parsePabulib(writePabulib(data))).toEqual(data);
  });

  it('writes None for a column a row does not have', () => {
    const text = writePabulib(data);
    expect(text).toContain('\np 2;400;None;None;" leading space"\n');
    expect(text).toContain('\na;01,p 2;None\n');
  });

  it.each(['', 'None', ' 1', 'a,b'])('refuses project id %j, which would not read back', (id) => {
    expect(() => writePabulib({ ...data, projects: [{ id, cost: 1, fields: {} }] })).toThrow(PabulibFormatError);
  });
});
