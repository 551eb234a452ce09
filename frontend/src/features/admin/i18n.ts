import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../lib/i18n/i18n';

/**
 * Strings of the edition forms (create and edit) and their calendar, in their own namespace
 * so they load with the admin screens and never with the voting page (scripts/bundle-size.mjs).
 */
const editionFormEs = {
  form: {
    pageTitle: 'Crear una edición',
    lead: 'La edición empieza en preparación; sus reglas quedan fijas cuando abra la votación.',
    title: 'Título *',
    description: 'Descripción',
    districts: 'Distritos',
    districtN: 'Distrito {{n}}',
    districtId: 'Identificador *',
    districtIdHint: 'Minúsculas sin espacios, por ejemplo «centro» o «san-bernabe».',
    districtIdFormat: 'Usa minúsculas, números y guiones, por ejemplo «centro».',
    districtName: 'Nombre *',
    districtBudget: 'Presupuesto en pesos *',
    addDistrict: 'Agregar otro distrito',
    removeDistrict: 'Quitar el distrito {{n}}',
    participation: 'Participación y propuestas',
    minAge: 'Edad mínima',
    proposalsPerResident: 'Propuestas por residente',
    minCost: 'Costo mínimo de una propuesta (pesos)',
    maxCost: 'Costo máximo de una propuesta (pesos)',
    supports: 'Apoyos',
    supportsEnabled: 'Hay fase de apoyos',
    supportsPerResident: 'Apoyos por residente',
    threshold: 'Apoyos necesarios para llegar a la boleta',
    ballot: 'Boleta y conteo',
    method: 'Tipo de boleta',
    knapsack: 'Por presupuesto (lo que quepa en el presupuesto del distrito)',
    approval: 'Por aprobación (hasta cierto número de propuestas)',
    maxSelections: 'Máximo de propuestas por boleta',
    maxSelectionsRequired: 'Obligatorio en la boleta por aprobación.',
    revoting: 'Se puede cambiar el voto mientras la votación siga abierta',
    counting: 'Regla de conteo',
    create: 'Crear la edición',
    created: 'Edición creada',
    next: 'Está en preparación. Cuando quieras abrir la recepción de propuestas, avánzala desde administración.',
    seeEdition: 'Ver la edición',
  },
  pool: {
    legend: 'Fondo para toda la ciudad',
    enabled: 'Hay un fondo para obras de toda la ciudad, que cada residente vota además de su distrito',
    id: 'Identificador del fondo *',
    name: 'Nombre del fondo *',
    budget: 'Presupuesto del fondo en pesos *',
  },
  ballot: {
    minSelections: 'Mínimo de propuestas por boleta',
    minSpendShare: 'Gasto mínimo de la boleta (% del presupuesto del distrito)',
    minSpendShareHint: '0 si una boleta puede gastar lo que quiera, hasta el presupuesto.',
    minSpendShareRange: 'Escribe un porcentaje entre 0 y 100.',
    completion: 'Con el presupuesto que sobre',
    add1: 'Sumar un peso a la vez a cada persona (add1, como publicaron Wieliczka y Aarau)',
    add1Greedy: 'Sumar un peso a la vez y luego seguir por votos (add1-greedy)',
    utility: 'Qué gana cada persona con una propuesta',
    utilityCost: 'Su costo (cada peso cuenta)',
    utilityCardinality: 'Una unidad por propuesta',
  },
  calendar: {
    legend: 'Calendario',
    lead: 'Cada fase termina sola a su hora de fin, y entonces empieza la siguiente. Deja en blanco lo que no quieras programar; siempre puedes avanzar antes desde administración.',
    phase: 'Fase «{{phase}}»',
    startsAt: 'Empieza',
    endsAt: 'Termina',
    bothOrNeither: 'Escribe el inicio y el fin, o deja ambos en blanco.',
    endsBeforeStarts: 'Una fase termina después de empezar.',
    overlaps: 'Empieza antes de que termine la fase anterior.',
    reason: 'Motivo público del cambio de calendario',
    reasonHint: 'Obligatorio una vez abierta la votación; se publica en el registro de la edición.',
  },
  edit: {
    link: 'Editar «{{title}}»',
    pageTitle: 'Editar la edición',
    lead: 'Cambia lo que la fase actual todavía permite. Cada cambio queda en el registro público.',
    detailsFrozen: 'El título, la descripción y los distritos ya no cambian: la fase de propuestas cerró.',
    rulesFrozen: 'Las reglas quedaron fijas al abrir la votación; el calendario todavía puede moverse, con un motivo.',
    save: 'Guardar los cambios',
    saved: 'Cambios guardados.',
    phaseEnds: 'Esta fase termina sola el {{date}}; puedes avanzar antes o extenderla en «Editar».',
  },
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

const editionFormEn: Catalog<typeof editionFormEs> = {
  form: {
    pageTitle: 'Create an edition',
    lead: 'The edition starts as being prepared; its rules are frozen when voting opens.',
    title: 'Title *',
    description: 'Description',
    districts: 'Districts',
    districtN: 'District {{n}}',
    districtId: 'Identifier *',
    districtIdHint: 'Lowercase without spaces, for example “centro” or “san-bernabe”.',
    districtIdFormat: 'Use lowercase letters, digits and hyphens, for example “centro”.',
    districtName: 'Name *',
    districtBudget: 'Budget in pesos *',
    addDistrict: 'Add another district',
    removeDistrict: 'Remove district {{n}}',
    participation: 'Participation and proposals',
    minAge: 'Minimum age',
    proposalsPerResident: 'Proposals per resident',
    minCost: 'Least a proposal may cost (pesos)',
    maxCost: 'Most a proposal may cost (pesos)',
    supports: 'Supports',
    supportsEnabled: 'There is a supports phase',
    supportsPerResident: 'Supports per resident',
    threshold: 'Supports needed to reach the ballot',
    ballot: 'Ballot and counting',
    method: 'Ballot type',
    knapsack: 'By budget (whatever fits the district’s budget)',
    approval: 'By approval (up to a number of proposals)',
    maxSelections: 'Most proposals per ballot',
    maxSelectionsRequired: 'Required for approval ballots.',
    revoting: 'Votes can be changed while voting is open',
    counting: 'Counting rule',
    create: 'Create the edition',
    created: 'Edition created',
    next: 'It is being prepared. When you want to open proposals, advance it from administration.',
    seeEdition: 'See the edition',
  },
  pool: {
    legend: 'Citywide pool',
    enabled:
      'There is a pool for works that serve the whole city, which every resident votes on besides their district',
    id: 'Pool identifier *',
    name: 'Pool name *',
    budget: 'Pool budget in pesos *',
  },
  ballot: {
    minSelections: 'Minimum proposals per ballot',
    minSpendShare: "Minimum spend of a ballot (% of the district's budget)",
    minSpendShareHint: '0 if a ballot may spend as little as it likes, up to the budget.',
    minSpendShareRange: 'Type a percentage between 0 and 100.',
    completion: 'With the budget left over',
    add1: 'Add one peso at a time to each person (add1, as Wieliczka and Aarau published)',
    add1Greedy: 'Add one peso at a time, then go on by votes (add1-greedy)',
    utility: 'What each person gains from a proposal',
    utilityCost: 'Its cost (every peso counts)',
    utilityCardinality: 'One unit per proposal',
  },
  calendar: {
    legend: 'Calendar',
    lead: 'Each phase ends by itself at its end time, and the next one starts then. Leave blank what you do not want to schedule; you can always advance early from the admin page.',
    phase: '“{{phase}}” phase',
    startsAt: 'Starts',
    endsAt: 'Ends',
    bothOrNeither: 'Type both the start and the end, or leave both blank.',
    endsBeforeStarts: 'A phase ends after it starts.',
    overlaps: 'Starts before the previous phase ends.',
    reason: 'Public reason for the calendar change',
    reasonHint: "Required once voting has opened; published in the edition's record.",
  },
  edit: {
    link: 'Edit “{{title}}”',
    pageTitle: 'Edit the edition',
    lead: 'Change what the current phase still allows. Every change goes into the public record.',
    detailsFrozen: 'The title, description and districts no longer change: the proposals phase has closed.',
    rulesFrozen: 'The rules were fixed when voting opened; the calendar can still move, with a reason.',
    save: 'Save the changes',
    saved: 'Changes saved.',
    phaseEnds: 'This phase ends by itself on {{date}}; you can advance early, or extend it under “Edit”.',
  },
};

const catalogs: Record<Language, Catalog<typeof editionFormEs>> = { es: editionFormEs, en: editionFormEn };

/** `t` for the edition form's strings, adding them to this i18next instance the first time the form renders. */
export function useEditionFormT() {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES) {
    if (!i18n.hasResourceBundle(language, 'editionForm')) {
      i18n.addResourceBundle(language, 'editionForm', catalogs[language]);
    }
  }
  return i18n.getFixedT(null, 'editionForm');
}
