import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './i18n';

/**
 * Strings only the results page uses (per district and the citywide pool, channels, open
 * data), in their own namespace so they load with that page and not with the voting page,
 * which has a size budget (scripts/bundle-size.mjs).
 */
const resultsEs = {
  title: 'Resultados',
  notYet: 'Los resultados se publican al terminar el conteo.',
  notYetOn: 'Los resultados se publican el {{date}}.',
  summary_one: '{{ballots}} boleta contada. {{rule}}',
  summary: '{{ballots}} boletas contadas. {{rule}}',
  spent: 'Se asignan {{spent}} de {{budget}}.',
  voters_one: '{{formatted}} persona votó.',
  voters: '{{formatted}} personas votaron.',
  winners_one: 'Propuesta ganadora',
  winners: 'Propuestas ganadoras',
  noWinners: 'Ninguna propuesta resultó ganadora aquí.',
  citywide: 'Presupuesto para toda la ciudad: cada residente votó en él además de en su distrito.',
  winnerFigures_one: '{{votes}} voto · {{cost}}',
  winnerFigures: '{{votes}} votos · {{cost}}',
  tableCaption: 'Votos y costo de cada propuesta de {{district}}',
  proposal: 'Propuesta',
  votes: 'Votos',
  cost: 'Costo',
  outcome: 'Resultado',
  selected: 'Ganadora',
  notSelected: 'No ganó',
  treeHead:
    'Estos resultados se apoyan en el registro firmado el {{when}}, al cerrar la votación, con {{size}} eventos.',
  channelsTitle: 'Cómo llegaron los votos',
  channels: 'En línea: {{online}}. En persona en una mesa: {{assisted}}.',
  boothsCaption: 'Votos contados en cada mesa',
  booth: 'Mesa',
  boothDistrict: 'Distrito',
  boothBallots: 'Votos',
  treeHeadTitle: 'El registro firmado',
  treeHeadRoot: 'Raíz del registro',
  checkIt: 'Comprobarlo en la página de auditoría',
  openData: 'Datos abiertos',
  openDataLead: 'Descarga los resultados y el registro completo para revisarlos o reutilizarlos.',
  downloadCsv: 'Resultados en CSV (hoja de cálculo)',
  downloadJson: 'Resultados en JSON',
  downloadPabulib: 'Boletas y proyectos de {{name}} en formato pabulib (.pb)',
  downloadLog: 'Registro público de eventos (JSON Lines)',
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

const resultsEn: Catalog<typeof resultsEs> = {
  title: 'Results',
  notYet: 'Results are published when counting ends.',
  notYetOn: 'Results are published on {{date}}.',
  summary_one: '{{ballots}} ballot counted. {{rule}}',
  summary: '{{ballots}} ballots counted. {{rule}}',
  spent: '{{spent}} of {{budget}} allocated.',
  voters_one: '{{formatted}} person voted.',
  voters: '{{formatted}} people voted.',
  winners_one: 'Winning proposal',
  winners: 'Winning proposals',
  noWinners: 'No proposal won here.',
  citywide: 'Budget for the whole city: every resident voted on it besides their district.',
  winnerFigures_one: '{{votes}} vote · {{cost}}',
  winnerFigures: '{{votes}} votes · {{cost}}',
  tableCaption: 'Votes and cost of each proposal in {{district}}',
  proposal: 'Proposal',
  votes: 'Votes',
  cost: 'Cost',
  outcome: 'Outcome',
  selected: 'Winner',
  notSelected: 'Not selected',
  treeHead: 'These results rest on the record signed on {{when}}, when voting closed, with {{size}} events.',
  channelsTitle: 'How the votes arrived',
  channels: 'Online: {{online}}. In person at a booth: {{assisted}}.',
  boothsCaption: 'Votes counted at each booth',
  booth: 'Booth',
  boothDistrict: 'District',
  boothBallots: 'Votes',
  treeHeadTitle: 'The signed record',
  treeHeadRoot: 'Root of the record',
  checkIt: 'Check it on the audit page',
  openData: 'Open data',
  openDataLead: 'Download the results and the whole record to check or reuse them.',
  downloadCsv: 'Results as CSV (spreadsheet)',
  downloadJson: 'Results as JSON',
  downloadPabulib: 'Ballots and projects of {{name}} in pabulib format (.pb)',
  downloadLog: 'Public event log (JSON Lines)',
};

const results: Record<Language, Catalog<typeof resultsEs>> = { es: resultsEs, en: resultsEn };

/** `t` for the results strings, adding them to this i18next instance the first time the results page renders. */
export function useResultsT() {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES) {
    if (!i18n.hasResourceBundle(language, 'results')) i18n.addResourceBundle(language, 'results', results[language]);
  }
  return i18n.getFixedT(null, 'results');
}
