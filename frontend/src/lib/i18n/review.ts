import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './i18n';

/**
 * Strings only the reviewers' screens use (the review queue, the assessment form), in their
 * own namespace so they load with those screens and not with the voting page, which has a
 * size budget (scripts/bundle-size.mjs).
 */
const reviewEs = {
  title: 'Propuestas por revisar',
  assessTitle: 'Dictaminar la propuesta',
  readProposal: 'Leer la propuesta completa',
  notReviewPhase: 'La edición no está en revisión técnica: el dictamen solo se puede registrar en esa fase.',
  count_one: '{{count}} propuesta por revisar',
  count: '{{count}} propuestas por revisar',
  empty: 'No quedan propuestas por revisar con este filtro.',
  proposal: 'Propuesta',
  submitted: 'Presentada',
  verdict: '¿Es viable? *',
  chooseVerdict: 'Elige viable o no viable.',
  finalCost: 'Costo final en pesos *',
  finalCostHint: 'El costo que se usará en la boleta. La estimación de quien la propuso: {{estimate}}.',
  reason: 'Razón pública *',
  reasonHint: 'Se publica junto a la propuesta. Explícala en palabras sencillas.',
  record: 'Registrar dictamen',
  recorded: 'Dictamen registrado',
  next: {
    feasible: 'La propuesta es viable y podrá recibir apoyos cuando empiece esa fase.',
    unfeasible: 'La propuesta no llegará a la boleta; la razón quedó publicada.',
  },
  backToQueue: 'Volver a la lista por revisar',
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

const reviewEn: Catalog<typeof reviewEs> = {
  title: 'Proposals to review',
  assessTitle: 'Assess the proposal',
  readProposal: 'Read the whole proposal',
  notReviewPhase: 'The edition is not in technical review: assessments can only be recorded in that phase.',
  count_one: '{{count}} proposal to review',
  count: '{{count}} proposals to review',
  empty: 'No proposals left to review with this filter.',
  proposal: 'Proposal',
  submitted: 'Submitted',
  verdict: 'Is it feasible? *',
  chooseVerdict: 'Choose feasible or not feasible.',
  finalCost: 'Final cost in pesos *',
  finalCostHint: 'The cost the ballot will use. The proposer’s estimate: {{estimate}}.',
  reason: 'Public reason *',
  reasonHint: 'Published with the proposal. Explain it in plain words.',
  record: 'Record assessment',
  recorded: 'Assessment recorded',
  next: {
    feasible: 'The proposal is feasible and can receive supports when that phase starts.',
    unfeasible: 'The proposal will not reach the ballot; the reason is published.',
  },
  backToQueue: 'Back to the review list',
};

const review: Record<Language, Catalog<typeof reviewEs>> = { es: reviewEs, en: reviewEn };

/** `t` for the review strings, adding them to this i18next instance the first time a reviewer's screen renders. */
export function useReviewT() {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES) {
    if (!i18n.hasResourceBundle(language, 'review')) i18n.addResourceBundle(language, 'review', review[language]);
  }
  return i18n.getFixedT(null, 'review');
}
