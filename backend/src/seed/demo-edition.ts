import { Logger } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { accountClaims } from '@decidimos/infra';
import { CONFIG, type Config } from '../config/config';
import type { Caller } from '../http/access';
import { Profiles } from '../identity/profiles';
import { staffPseudonym } from '../identity/pseudonyms';
import { AdvancePhase } from '../editions/commands/advance-phase';
import { DraftEdition } from '../editions/commands/draft-edition';
import { EditionsReadModel } from '../editions/editions.read-model';
import { SubmitProposal } from '../proposals/commands/submit-proposal';

export const DEMO_DISTRICTS = [
  { id: 'centro', name: 'Centro', budget: 8_000_000 },
  { id: 'norte', name: 'Norte', budget: 7_000_000 },
  { id: 'norponiente', name: 'Norponiente', budget: 7_500_000 },
  { id: 'poniente', name: 'Poniente', budget: 6_500_000 },
  { id: 'sur', name: 'Sur', budget: 6_000_000 },
  { id: 'huajuco', name: 'Huajuco', budget: 5_000_000 },
];

/** The demo's citywide pool: projects for the whole city, voted on by every resident beside their district's. */
export const DEMO_CITYWIDE_POOL = { id: 'ciudad', name: 'Toda la ciudad', budget: 12_000_000 };

const DEMO_PROPOSALS: {
  district: string;
  title: string;
  description: string;
  estimatedCost: number;
  category: string;
  location: string;
}[] = [
  {
    district: 'centro',
    title: 'Luminarias LED en la Macroplaza',
    description:
      'Sustituir las luminarias de sodio del corredor peatonal por LED de bajo consumo para mejorar la seguridad nocturna.',
    estimatedCost: 1_800_000,
    category: 'alumbrado',
    location: 'Macroplaza, entre Zaragoza y Zuazua',
  },
  {
    district: 'centro',
    title: 'Rampas y banquetas accesibles en el Barrio Antiguo',
    description:
      'Construir rampas con pendiente adecuada y nivelar banquetas para personas con discapacidad y carriolas.',
    estimatedCost: 2_400_000,
    category: 'movilidad',
    location: 'Barrio Antiguo',
  },
  {
    district: 'norte',
    title: 'Rehabilitación de la cancha de la colonia Topo Chico',
    description:
      'Nueva superficie, tableros, gradas con sombra y alumbrado para la cancha de usos múltiples del barrio.',
    estimatedCost: 1_200_000,
    category: 'deporte',
    location: 'Colonia Topo Chico',
  },
  {
    district: 'norte',
    title: 'Cruces seguros frente a escuelas primarias',
    description: 'Pasos peatonales elevados y señalización en los accesos de tres escuelas primarias de la zona norte.',
    estimatedCost: 950_000,
    category: 'movilidad',
    location: 'Av. Bernardo Reyes',
  },
  {
    district: 'norponiente',
    title: 'Parque lineal en el arroyo Topo Chico',
    description: 'Andador, reforestación con especies nativas y bancas a lo largo de dos kilómetros del arroyo.',
    estimatedCost: 3_500_000,
    category: 'medio ambiente',
    location: 'Arroyo Topo Chico, tramo San Bernabé',
  },
  {
    district: 'norponiente',
    title: 'Techumbre para el patio de la secundaria de San Bernabé',
    description: 'Estructura metálica que dé sombra al patio donde se hacen honores y educación física.',
    estimatedCost: 1_100_000,
    category: 'educación',
    location: 'Colonia San Bernabé',
  },
  {
    district: 'poniente',
    title: 'Ciclovía en Paseo de los Leones',
    description: 'Carril confinado para bicicletas con bolardos y señalización, conectado con la ruta de transporte.',
    estimatedCost: 2_900_000,
    category: 'movilidad',
    location: 'Paseo de los Leones',
  },
  {
    district: 'poniente',
    title: 'Huertos comunitarios en Cumbres',
    description: 'Tres huertos urbanos con riego por goteo y talleres para vecinas y vecinos.',
    estimatedCost: 600_000,
    category: 'medio ambiente',
    location: 'Cumbres 1er sector',
  },
  {
    district: 'sur',
    title: 'Alumbrado en la subida a la colonia Independencia',
    description: 'Postes solares en las escalinatas y calles empinadas que hoy quedan a oscuras.',
    estimatedCost: 1_400_000,
    category: 'alumbrado',
    location: 'Colonia Independencia',
  },
  {
    district: 'sur',
    title: 'Centro comunitario para adultos mayores',
    description: 'Adecuar un inmueble municipal como estancia de día con rampas, baños accesibles y mobiliario.',
    estimatedCost: 2_200_000,
    category: 'desarrollo social',
    location: 'Colonia Roma',
  },
  {
    district: 'huajuco',
    title: 'Banquetas en la Carretera Nacional',
    description: 'Banqueta continua y segura entre las paradas de transporte y los fraccionamientos del Huajuco.',
    estimatedCost: 2_600_000,
    category: 'movilidad',
    location: 'Carretera Nacional, km 263',
  },
  {
    district: 'huajuco',
    title: 'Reforestación del cauce del río La Silla',
    description: 'Plantación de sabinos y encinos y limpieza del cauce con brigadas vecinales.',
    estimatedCost: 800_000,
    category: 'medio ambiente',
    location: 'Río La Silla',
  },
  {
    district: DEMO_CITYWIDE_POOL.id,
    title: 'Red de ciclovías que conecte los seis distritos',
    description:
      'Ciclovías protegidas y continuas entre los distritos, con biciestacionamientos en las estaciones del metro.',
    estimatedCost: 4_500_000,
    category: 'movilidad',
    location: 'Toda la ciudad',
  },
  {
    district: DEMO_CITYWIDE_POOL.id,
    title: 'Bebederos de agua potable en parques públicos',
    description: 'Bebederos con filtro en los parques más visitados de cada distrito, para los días de calor extremo.',
    estimatedCost: 1_600_000,
    category: 'salud',
    location: 'Parques de la ciudad',
  },
];

