import { parseJsonLines } from './json-lines';

describe('reading an export as JSON Lines', () => {
  it('gives one value per line, skips blank lines, and keeps a broken line as text for the verifier to name', () => {
    expect(parseJsonLines('{"a":1}\n\n{"b":2}\nnot json\n')).toEqual([{ a: 1 }, { b: 2 }, 'not json']);
  });
});
