import { inPersonCredential } from './schemas';
import { curpCheckDigit, curpProblems } from './curp';

// A CURP of someone born on 1 January 1990 in Nuevo León, a woman; its check digit is 0.
const curp = 'GOMA900101MNLRRR00';
const withDigit = (first17: string) => first17 + curpCheckDigit(first17);

describe('CURP', () => {
  it('accepts a well-formed CURP whose check digit, birthdate and sex agree', () => {
    expect(curpProblems(curp, '1990-01-01', 'M')).toEqual([]);
    expect(curpProblems(curp, '1990-01-01')).toEqual([]);
  });

  it('names the field of each disagreement', () => {
    expect(curpProblems('GOMA900101MNLRRR01', '1990-01-01')).toEqual([{ field: 'curp', reason: 'checkDigit' }]);
    expect(curpProblems(withDigit('GOMA900101MZZRRR0'), '1990-01-01')).toEqual([{ field: 'curp', reason: 'state' }]);
    expect(curpProblems(curp, '1990-01-02')).toEqual([{ field: 'birthdate', reason: 'birthdate' }]);
    expect(curpProblems(curp, '1990-01-01', 'H')).toEqual([{ field: 'sex', reason: 'sex' }]);
    expect(curpProblems('GOMA9001', '1990-01-01')).toEqual([{ field: 'curp', reason: 'format' }]);
  });

  it('reads the century from the 17th character: a digit before 2000, a letter from 2000 on', () => {
    expect(curpProblems(curp, '2090-01-01')).toEqual([{ field: 'birthdate', reason: 'birthdate' }]);
    const born2005 = withDigit('GOMA050101MNLRRRA');
    expect(curpProblems(born2005, '2005-01-01')).toEqual([]);
    expect(curpProblems(born2005, '1905-01-01')).toEqual([{ field: 'birthdate', reason: 'birthdate' }]);
  });

  it('is checked by the assisted-ballot credential, in capitals, with the field in the issue path', () => {
    expect(inPersonCredential.parse({ curp: ` ${curp.toLowerCase()} `, birthdate: '1990-01-01' })).toEqual({
      curp,
      birthdate: '1990-01-01',
    });
    const refused = inPersonCredential.safeParse({ curp: 'GOMA900101MNLRRR01', birthdate: '1990-01-02', sex: 'H' });
    expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['curp', 'birthdate', 'sex']);
    const badProof = inPersonCredential.safeParse({ curp, birthdate: '1990-01-01', residenceProof: 'passport' });
    expect(badProof.success).toBe(false);
  });
});
