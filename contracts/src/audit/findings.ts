/**
 * What `verify` can find wrong with an edition: a stable machine code per kind of
 * disagreement, its parameters, and its messages in Spanish and English as i18next
 * resources (namespace `findings`), as problems.ts does for problem responses. The CLI
 * prints the code and the message; the SPA shows the message in the reader's language;
 * scripts and tests match on the code.
 */
export type FindingParams = Record<string, string | number>;

export interface Finding {
  code: FindingCode;
  /** Named values the messages interpolate (ids, sizes, counts): never localized themselves. */
  params: FindingParams;
}

type Messages = Record<string, string>;

const en = {
  // The export as a log.
  EVENT_NOT_OBJECT: 'event #{{line}}: not a JSON object',
  EVENT_MISSING_FIELDS: 'event #{{line}}: lacks {{fields}}',
  EVENT_EXTRA_FIELDS: 'event #{{line}}: has fields an export does not carry: {{fields}}',
  EVENT_MALFORMED_FIELDS: 'event #{{line}}: malformed {{fields}}',
  EVENT_NOT_IN_CATALOG: 'event {{event}}: {{reason}}',
  EVENT_DUPLICATE_ID: 'event {{event}}: appears twice',
  EVENT_REVISION_GAP: 'event {{event}}: revision {{revision}} of stream {{stream}} where {{expected}} was due',
  EVENT_ADDED: 'event {{event}} ({{type}}): added; tree head {{head}} matches the log without it',
  EVENT_WITHOUT_HEAD: 'event {{event}} ({{reason}}): no signed tree head',
  // Tree heads.
  HEAD_WRONG_KEY: "tree head {{head}}: signed with key {{key}}, not the edition's key {{editionKey}}",
  HEAD_BAD_SIGNATURE: 'tree head {{head}}: bad signature',
  HEAD_ROOT_MISMATCH: 'tree head {{head}}: root mismatch',
  HEAD_BEYOND_EXPORT: 'tree head {{head}}: signs {{size}} events but {{preceding}} precede it in the export',
  HEAD_WRONG_REASON: 'tree head {{head}}: signed for "{{reason}}" but event #{{size}} is not that',
  HEADS_NOT_GROWING: 'tree heads {{from}} → {{to}}: the log shrank or stood still ({{fromSize}} → {{toSize}} events)',
  CONSISTENCY_PROOF_MISSING: 'tree heads {{from}} → {{to}}: no consistency proof published',
  CONSISTENCY_PROOF_FAILS: 'tree heads {{from}} → {{to}}: inconsistent (the consistency proof fails)',
  PUBLISHED_KEY_MISMATCH: 'tree heads: published with key {{published}}, not the key given ({{given}})',
  PUBLISHED_OTHER_EDITION: 'tree heads: published for edition {{published}}, the log is of {{edition}}',
  PUBLISHED_HEAD_NOT_IN_LOG: 'published tree head of size {{size}}: not in the log',
  HEAD_DIFFERS_FROM_PUBLISHED: 'tree head {{head}}: differs from the published one',
  HEAD_NOT_PUBLISHED: 'tree head {{head}}: not published',
  EARLIER_HEAD_MISSING: 'tree head of {{size}} events saved earlier ({{reason}}): not in the log any more',
  EARLIER_HEAD_CHANGED: 'tree head of {{size}} events saved earlier ({{reason}}): tree head {{head}} now differs',
  // The edition's rules.
  LOG_NOT_DRAFTED_FIRST: 'the log does not begin with EditionDrafted',
  EVENT_OTHER_EDITION: 'event {{event}}: belongs to edition {{edition}}',
  SECOND_EDITION_DRAFTED: 'event {{event}}: a second EditionDrafted',
  PHASE_OUT_OF_ORDER: 'event {{event}}: phase change {{from}} → {{to}} while in {{phase}}',
  DETAILS_EDITED_WHEN_FROZEN:
    'event {{event}}: edits the title, description or districts in the {{phase}} phase, after proposals closed',
  RULES_EDITED_AFTER_FREEZE: 'event {{event}}: edits the rules in the {{phase}} phase, after voting opened',
  DISTRICT_REMOVED_WITH_PROPOSALS: 'event {{event}}: removes district {{district}}, which has proposals',
  CALENDAR_MOVED_WITHOUT_REASON: 'event {{event}}: moves the calendar in the {{phase}} phase without a public reason',
  CALENDAR_ADVANCE_EARLY: 'event {{event}}: the calendar ended the {{phase}} phase at {{at}}, but it said {{end}}',
  ASSESSMENT_OF_UNKNOWN_PROPOSAL: 'event {{event}}: assesses proposal {{proposalId}}, never submitted',
  SUPPORT_OUTSIDE_PHASE: 'event {{event}}: a support outside the supports phase',
  SUPPORT_UNKNOWN_BOOTH: 'event {{event}}: a support recorded at booth {{booth}}, which the log never defined',
  SUPPORT_BOOTH_OTHER_DISTRICT:
    'event {{event}}: a support recorded at booth {{booth}} of {{district}} for a proposal of {{proposalDistrict}}',
  SUPPORT_ONLINE_AT_BOOTH: 'event {{event}}: a support given online that names booth {{booth}}',
  SECOND_TALLY: 'event {{event}}: a second TallyComputed',
  ON_BALLOT_NOT_SUBMITTED: 'proposal {{proposalId}}: on the {{district}} ballot but never submitted',
  ON_BALLOT_OTHER_DISTRICT:
    'proposal {{proposalId}}: on the {{district}} ballot but submitted for {{proposalDistrict}}',
  ON_BALLOT_WITHDRAWN: 'proposal {{proposalId}}: on the {{district}} ballot but withdrawn',
  ON_BALLOT_NOT_FEASIBLE: 'proposal {{proposalId}}: on the {{district}} ballot without a feasible assessment',
  ON_BALLOT_OTHER_COST:
    'proposal {{proposalId}}: on the {{district}} ballot at {{cost}} pesos, assessed at {{assessed}}',
  ON_BALLOT_UNDER_THRESHOLD:
    'proposal {{proposalId}}: on the {{district}} ballot with supports: {{supports}}, below the threshold of {{threshold}}',
  MISSING_FROM_BALLOT:
    'proposal {{proposalId}}: assessed feasible and supported enough, but missing from the {{district}} ballot',
  // Ballots.
  BALLOT_OUTSIDE_VOTING: 'ballot {{ballot}}: cast in the {{phase}} phase',
  BALLOT_IN_SEVERAL_STREAMS: 'ballot {{ballot}}: voter {{voter}}… has ballots in {{streams}} streams',
  BALLOT_REVOTE_NOT_ALLOWED: 'ballot {{ballot}}: a second ballot by voter {{voter}}…, and revoting is off',
  BALLOT_UNKNOWN_DISTRICT: 'ballot {{ballot}}: district {{district}} is not in the edition',
  BALLOT_OVER_BUDGET: 'ballot {{ballot}}: over the {{district}} budget ({{total}} > {{budget}})',
  BALLOT_NOT_ON_BALLOT: 'ballot {{ballot}}: selects {{proposalId}}, which is not on the {{district}} ballot',
  BALLOT_DUPLICATE_SELECTION: 'ballot {{ballot}}: selects {{proposalId}} twice',
  BALLOT_TOO_MANY: 'ballot {{ballot}}: too many selections on the {{district}} ballot ({{count}} > {{max}})',
  BALLOT_TOO_FEW: 'ballot {{ballot}}: too few selections on the {{district}} ballot ({{count}} < {{min}})',
  BALLOT_UNDER_MINIMUM_SPEND: 'ballot {{ballot}}: under the minimum spend of {{district}} ({{total}} < {{minimum}})',
  // Openings (published when voting closes): each counted ballot's selections and salt.
  OPENINGS_WHILE_VOTING: 'openings: given while voting is still open, when every ballot must stay sealed',
  OPENINGS_MISSING: 'openings: voting has closed, but none were given for the {{ballots}} ballots that count',
  OPENING_MALFORMED: 'opening #{{line}}: not an opening ({{reason}})',
  OPENING_DUPLICATE: 'opening of ballot {{ballot}}: given twice',
  OPENING_NOT_COUNTED:
    'opening of ballot {{ballot}}: that ballot does not count (replaced by a later one, or cast after voting closed), and is never opened',
  OPENING_UNKNOWN_BALLOT: 'opening of ballot {{ballot}}: no such ballot in the log',
  OPENING_MISSING: 'ballot {{ballot}}: counts (the last of its voter before voting closed), but has no opening',
  OPENING_MISMATCH: 'ballot {{ballot}}: its opening does not match its commitment (selections or salt changed)',
  // Moderation, and the proposals' texts (texts.jsonl): each text against its commitment.
  MODERATION_OF_UNKNOWN_PROPOSAL: 'event {{event}}: moderates proposal {{proposalId}}, never submitted',
  HIDDEN_ON_BALLOT: 'event {{event}}: hides proposal {{proposalId}}, which is on the ballot',
  ON_BALLOT_HIDDEN: 'proposal {{proposalId}}: on the {{district}} ballot while hidden by moderation',
  TEXT_MALFORMED: 'text #{{line}}: not a text line ({{reason}})',
  TEXT_UNKNOWN: 'text #{{line}}: proposal {{proposalId}}, {{field}}: no such commitment in the log',
  TEXT_DUPLICATE: 'text #{{line}}: proposal {{proposalId}}, {{field}}: given twice',
  TEXT_MISMATCH:
    'text #{{line}}: proposal {{proposalId}}, {{field}}: the text and salt do not match the commitment in the log',
  TEXT_REDACTION_UNRECORDED:
    'text #{{line}}: proposal {{proposalId}}, {{field}}: withheld as redacted, but no ProposalRedacted event erased it',
  TEXT_MISSING: 'proposal {{proposalId}}, {{field}}: committed in event {{event}}, but texts.jsonl has no line for it',
  // The tally and the results. `source` is TallyComputed or results.json: names, not words.
  TALLY_WRONG_HEAD:
    'TallyComputed: names tree head (size {{size}}, root {{root}}…), not the head signed when voting closed',
  TALLY_WRONG_RULE: "TallyComputed: counted by {{rule}}, but the edition's rule is {{expected}}",
  TALLY_MISSING: 'results were published without a TallyComputed event',
  RESULTS_MALFORMED: 'results.json: not a results document',
  RESULTS_BEFORE_CLOSE: 'results.json: published, but voting never closed in the log',
  RESULTS_WRONG_HEAD: 'results.json: rest on a tree head other than the one signed when voting closed',
  BALLOT_COUNT_DIFFERS: '{{source}}: {{published}} ballots published, the re-count finds {{recount}}',
  DISTRICT_MISSING: '{{source}}: district {{district}} missing',
  WINNERS_DIFFER:
    '{{source}}, district {{district}}: published winners [{{published}}], the re-count selects [{{recount}}]',
  SPENDING_DIFFERS: '{{source}}, district {{district}}: published spending {{published}}, the re-count {{recount}}',
  VOTERS_DIFFER: '{{source}}, district {{district}}: voters published {{published}}, the re-count {{recount}}',
  VOTES_DIFFER:
    '{{source}}, district {{district}}: votes for proposal {{proposalId}}: published {{published}}, the re-count {{recount}}',
  // Works: the winners as they are built.
  WORK_UPDATE_BEFORE_RESULTS: 'event {{event}}: updates work {{workId}} before the results were published',
  WORK_UPDATE_NOT_A_WORK: 'event {{event}}: updates {{workId}}, which is not a proposal the tally selected',
  WORK_UPDATE_BREAKS_RULE: 'event {{event}}: an update of work {{workId}} that breaks the rule {{rule}}',
} satisfies Messages;

