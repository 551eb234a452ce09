import { accountClaims, WELL_KNOWN_ACCOUNTS, type AccountClaims } from './accounts';
import { CURP_PATTERN, curpCheckDigit } from './curp';

function ageOn(birthdate: string, today: Date): number {
  const [year, month, day] = birthdate.split('-').map(Number) as [number, number, number];
  const hadBirthday =
    today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day);
  return today.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
}

function claimsOf(name: string, today?: Date): AccountClaims {
  const claims = accountClaims(name, today);
  if (!claims) throw new Error(`no account ${name}`);
  return claims;
}

describe('accountClaims', () => {
  it('offers every well-known account, named by its sub', () => {
    expect(WELL_KNOWN_ACCOUNTS).toEqual(
      expect.arrayContaining([
        'admin',
        'reviewer',
        'poll-officer',
        'auditor',
        'implementer',
        'moderator',
        'minor-1',
        'nonresident-1',
        'resident-centro-1',
        'resident-huajuco-1',
      ]),
    );
    for (const name of WELL_KNOWN_ACCOUNTS) {
      expect(claimsOf(name)).toMatchObject({ sub: name, name });
    }
  });

  it.each(['admin', 'reviewer', 'poll-officer', 'auditor', 'implementer', 'moderator'])(
    'makes %s an adult resident of centro',
    (name) => {
      const claims = claimsOf(name);
      expect(claims).toMatchObject({ district: 'centro', resident: true });
      expect(ageOn(claims.birthdate, new Date())).toBeGreaterThanOrEqual(18);
    },
  );

  it('makes nonresident-1 an adult with no district', () => {
    const claims = claimsOf('nonresident-1');
    expect(claims).toMatchObject({ district: null, resident: false });
    expect(ageOn(claims.birthdate, new Date())).toBeGreaterThanOrEqual(18);
  });

  it.each([
    ['resident-centro-1', 'centro'],
    ['resident-norponiente-42', 'norponiente'],
    ['resident-huajuco-100000', 'huajuco'],
    ['resident-distrito7-3', 'distrito7'],
  ])('synthesises %s as an adult resident of %s', (name, district) => {
    const claims = claimsOf(name);
    expect(claims).toMatchObject({ sub: name, district, resident: true });
    const age = ageOn(claims.birthdate, new Date());
    expect(age).toBeGreaterThanOrEqual(18);
    expect(age).toBeLessThanOrEqual(100);
  });

  it.each([
    '',
    'stranger',
    'Admin',
    'resident-centro-0',
    'resident-centro-01',
    'resident-Centro-1',
    'resident--1',
    'resident-centro',
    'resident-centro-1 ',
    'resident-san-pedro-1',
    'minor-2',
  ])('rejects the unknown name %j', (name) => {
    expect(accountClaims(name)).toBeUndefined();
  });

  it.each([
    new Date('2026-11-25T12:00:00Z'),
    new Date('2028-02-29T23:59:59Z'),
    new Date('2030-01-01T00:00:00Z'),
    new Date(),
  ])('keeps minor-1 fifteen years old on %s, in Monterrey as in UTC', (today) => {
    const claims = claimsOf('minor-1', today);
    const monterreyToday = new Date(today.getTime() - 6 * 3_600_000);
    expect(ageOn(claims.birthdate, today)).toBe(15);
    expect(ageOn(claims.birthdate, monterreyToday)).toBe(15);
    expect(claims).toMatchObject({ district: 'centro', resident: true });
  });

  it('gives the same claims for the same name', () => {
    const today = new Date('2027-06-01T00:00:00Z');
    for (const name of [...WELL_KNOWN_ACCOUNTS, 'resident-sur-77']) {
      expect(accountClaims(name, today)).toEqual(accountClaims(name, today));
    }
    expect(claimsOf('resident-sur-77', today)).toEqual(claimsOf('resident-sur-77', new Date('2031-01-01')));
  });

  it('writes birthdates as YYYY-MM-DD', () => {
    for (const name of [...WELL_KNOWN_ACCOUNTS, 'resident-norte-9']) {
      const { birthdate } = claimsOf(name);
      expect(birthdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${birthdate}T00:00:00Z`).toISOString().slice(0, 10)).toBe(birthdate);
    }
  });

  it('synthesises well-formed CURPs that agree with the birthdate, from Nuevo León but for the non-resident', () => {
    for (const name of [...WELL_KNOWN_ACCOUNTS, 'resident-poniente-5', 'resident-sur-12345']) {
      const { curp, birthdate } = claimsOf(name);
      expect(curp).toMatch(CURP_PATTERN);
      expect(curp.slice(4, 10)).toBe(birthdate.slice(2).replaceAll('-', ''));
      expect(curp.slice(11, 13)).toBe(name === 'nonresident-1' ? 'CL' : 'NL');
      expect(curp.slice(16, 17)).toMatch(Number(birthdate.slice(0, 4)) < 2000 ? /\d/ : /[A-Z]/);
      expect(curp.slice(17)).toBe(curpCheckDigit(curp.slice(0, 17)));
    }
  });

  it('gives distinct residents distinct CURPs, as the one-ballot-per-person rule needs', () => {
    const curps = new Set<string>();
    for (const district of ['centro', 'norte', 'sur']) {
      for (let n = 1; n <= 5000; n += 1) curps.add(claimsOf(`resident-${district}-${n}`).curp);
    }
    expect(curps.size).toBe(15000);
  });
});

describe('curpCheckDigit', () => {
  it('matches the check digit of a CURP issued by RENAPO', () => {
    expect(curpCheckDigit('HEGG560427MVZRRL0')).toBe('4');
  });
});
