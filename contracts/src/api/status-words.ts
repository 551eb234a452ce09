/**
 * A proposal's and a work's status as a resident reads it in a sentence ("now it is …"),
 * per language: the notification e-mails (backend) and the notification centre (SPA) say
 * the same words.
 */
export const statusWords = {
  es: {
    proposal: {
      submitted: 'presentada',
      withdrawn: 'retirada',
      feasible: 'viable',
      unfeasible: 'no viable',
      'on-ballot': 'en la boleta',
      'off-ballot': 'fuera de la boleta',
      selected: 'seleccionada',
      'not-selected': 'no seleccionada',
    } as Record<string, string>,
    work: {
      planned: 'planeada',
      design: 'en diseño',
      tendering: 'en licitación',
      in_progress: 'en obra',
      finished: 'terminada',
      cancelled: 'cancelada',
    } as Record<string, string>,
  },
  en: {
    proposal: {
      submitted: 'submitted',
      withdrawn: 'withdrawn',
      feasible: 'feasible',
      unfeasible: 'not feasible',
      'on-ballot': 'on the ballot',
      'off-ballot': 'off the ballot',
      selected: 'selected',
      'not-selected': 'not selected',
    } as Record<string, string>,
    work: {
      planned: 'planned',
      design: 'in design',
      tendering: 'out to tender',
      in_progress: 'under way',
      finished: 'finished',
      cancelled: 'cancelled',
    } as Record<string, string>,
  },
};
