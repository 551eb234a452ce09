import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../lib/i18n/i18n';

/**
 * Strings of the works pages (the winners as they are built), in their own namespace so
 * they load with those pages and not with the voting page, which has a size budget
 * (scripts/bundle-size.mjs).
 */
const worksEs = {
  title: 'Seguimiento de obras',
  lead: 'Cada propuesta ganadora es una obra. Aquí se ve qué tanto avanza y cuánto se ha ejercido de lo asignado.',
  notYet: 'Las obras aparecen aquí cuando se publican los resultados.',
  none: 'Esta edición no tiene obras: ninguna propuesta resultó ganadora.',
  link: 'Seguimiento de las obras ganadoras',
  status: {
    planned: 'Planeada',
    design: 'En diseño',
    tendering: 'En licitación',
    in_progress: 'En obra',
    finished: 'Terminada',
    cancelled: 'Cancelada',
  },
  byStatus: 'Obras por estado',
  budgetTitle: 'Asignado y ejercido por distrito',
  budgetCaption: 'Presupuesto asignado a las obras y lo ejercido hasta ahora, por distrito',
  district: 'Distrito',
  works: 'Obras',
  awarded: 'Asignado',
  spent: 'Ejercido',
  listTitle: 'Las obras',
  progress: 'Avance',
  progressOf: 'Avance de {{title}}',
  figures: 'Asignado {{awarded}} · ejercido {{spent}}',
  expectedEnd: 'Fin previsto',
  department: 'Dependencia responsable',
  lastUpdate: 'Última actualización',
  never: 'Sin actualizaciones todavía',
  reason: 'Motivo público',
  proposal: 'Ver la propuesta',
  back: 'Todas las obras de la edición',
  openData: 'Datos abiertos',
  openDataLead: 'Una fila por obra, para reutilizar en hojas de cálculo o en tus propias herramientas.',
  downloadCsv: 'Obras en CSV',
  downloadJson: 'Obras en JSON',
  milestones: 'Hitos',
  noMilestones: 'Sin hitos registrados.',
  timeline: 'Historial de actualizaciones',
  noTimeline: 'La obra aún no tiene actualizaciones.',
  changed: {
    status: 'Estado: {{value}}',
    progress: 'Avance: {{value}}',
    spent: 'Ejercido: {{value}}',
    department: 'Dependencia: {{value}}',
    expectedEnd: 'Fin previsto: {{value}}',
    milestone: 'Hito: {{value}}',
  },
  notFound: 'No hay una obra con ese identificador en esta edición.',
  form: {
    title: 'Registrar una actualización',
    lead: 'Deja en blanco lo que no cambia. Todo lo que registres es público y queda en el registro de la edición.',
    status: 'Estado',
    unchanged: 'Sin cambio ({{current}})',
    progress: 'Avance en %',
    progressHint: 'Ahora: {{current}} %. Si baja, escribe el motivo.',
    spent: 'Ejercido hasta ahora, en pesos',
    spentHint: 'Ahora: {{current}} de {{awarded}} asignados. Si supera lo asignado, escribe el motivo.',
    department: 'Dependencia responsable',
    expectedEnd: 'Fecha prevista de término',
    milestone: 'Hito (opcional)',
    milestoneDate: 'Fecha del hito',
    milestoneTitle: 'Título del hito',
    milestoneDescription: 'Descripción del hito',
    reason: 'Motivo público',
    reasonHint: 'Obligatorio para cancelar, para bajar el avance o para ejercer más de lo asignado.',
    nothing: 'Cambia al menos un dato o agrega un hito.',
    submit: 'Registrar la actualización',
    recorded: 'Actualización registrada.',
  },
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

const worksEn: Catalog<typeof worksEs> = {
  title: 'Works tracking',
  lead: 'Every winning proposal becomes a work. See here how far each one has come and how much of its award has been spent.',
  notYet: 'The works show here once the results are published.',
  none: 'This edition has no works: no proposal won.',
  link: 'Follow the winning works',
  status: {
    planned: 'Planned',
    design: 'In design',
    tendering: 'Tendering',
    in_progress: 'Under construction',
    finished: 'Finished',
    cancelled: 'Cancelled',
  },
  byStatus: 'Works by status',
  budgetTitle: 'Awarded and spent per district',
  budgetCaption: 'Budget awarded to the works and spent so far, per district',
  district: 'District',
  works: 'Works',
  awarded: 'Awarded',
  spent: 'Spent',
  listTitle: 'The works',
  progress: 'Progress',
  progressOf: 'Progress of {{title}}',
  figures: 'Awarded {{awarded}} · spent {{spent}}',
  expectedEnd: 'Expected end',
  department: 'Responsible department',
  lastUpdate: 'Last update',
  never: 'No updates yet',
  reason: 'Public reason',
  proposal: 'See the proposal',
  back: 'All works of the edition',
  openData: 'Open data',
  openDataLead: 'One row per work, to reuse in spreadsheets or your own tools.',
  downloadCsv: 'Works as CSV',
  downloadJson: 'Works as JSON',
  milestones: 'Milestones',
  noMilestones: 'No milestones recorded.',
  timeline: 'Update history',
  noTimeline: 'The work has no updates yet.',
  changed: {
    status: 'Status: {{value}}',
    progress: 'Progress: {{value}}',
    spent: 'Spent: {{value}}',
    department: 'Department: {{value}}',
    expectedEnd: 'Expected end: {{value}}',
    milestone: 'Milestone: {{value}}',
  },
  notFound: 'There is no work with that id in this edition.',
  form: {
    title: 'Record an update',
    lead: 'Leave blank what does not change. Everything you record is public and goes into the edition’s record.',
    status: 'Status',
    unchanged: 'No change ({{current}})',
    progress: 'Progress in %',
    progressHint: 'Now: {{current}} %. If it goes down, write the reason.',
    spent: 'Spent so far, in pesos',
    spentHint: 'Now: {{current}} of {{awarded}} awarded. If it goes beyond the award, write the reason.',
    department: 'Responsible department',
    expectedEnd: 'Expected end date',
    milestone: 'Milestone (optional)',
    milestoneDate: 'Milestone date',
    milestoneTitle: 'Milestone title',
    milestoneDescription: 'Milestone description',
    reason: 'Public reason',
    reasonHint: 'Required to cancel, to lower progress or to spend beyond the award.',
    nothing: 'Change at least one item or add a milestone.',
    submit: 'Record the update',
    recorded: 'Update recorded.',
  },
};

const works: Record<Language, Catalog<typeof worksEs>> = { es: worksEs, en: worksEn };

/** `t` for the works strings, adding them to this i18next instance the first time a works page renders. */
export function useWorksT() {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES) {
    if (!i18n.hasResourceBundle(language, 'works')) i18n.addResourceBundle(language, 'works', works[language]);
  }
  return i18n.getFixedT(null, 'works');
}