function callerFor(account: string, config: Config, roles: Caller['roles'] = []): Caller {
  const claims = accountClaims(account);
  if (!claims) throw new Error(`unknown demo account ${account}`);
  return {
    session: {
      id: `seed-${account}`,
      subject: claims.sub,
      displayName: claims.name,
      curp: claims.curp,
      birthdate: claims.birthdate,
      district: claims.district,
      resident: claims.resident,
      csrfToken: '',
      expiresAt: 0,
    },
    roles,
    staff: staffPseudonym(config.voterKey, claims.sub),
  };
}

/**
 * Seeds the demo edition (Monterrey's six districts and a citywide pool, fourteen proposals, open for
 * proposals) unless an edition already exists. Runs through the same commands as the API.
 */
export async function seedDemoEdition(app: INestApplication): Promise<string | null> {
  const editions = app.get(EditionsReadModel);
  if ((await editions.list()).length > 0) return null;
  const config = app.get<Config>(CONFIG);
  const commands = app.get(CommandBus);
  const profiles = app.get(Profiles);
  const admin = callerFor('admin', config, ['admin']);
  const { id } = await commands.execute(
    new DraftEdition(
      {
        title: 'Presupuesto Participativo Monterrey 2027 (demostración)',
        description:
          'Edición de demostración: propone obras para tu distrito, apóyalas y vota dentro del presupuesto. Los datos se reinician al borrar la carpeta de datos.',
        districts: DEMO_DISTRICTS,
        citywidePool: DEMO_CITYWIDE_POOL,
        rules: {
          minAge: 16,
          proposals: { perResident: 3, minCost: 100_000, maxCost: 5_000_000 },
          supports: { enabled: true, perResident: 5, threshold: 2 },
          ballot: { method: 'knapsack', maxSelections: null, minSelections: 0, minSpendShare: 0, revoting: true },
          counting: { rule: 'greedy', completion: 'add1', utility: 'cost' },
        },
        calendar: [],
      },
      admin.staff,
    ),
  );
  await commands.execute(new AdvancePhase(id, 'proposals', admin.staff));
  for (const [index, proposal] of DEMO_PROPOSALS.entries()) {
    const { district, ...content } = proposal;
    // Residents of any district propose for the whole city: a third resident of Centro here.
    const account =
      district === DEMO_CITYWIDE_POOL.id ? 'resident-centro-3' : `resident-${district}-${(index % 2) + 1}`;
    const author = callerFor(account, config);
    // A display name is a profile the resident sets (and may erase), never part of the proposal.
    await profiles.setDisplayName(author.session.subject, `Vecina/o de ${district}`);
    await commands.execute(new SubmitProposal(id, { ...content, district }, author));
  }
  new Logger('Seed').log(`demo edition ${id} seeded with ${DEMO_PROPOSALS.length} proposals`);
  return id;
}