export type FindingCode = keyof typeof en;

const es: Record<FindingCode, string> = {
  EVENT_NOT_OBJECT: 'evento #{{line}}: no es un objeto JSON',
  EVENT_MISSING_FIELDS: 'evento #{{line}}: le falta {{fields}}',
  EVENT_EXTRA_FIELDS: 'evento #{{line}}: tiene campos que una exportación no lleva: {{fields}}',
  EVENT_MALFORMED_FIELDS: 'evento #{{line}}: {{fields}} mal formado',
  EVENT_NOT_IN_CATALOG: 'evento {{event}}: {{reason}}',
  EVENT_DUPLICATE_ID: 'evento {{event}}: aparece dos veces',
  EVENT_REVISION_GAP: 'evento {{event}}: revisión {{revision}} del flujo {{stream}} donde tocaba la {{expected}}',
  EVENT_ADDED: 'evento {{event}} ({{type}}): agregado; la cabeza de árbol {{head}} coincide con el registro sin él',
  EVENT_WITHOUT_HEAD: 'evento {{event}} ({{reason}}): sin cabeza de árbol firmada',
  HEAD_WRONG_KEY: 'cabeza de árbol {{head}}: firmada con la llave {{key}}, no con la de la edición {{editionKey}}',
  HEAD_BAD_SIGNATURE: 'cabeza de árbol {{head}}: firma no válida',
  HEAD_ROOT_MISMATCH: 'cabeza de árbol {{head}}: la raíz no coincide',
  HEAD_BEYOND_EXPORT:
    'cabeza de árbol {{head}}: firma {{size}} eventos, pero en la exportación la preceden {{preceding}}',
  HEAD_WRONG_REASON: 'cabeza de árbol {{head}}: firmada por «{{reason}}», pero el evento #{{size}} no es eso',
  HEADS_NOT_GROWING:
    'cabezas de árbol {{from}} → {{to}}: el registro se encogió o no creció ({{fromSize}} → {{toSize}} eventos)',
  CONSISTENCY_PROOF_MISSING: 'cabezas de árbol {{from}} → {{to}}: no se publicó prueba de consistencia',
  CONSISTENCY_PROOF_FAILS: 'cabezas de árbol {{from}} → {{to}}: inconsistentes (la prueba de consistencia falla)',
  PUBLISHED_KEY_MISMATCH: 'cabezas de árbol: publicadas con la llave {{published}}, no con la indicada ({{given}})',
  PUBLISHED_OTHER_EDITION: 'cabezas de árbol: publicadas para la edición {{published}}; el registro es de {{edition}}',
  PUBLISHED_HEAD_NOT_IN_LOG: 'cabeza de árbol publicada de tamaño {{size}}: no está en el registro',
  HEAD_DIFFERS_FROM_PUBLISHED: 'cabeza de árbol {{head}}: difiere de la publicada',
  HEAD_NOT_PUBLISHED: 'cabeza de árbol {{head}}: no publicada',
  EARLIER_HEAD_MISSING: 'cabeza de árbol de {{size}} eventos guardada antes ({{reason}}): ya no está en el registro',
  EARLIER_HEAD_CHANGED:
    'cabeza de árbol de {{size}} eventos guardada antes ({{reason}}): la cabeza de árbol {{head}} ahora difiere',
  LOG_NOT_DRAFTED_FIRST: 'el registro no empieza con EditionDrafted',
  EVENT_OTHER_EDITION: 'evento {{event}}: pertenece a la edición {{edition}}',
  SECOND_EDITION_DRAFTED: 'evento {{event}}: un segundo EditionDrafted',
  PHASE_OUT_OF_ORDER: 'evento {{event}}: cambio de fase {{from}} → {{to}} estando en {{phase}}',
  DETAILS_EDITED_WHEN_FROZEN:
    'evento {{event}}: cambia el título, la descripción o los distritos en la fase {{phase}}, cerradas ya las propuestas',
  RULES_EDITED_AFTER_FREEZE: 'evento {{event}}: cambia las reglas en la fase {{phase}}, abierta ya la votación',
  DISTRICT_REMOVED_WITH_PROPOSALS: 'evento {{event}}: quita el distrito {{district}}, que tiene propuestas',
  CALENDAR_MOVED_WITHOUT_REASON: 'evento {{event}}: mueve el calendario en la fase {{phase}} sin motivo público',
  CALENDAR_ADVANCE_EARLY: 'evento {{event}}: el calendario terminó la fase {{phase}} a las {{at}}, pero decía {{end}}',
  ASSESSMENT_OF_UNKNOWN_PROPOSAL: 'evento {{event}}: dictamina la propuesta {{proposalId}}, nunca presentada',
  SUPPORT_OUTSIDE_PHASE: 'evento {{event}}: un apoyo fuera de la fase de apoyos',
  SUPPORT_UNKNOWN_BOOTH: 'evento {{event}}: un apoyo registrado en la mesa {{booth}}, que el registro nunca definió',
  SUPPORT_BOOTH_OTHER_DISTRICT:
    'evento {{event}}: un apoyo registrado en la mesa {{booth}} de {{district}} para una propuesta de {{proposalDistrict}}',
  SUPPORT_ONLINE_AT_BOOTH: 'evento {{event}}: un apoyo dado en línea que nombra la mesa {{booth}}',
  SECOND_TALLY: 'evento {{event}}: un segundo TallyComputed',
  ON_BALLOT_NOT_SUBMITTED: 'propuesta {{proposalId}}: en la boleta de {{district}}, pero nunca presentada',
  ON_BALLOT_OTHER_DISTRICT:
    'propuesta {{proposalId}}: en la boleta de {{district}}, pero presentada para {{proposalDistrict}}',
  ON_BALLOT_WITHDRAWN: 'propuesta {{proposalId}}: en la boleta de {{district}}, pero retirada',
  ON_BALLOT_NOT_FEASIBLE: 'propuesta {{proposalId}}: en la boleta de {{district}} sin dictamen de viabilidad',
  ON_BALLOT_OTHER_COST:
    'propuesta {{proposalId}}: en la boleta de {{district}} a {{cost}} pesos, dictaminada en {{assessed}}',
  ON_BALLOT_UNDER_THRESHOLD:
    'propuesta {{proposalId}}: en la boleta de {{district}} con apoyos: {{supports}}, debajo del umbral de {{threshold}}',
  MISSING_FROM_BALLOT:
    'propuesta {{proposalId}}: dictaminada viable y con apoyos suficientes, pero falta en la boleta de {{district}}',
  BALLOT_OUTSIDE_VOTING: 'boleta {{ballot}}: emitida en la fase {{phase}}',
  BALLOT_IN_SEVERAL_STREAMS: 'boleta {{ballot}}: el votante {{voter}}… tiene boletas en {{streams}} flujos',
  BALLOT_REVOTE_NOT_ALLOWED:
    'boleta {{ballot}}: una segunda boleta del votante {{voter}}…, y no se permite volver a votar',
  BALLOT_UNKNOWN_DISTRICT: 'boleta {{ballot}}: el distrito {{district}} no está en la edición',
  BALLOT_OVER_BUDGET: 'boleta {{ballot}}: excede el presupuesto de {{district}} ({{total}} > {{budget}})',
  BALLOT_NOT_ON_BALLOT: 'boleta {{ballot}}: elige {{proposalId}}, que no está en la boleta de {{district}}',
  BALLOT_DUPLICATE_SELECTION: 'boleta {{ballot}}: elige {{proposalId}} dos veces',
  BALLOT_TOO_MANY: 'boleta {{ballot}}: demasiadas selecciones en la boleta de {{district}} ({{count}} > {{max}})',
  BALLOT_TOO_FEW: 'boleta {{ballot}}: muy pocas selecciones en la boleta de {{district}} ({{count}} < {{min}})',
  BALLOT_UNDER_MINIMUM_SPEND:
    'boleta {{ballot}}: por debajo del gasto mínimo de {{district}} ({{total}} < {{minimum}})',
  OPENINGS_WHILE_VOTING: 'aperturas: entregadas con la votación aún abierta, cuando toda boleta debe seguir sellada',
  OPENINGS_MISSING: 'aperturas: la votación cerró, pero no se entregó ninguna para las {{ballots}} boletas que cuentan',
  OPENING_MALFORMED: 'apertura #{{line}}: no es una apertura ({{reason}})',
  OPENING_DUPLICATE: 'apertura de la boleta {{ballot}}: entregada dos veces',
  OPENING_NOT_COUNTED:
    'apertura de la boleta {{ballot}}: esa boleta no cuenta (la reemplazó una posterior, o se emitió tras el cierre) y nunca se abre',
  OPENING_UNKNOWN_BALLOT: 'apertura de la boleta {{ballot}}: no hay tal boleta en el registro',
  OPENING_MISSING: 'boleta {{ballot}}: cuenta (la última de su votante antes del cierre), pero no tiene apertura',
  OPENING_MISMATCH: 'boleta {{ballot}}: su apertura no coincide con su compromiso (cambiaron las selecciones o la sal)',
  TALLY_WRONG_HEAD:
    'TallyComputed: nombra la cabeza de árbol (tamaño {{size}}, raíz {{root}}…), no la firmada al cerrar la votación',
  TALLY_WRONG_RULE: 'TallyComputed: contado con {{rule}}, pero la regla de la edición es {{expected}}',
  TALLY_MISSING: 'se publicaron resultados sin un evento TallyComputed',
  MODERATION_OF_UNKNOWN_PROPOSAL: 'evento {{event}}: modera la propuesta {{proposalId}}, nunca presentada',
  HIDDEN_ON_BALLOT: 'evento {{event}}: oculta la propuesta {{proposalId}}, que está en la boleta',
  ON_BALLOT_HIDDEN: 'propuesta {{proposalId}}: en la boleta de {{district}} estando oculta por moderación',
  TEXT_MALFORMED: 'texto #{{line}}: no es una línea de texto ({{reason}})',
  TEXT_UNKNOWN: 'texto #{{line}}: propuesta {{proposalId}}, {{field}}: no hay tal compromiso en el registro',
  TEXT_DUPLICATE: 'texto #{{line}}: propuesta {{proposalId}}, {{field}}: entregado dos veces',
  TEXT_MISMATCH:
    'texto #{{line}}: propuesta {{proposalId}}, {{field}}: el texto y la sal no coinciden con el compromiso del registro',
  TEXT_REDACTION_UNRECORDED:
    'texto #{{line}}: propuesta {{proposalId}}, {{field}}: retenido como eliminado, pero ningún evento ProposalRedacted lo eliminó',
  TEXT_MISSING:
    'propuesta {{proposalId}}, {{field}}: comprometido en el evento {{event}}, pero texts.jsonl no tiene línea para él',
  RESULTS_MALFORMED: 'results.json: no es un documento de resultados',
  RESULTS_BEFORE_CLOSE: 'results.json: publicado, pero la votación nunca cerró en el registro',
  RESULTS_WRONG_HEAD: 'results.json: se apoya en una cabeza de árbol distinta de la firmada al cerrar la votación',
  BALLOT_COUNT_DIFFERS: '{{source}}: {{published}} boletas publicadas, el recuento encuentra {{recount}}',
  DISTRICT_MISSING: '{{source}}: falta el distrito {{district}}',
  WINNERS_DIFFER:
    '{{source}}, distrito {{district}}: ganadoras publicadas [{{published}}], el recuento elige [{{recount}}]',
  SPENDING_DIFFERS: '{{source}}, distrito {{district}}: gasto publicado {{published}}, el recuento {{recount}}',
  VOTERS_DIFFER: '{{source}}, distrito {{district}}: votantes publicados {{published}}, el recuento {{recount}}',
  VOTES_DIFFER:
    '{{source}}, distrito {{district}}: votos de la propuesta {{proposalId}}: publicados {{published}}, el recuento {{recount}}',
  WORK_UPDATE_BEFORE_RESULTS: 'evento {{event}}: actualiza la obra {{workId}} antes de publicarse los resultados',
  WORK_UPDATE_NOT_A_WORK: 'evento {{event}}: actualiza {{workId}}, que no es una propuesta elegida en el cómputo',
  WORK_UPDATE_BREAKS_RULE: 'evento {{event}}: una actualización de la obra {{workId}} que rompe la regla {{rule}}',
};

export const findingMessages = {
  es: { findings: es },
  en: { findings: en as Record<FindingCode, string> },
} as const;

export function finding(code: FindingCode, params: FindingParams = {}): Finding {
  return { code, params };
}

/** The finding in words, without i18next (the CLI has none): `{{name}}` replaced by its parameter. */
export function findingMessage(found: Finding, language: 'es' | 'en' = 'en'): string {
  return findingMessages[language].findings[found.code].replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(found.params[name] ?? `{{${name}}}`),
  );
}
