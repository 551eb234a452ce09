import { PabulibFormatError, readRows, writeRow, type Row } from './table';

/**
 * The pabulib file format (https://pabulib.org/format): META, PROJECTS and VOTES
 * sections, each a `;`-separated table under a header row. `None` marks a missing value.
 */
export interface PabulibProject {
  id: string;
  cost: number;
  name?: string;
  /** The other columns, as written; missing (`None`) values are left out. */
  fields: Record<string, string>;
}

export interface PabulibVote {
  voterId: string;
  /** The project ids in the `vote` column. */
  vote: string[];
  /** The other columns, as written; missing (`None`) values are left out. */
  fields: Record<string, string>;
}

export interface Pabulib {
  meta: Record<string, string>;
  projects: PabulibProject[];
  votes: PabulibVote[];
}

type Section = 'meta' | 'projects' | 'votes';

const MISSING = 'None';

function sectionName(row: Row): Section | undefined {
  if (row.fields.length !== 1) return undefined;
  const name = row.fields[0]!.trim().toLowerCase();
  return name === 'meta' || name === 'projects' || name === 'votes' ? name : undefined;
}

/** Reads numbers written as `400000`, `400000.0` or with a decimal comma, `1234,5`. */
export function parsePabulibNumber(text: string, line?: number): number {
  const normalised = text.trim().replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) {
    throw new PabulibFormatError(`"${text}" is not a number`, line);
  }
  return Number(normalised);
}

function record(header: string[], row: Row): Record<string, string> {
  if (row.fields.length > header.length) {
    throw new PabulibFormatError(`${row.fields.length} fields under a header of ${header.length}`, row.line);
  }
  const values: Record<string, string> = {};
  row.fields.forEach((value, column) => {
    if (value !== MISSING) values[header[column]!] = value;
  });
  return values;
}

function take(values: Record<string, string>, key: string, row: Row): string {
  const value = values[key];
  if (value === undefined) throw new PabulibFormatError(`no ${key}`, row.line);
  delete values[key];
  return value;
}

function project(values: Record<string, string>, row: Row): PabulibProject {
  const id = take(values, 'project_id', row);
  const cost = parsePabulibNumber(take(values, 'cost', row), row.line);
  const name = values['name'];
  delete values['name'];
  return name === undefined ? { id, cost, fields: values } : { id, cost, name, fields: values };
}

function vote(values: Record<string, string>, row: Row): PabulibVote {
  const voterId = take(values, 'voter_id', row);
  const list = values['vote'] ?? '';
  delete values['vote'];
  const ids = list
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return { voterId, vote: ids, fields: values };
}

export function parsePabulib(text: string): Pabulib {
  const parsed: Pabulib = { meta: {}, projects: [], votes: [] };
  let section: Section | undefined;
  let header: string[] | undefined;
  for (const row of readRows(text)) {
    const next = sectionName(row);
    if (next) {
      section = next;
      header = undefined;
    } else if (!section) {
      throw new PabulibFormatError('data before the META, PROJECTS or VOTES line', row.line);
    } else if (!header) {
      header = row.fields;
    } else if (section === 'meta') {
      parsed.meta[row.fields[0]!] = row.fields[1] ?? '';
    } else if (section === 'projects') {
      parsed.projects.push(project(record(header, row), row));
    } else {
      parsed.votes.push(vote(record(header, row), row));
    }
  }
  return parsed;
}

function columns(fixed: string[], rows: Record<string, string>[]): string[] {
  const all = new Set(fixed);
  for (const row of rows) for (const key of Object.keys(row)) all.add(key);
  return [...all];
}

function checkId(id: string, what: string): void {
  if (id === '' || id === MISSING || id !== id.trim() || id.includes(',')) {
    throw new PabulibFormatError(`${what} "${id}" cannot be written: ids are non-empty, trimmed and comma-free`);
  }
}

function table(header: string[], rows: Record<string, string>[]): string[] {
  return [writeRow(header), ...rows.map((row) => writeRow(header.map((key) => row[key] ?? MISSING)))];
}

/** Writes a pabulib file; parsing it back gives the same data. */
export function writePabulib(data: Pabulib): string {
  const projectRows = data.projects.map((p): Record<string, string> => {
    checkId(p.id, 'project id');
    const row = { ...p.fields, project_id: p.id, cost: String(p.cost) };
    return p.name === undefined ? row : { ...row, name: p.name };
  });
  const voteRows = data.votes.map((v) => {
    v.vote.forEach((id) => checkId(id, 'project id'));
    return { ...v.fields, voter_id: v.voterId, vote: v.vote.join(',') };
  });
  const hasNames = data.projects.some((p) => p.name !== undefined);
  const lines = [
    'META',
    writeRow(['key', 'value']),
    ...Object.entries(data.meta).map(([key, value]) => writeRow([key, value])),
    'PROJECTS',
    ...table(columns(['project_id', 'cost', ...(hasNames ? ['name'] : [])], projectRows), projectRows),
    'VOTES',
    ...table(columns(['voter_id', 'vote'], voteRows), voteRows),
  ];
  return lines.join('\n') + '\n';
}
