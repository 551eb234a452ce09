import fc from 'fast-check';
import { StringTable } from './string-table';

describe('StringTable', () => {
  it('numbers each distinct string once, in the order added, like a Map', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', 'a', 'é', '€'))),
        (keys) => {
          const table = new StringTable();
          const reference = new Map<string, number>();
          for (const key of keys) {
            if (!reference.has(key)) reference.set(key, reference.size);
            expect(table.add(key)).toBe(reference.get(key));
          }
          expect(table.size).toBe(reference.size);
          for (const key of keys) expect(table.find(key)).toBe(reference.get(key));
          for (const [key, number] of reference) expect(table.key(number)).toBe(key);
          expect(table.find('never added \u0000 €')).toBe(reference.get('never added \u0000 €') ?? -1);
        },
      ),
    );
  });

  it('grows past its first buffers', () => {
    const table = new StringTable();
    for (let i = 0; i < 20_000; i++)
      expect(table.add(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)).toBe(i);
    for (let i = 0; i < 20_000; i += 97)
      expect(table.find(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)).toBe(i);
    expect(table.find('00000000-0000-4000-8000-1000000000000')).toBe(-1);
  });
});
