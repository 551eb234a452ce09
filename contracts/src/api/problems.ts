/**
 * Stable machine codes of problem responses (RFC 9457), their HTTP status, and their
 * messages in Spanish (the default) and English as i18next resources. Deciders raise a
 * code with parameters; the backend renders it in the caller's language; the SPA can
 * show the same words.
 */
export const PROBLEM_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_ELIGIBLE: 403,
  NOT_AUTHOR: 403,
  NOT_ON_SHIFT: 403,
  NOT_FOUND: 404,
  PHASE_CLOSED: 409,
  INVALID_PHASE_TRANSITION: 409,
  ALREADY_VOTED: 409,
  WITHDRAWN: 409,
  RESULTS_NOT_PUBLISHED: 409,
  BALLOTS_SEALED: 409,
  CONCURRENT_UPDATE: 409,
  DISTRICT_MISMATCH: 409,
  WOULD_REPLACE: 409,
  ALREADY_REPORTED: 409,
  PROPOSAL_HIDDEN: 409,
  ALREADY_HIDDEN: 409,
  NOT_HIDDEN: 409,
  HIDE_ON_BALLOT: 409,
  NOTHING_TO_REDACT: 409,
  NO_OPEN_REPORTS: 409,
  RULES_FROZEN: 409,
  DETAILS_FROZEN: 409,
  DISTRICT_HAS_PROPOSALS: 409,
  WORK_CLOSED: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  UNKNOWN_DISTRICT: 422,
  WRONG_DISTRICT: 422,
  COST_OUT_OF_RANGE: 422,
  ASSESSED_COST_OUT_OF_RANGE: 422,
  PROPOSAL_LIMIT_REACHED: 422,
  SUPPORT_LIMIT_REACHED: 422,
  NOT_FEASIBLE: 422,
  NOT_ON_BALLOT: 422,
  DUPLICATE_SELECTION: 422,
  OVER_BUDGET: 422,
  TOO_MANY: 422,
  TOO_FEW: 422,
  UNDER_MINIMUM_SPEND: 422,
  RESIDENCE_PROOF_REQUIRED: 422,
  NOT_POLL_OFFICER: 422,
  SHIFT_OUTSIDE_HOURS: 422,
  CALENDAR_IN_PAST: 422,
  REASON_REQUIRED: 422,
  CANCEL_NEEDS_REASON: 422,
  PROGRESS_DECREASE_NEEDS_REASON: 422,
  FINISHED_NEEDS_FULL_PROGRESS: 422,
  OVERSPEND_NEEDS_REASON: 422,
  LOGIN_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
  RECORDED_BUT_UNCONFIRMED: 500,
  INTERNAL: 500,
} as const;
export type ProblemCode = keyof typeof PROBLEM_STATUS;

type Messages = Record<ProblemCode, { title: string; detail: string }>;

const es: Messages = {
  VALIDATION_FAILED: { title: 'Datos no válidos', detail: 'Revisa los campos señalados: {{summary}}' },
  UNAUTHENTICATED: { title: 'Inicia sesión', detail: 'Inicia sesión con iD Digital Mty+ para continuar.' },
  FORBIDDEN: { title: 'Sin permiso', detail: 'Esta acción requiere el rol «{{role}}».' },
  CSRF: {
    title: 'Solicitud no verificada',
    detail: 'Falta el encabezado X-CSRF-Token o no coincide con tu sesión; recarga la página e inténtalo de nuevo.',
  },
  NOT_ELIGIBLE: { title: 'No puedes participar', detail: '{{reason}}' },
  NOT_AUTHOR: {
    title: 'No eres la autora o el autor',
    detail: 'Solo quien presentó la propuesta puede cambiarla o retirarla.',
  },
  NOT_FOUND: { title: 'No encontrado', detail: 'No existe {{what}} con el identificador «{{id}}».' },
  PHASE_CLOSED: {
    title: 'Fase cerrada',
    detail: 'Esta acción solo es posible en la fase «{{required}}»; la edición está en «{{phase}}».',
  },
  INVALID_PHASE_TRANSITION: {
    title: 'Cambio de fase no permitido',
    detail: 'La edición está en «{{from}}»; la siguiente fase es «{{next}}», no «{{to}}».',
  },
  ALREADY_VOTED: {
    title: 'Ya votaste',
    detail: 'Ya hay una boleta registrada para ti en esta edición y no se permite cambiarla.',
  },
  WITHDRAWN: { title: 'Propuesta retirada', detail: 'La propuesta fue retirada por quien la presentó.' },
  RESULTS_NOT_PUBLISHED: {
    title: 'Resultados aún no publicados',
    detail: 'Los resultados se publican en la fase «results»; la edición está en «{{phase}}».',
  },
  BALLOTS_SEALED: {
    title: 'Papeletas aún selladas',
    detail:
      'Las aperturas de las papeletas (selecciones y sal) se publican cuando cierra la votación; la edición está en «{{phase}}».',
  },
  CONCURRENT_UPDATE: {
    title: 'Cambio simultáneo',
    detail: 'Otra solicitud cambió esto al mismo tiempo; vuelve a intentarlo.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    title: 'Clave de idempotencia reutilizada',
    detail: 'La clave Idempotency-Key ya se usó con otra solicitud; usa una clave nueva.',
  },
  UNKNOWN_DISTRICT: { title: 'Distrito desconocido', detail: 'La edición no tiene el distrito «{{district}}».' },
  WRONG_DISTRICT: {
    title: 'Distrito equivocado',
    detail: 'Solo puedes participar en tu distrito ({{district}}); esta propuesta es de «{{proposalDistrict}}».',
  },
  COST_OUT_OF_RANGE: {
    title: 'Costo fuera de rango',
    detail: 'El costo debe estar entre {{min, number}} y {{max, number}} pesos; se indicaron {{cost, number}}.',
  },
  ASSESSED_COST_OUT_OF_RANGE: {
    title: 'Costo final fuera de rango',
    detail:
      'El costo final debe ser mayor que cero y no superar el presupuesto del distrito «{{district}}» ({{budget, number}} pesos); se indicaron {{cost, number}}.',
  },
  PROPOSAL_LIMIT_REACHED: {
    title: 'Límite de propuestas',
    detail: 'Cada residente puede presentar hasta {{limit}} propuestas en esta edición.',
  },
  SUPPORT_LIMIT_REACHED: {
    title: 'Límite de apoyos',
    detail: 'Cada residente puede apoyar hasta {{limit}} propuestas; retira un apoyo para dar otro.',
  },
  NOT_FEASIBLE: { title: 'Propuesta no viable', detail: 'Solo se pueden apoyar propuestas dictaminadas como viables.' },
  NOT_ON_BALLOT: {
    title: 'Propuesta fuera de la boleta',
    detail: 'La propuesta «{{proposalId}}» no está en tu boleta.',
  },
  DUPLICATE_SELECTION: { title: 'Selección repetida', detail: 'Elegiste «{{proposalId}}» más de una vez.' },
  OVER_BUDGET: {
    title: 'Presupuesto excedido',
    detail: 'En «{{pool}}» tu selección cuesta {{total, number}} pesos y el presupuesto es {{budget, number}} pesos.',
  },
  TOO_MANY: {
    title: 'Demasiadas propuestas',
    detail: 'En «{{pool}}» puedes elegir como máximo {{max}} propuestas; elegiste {{count}}.',
  },
  TOO_FEW: {
    title: 'Muy pocas propuestas',
    detail: 'En «{{pool}}» debes elegir al menos {{min}} propuestas; elegiste {{count}}.',
  },
  UNDER_MINIMUM_SPEND: {
    title: 'Gasto mínimo no alcanzado',
    detail:
      'En «{{pool}}» tu selección debe sumar al menos {{minimum, number}} pesos ({{share}} % del presupuesto); suma {{total, number}}.',
  },
  LOGIN_FAILED: { title: 'No se pudo iniciar sesión', detail: '{{reason}}' },
  PAYLOAD_TOO_LARGE: { title: 'Solicitud demasiado grande', detail: 'El cuerpo de la solicitud excede el límite.' },
  UNSUPPORTED_MEDIA_TYPE: { title: 'Formato no admitido', detail: 'Envía el cuerpo como application/json.' },
  TOO_MANY_REQUESTS: {
    title: 'Demasiadas solicitudes',
    detail: 'Hubo demasiadas solicitudes en poco tiempo; vuelve a intentarlo en {{seconds}} s.',
  },
  UNAVAILABLE: { title: 'Servicio no disponible', detail: 'El servicio no está listo; inténtalo en unos minutos.' },
  RECORDED_BUT_UNCONFIRMED: {
    title: 'Registrado, sin confirmar',
    detail:
      'Tu acción quedó registrada, pero algo falló después y no podemos mostrar el resultado todavía; no la repitas: recarga en unos minutos para verla. Referencia: {{reference}}.',
  },
  INTERNAL: {
    title: 'Error interno',
    detail:
      'Algo falló de nuestro lado. Si intentabas cambiar algo, puede que se haya registrado o no: revisa antes de repetirlo. Referencia: {{reference}}.',
  },
  NOT_ON_SHIFT: { title: 'Sin turno en esta mesa', detail: 'No tienes un turno ahora en la mesa «{{booth}}».' },
  DISTRICT_MISMATCH: {
    title: 'Distrito distinto',
    detail: 'La mesa es del distrito «{{district}}»; esta persona participa en «{{known}}».',
  },
  WOULD_REPLACE: {
    title: 'Ya hay una boleta',
    detail: 'Esta persona ya votó ({{channel}}); reemplazarla requiere su confirmación en persona.',
  },
  RESIDENCE_PROOF_REQUIRED: {
    title: 'Falta comprobante de domicilio',
    detail: 'La CURP indica nacimiento fuera de Nuevo León ({{state}}): indica el tipo de comprobante de domicilio.',
  },
  NOT_POLL_OFFICER: { title: 'No es funcionario de mesa', detail: 'Esa cuenta no tiene el rol «poll-officer».' },
  SHIFT_OUTSIDE_HOURS: { title: 'Turno fuera del horario', detail: 'La mesa abre de {{opensAt}} a {{closesAt}}.' },
  ALREADY_REPORTED: { title: 'Ya la reportaste', detail: 'Tu reporte sigue abierto.' },
  PROPOSAL_HIDDEN: { title: 'Propuesta oculta', detail: 'Moderación la ocultó: {{reason}}' },
  ALREADY_HIDDEN: { title: 'Ya está oculta', detail: 'Puedes restaurarla.' },
  NOT_HIDDEN: { title: 'No está oculta', detail: 'Solo se restaura una propuesta oculta.' },
  HIDE_ON_BALLOT: { title: 'Está en la boleta', detail: 'No puede ocultarse; elimina solo el texto.' },
  NOTHING_TO_REDACT: { title: 'Nada que eliminar', detail: 'Sin texto en: {{fields}}.' },
  NO_OPEN_REPORTS: { title: 'Sin reportes abiertos', detail: 'No hay reportes que descartar.' },
  RULES_FROZEN: { title: 'Reglas fijas', detail: 'Las reglas quedaron fijas al abrir la votación.' },
  DETAILS_FROZEN: {
    title: 'Datos fijos',
    detail: 'Título, descripción y distritos solo cambian en borrador o propuestas.',
  },
  DISTRICT_HAS_PROPOSALS: {
    title: 'Distrito con propuestas',
    detail: '«{{district}}» tiene propuestas: no se puede quitar.',
  },
  CALENDAR_IN_PAST: { title: 'Fecha pasada', detail: '{{at}} ({{phase}}) ya pasó; para seguir ya, avanza la fase.' },
  REASON_REQUIRED: {
    title: 'Falta el motivo',
    detail: 'Tras abrir la votación, el calendario se mueve con un motivo público.',
  },
  WORK_CLOSED: { title: 'Obra cerrada', detail: 'La obra está «{{status}}»: ya no admite cambios.' },
  CANCEL_NEEDS_REASON: { title: 'Falta el motivo', detail: 'Para cancelar, escribe el motivo público.' },
  PROGRESS_DECREASE_NEEDS_REASON: {
    title: 'Falta el motivo',
    detail: 'El avance baja de {{from}} % a {{to}} %: escribe el motivo público.',
  },
  FINISHED_NEEDS_FULL_PROGRESS: { title: 'Avance incompleto', detail: 'Para terminar, el avance debe ser 100 %.' },
  OVERSPEND_NEEDS_REASON: {
    title: 'Falta el motivo',
    detail: 'Lo gastado supera lo asignado ({{awarded, number}} pesos): escribe el motivo público.',
  },
};

const en: Messages = {
  VALIDATION_FAILED: { title: 'Invalid data', detail: 'Check the fields listed: {{summary}}' },
  UNAUTHENTICATED: { title: 'Log in', detail: 'Log in with iD Digital Mty+ to continue.' },
  FORBIDDEN: { title: 'Not allowed', detail: 'This action needs the "{{role}}" role.' },
  CSRF: {
    title: 'Unverified request',
    detail: 'The X-CSRF-Token header is missing or does not match your session; reload the page and try again.',
  },
  NOT_ELIGIBLE: { title: 'You cannot take part', detail: '{{reason}}' },
  NOT_AUTHOR: {
    title: 'Not the author',
    detail: 'Only the person who submitted the proposal can change or withdraw it.',
  },
  NOT_FOUND: { title: 'Not found', detail: 'There is no {{what}} with id "{{id}}".' },
  PHASE_CLOSED: {
    title: 'Phase closed',
    detail: 'This is only possible in the "{{required}}" phase; the edition is in "{{phase}}".',
  },
  INVALID_PHASE_TRANSITION: {
    title: 'Phase change not allowed',
    detail: 'The edition is in "{{from}}"; the next phase is "{{next}}", not "{{to}}".',
  },
  ALREADY_VOTED: {
    title: 'Already voted',
    detail: 'A ballot is already recorded for you in this edition and changing it is not allowed.',
  },
  WITHDRAWN: { title: 'Proposal withdrawn', detail: 'The proposal was withdrawn by its author.' },
  RESULTS_NOT_PUBLISHED: {
    title: 'Results not yet published',
    detail: 'Results are published in the "results" phase; the edition is in "{{phase}}".',
  },
  BALLOTS_SEALED: {
    title: 'Ballots still sealed',
    detail:
      'The openings of the ballots (selections and salt) are published when voting closes; the edition is in "{{phase}}".',
  },
  CONCURRENT_UPDATE: {
    title: 'Simultaneous change',
    detail: 'Another request changed this at the same time; try again.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    title: 'Idempotency key reused',
    detail: 'This Idempotency-Key was already used with a different request; use a new key.',
  },
  UNKNOWN_DISTRICT: { title: 'Unknown district', detail: 'The edition has no district "{{district}}".' },
  WRONG_DISTRICT: {
    title: 'Wrong district',
    detail: 'You can only take part in your own district ({{district}}); this proposal is in "{{proposalDistrict}}".',
  },
  COST_OUT_OF_RANGE: {
    title: 'Cost out of range',
    detail: 'The cost must be between {{min, number}} and {{max, number}} pesos; {{cost, number}} was given.',
  },
  ASSESSED_COST_OUT_OF_RANGE: {
    title: 'Final cost out of range',
    detail:
      'The final cost must be above zero and at most the budget of district "{{district}}" ({{budget, number}} pesos); {{cost, number}} was given.',
  },
  PROPOSAL_LIMIT_REACHED: {
    title: 'Proposal limit reached',
    detail: 'Each resident may submit up to {{limit}} proposals in this edition.',
  },
  SUPPORT_LIMIT_REACHED: {
    title: 'Support limit reached',
    detail: 'Each resident may support up to {{limit}} proposals; take one back to give another.',
  },
  NOT_FEASIBLE: { title: 'Proposal not feasible', detail: 'Only proposals assessed as feasible can be supported.' },
  NOT_ON_BALLOT: { title: 'Not on the ballot', detail: 'Proposal "{{proposalId}}" is not on your ballot.' },
  DUPLICATE_SELECTION: { title: 'Repeated selection', detail: 'You picked "{{proposalId}}" more than once.' },
  OVER_BUDGET: {
    title: 'Over budget',
    detail: 'In "{{pool}}" your selection costs {{total, number}} pesos and the budget is {{budget, number}} pesos.',
  },
  TOO_MANY: {
    title: 'Too many proposals',
    detail: 'In "{{pool}}" you may pick at most {{max}} proposals; you picked {{count}}.',
  },
  TOO_FEW: {
    title: 'Too few proposals',
    detail: 'In "{{pool}}" you must pick at least {{min}} proposals; you picked {{count}}.',
  },
  UNDER_MINIMUM_SPEND: {
    title: 'Minimum spend not reached',
    detail:
      'In "{{pool}}" your selection must add up to at least {{minimum, number}} pesos ({{share}} % of the budget); it adds up to {{total, number}}.',
  },
  LOGIN_FAILED: { title: 'Login failed', detail: '{{reason}}' },
  PAYLOAD_TOO_LARGE: { title: 'Request too large', detail: 'The request body exceeds the limit.' },
  UNSUPPORTED_MEDIA_TYPE: { title: 'Unsupported format', detail: 'Send the body as application/json.' },
  TOO_MANY_REQUESTS: {
    title: 'Too many requests',
    detail: 'There were too many requests in a short time; try again in {{seconds}} s.',
  },
  UNAVAILABLE: { title: 'Service unavailable', detail: 'The service is not ready; try again in a few minutes.' },
  RECORDED_BUT_UNCONFIRMED: {
    title: 'Recorded, not confirmed',
    detail:
      'Your action was recorded, but something failed afterwards and its result cannot be shown yet; do not repeat it: reload in a few minutes to see it. Reference: {{reference}}.',
  },
  INTERNAL: {
    title: 'Internal error',
    detail:
      'Something failed on our side. If you were changing something, it may or may not have been recorded: check before trying again. Reference: {{reference}}.',
  },
  NOT_ON_SHIFT: { title: 'Not on shift at this booth', detail: 'You have no shift now at booth "{{booth}}".' },
  DISTRICT_MISMATCH: {
    title: 'Different district',
    detail: 'The booth is in district "{{district}}"; this person takes part in "{{known}}".',
  },
  WOULD_REPLACE: {
    title: 'A ballot is already recorded',
    detail: 'This person already voted ({{channel}}); replacing it needs their confirmation in person.',
  },
  RESIDENCE_PROOF_REQUIRED: {
    title: 'Proof of residence missing',
    detail: 'The CURP says born outside Nuevo León ({{state}}): record the type of proof of address.',
  },
  NOT_POLL_OFFICER: { title: 'Not a poll officer', detail: 'That account lacks the "poll-officer" role.' },
  SHIFT_OUTSIDE_HOURS: {
    title: 'Shift outside opening hours',
    detail: "The shift must fit within the booth's hours: from {{opensAt}} to {{closesAt}}.",
  },
  ALREADY_REPORTED: { title: 'Already reported', detail: 'Your report is still open.' },
  PROPOSAL_HIDDEN: { title: 'Proposal hidden', detail: 'The moderators hid it: {{reason}}' },
  ALREADY_HIDDEN: { title: 'Already hidden', detail: 'You can restore it.' },
  NOT_HIDDEN: { title: 'Not hidden', detail: 'Only a hidden proposal can be restored.' },
  HIDE_ON_BALLOT: { title: 'On the ballot', detail: 'It cannot be hidden; erase only the text.' },
  NOTHING_TO_REDACT: { title: 'Nothing to erase', detail: 'No text in: {{fields}}.' },
  NO_OPEN_REPORTS: { title: 'No open reports', detail: 'There are no reports to dismiss.' },
  RULES_FROZEN: { title: 'Rules fixed', detail: 'The rules were fixed when voting opened.' },
  DETAILS_FROZEN: {
    title: 'Details fixed',
    detail: 'Title, description and districts change only in draft or proposals.',
  },
  DISTRICT_HAS_PROPOSALS: {
    title: 'District has proposals',
    detail: '"{{district}}" has proposals: it cannot be removed.',
  },
  CALENDAR_IN_PAST: { title: 'Date past', detail: '{{at}} ({{phase}}) has passed; to move on now, advance the phase.' },
  REASON_REQUIRED: {
    title: 'Reason missing',
    detail: 'Once voting has opened, the calendar moves with a public reason.',
  },
  WORK_CLOSED: { title: 'Work closed', detail: 'The work is "{{status}}": it takes no more changes.' },
  CANCEL_NEEDS_REASON: { title: 'Reason missing', detail: 'To cancel, write the public reason.' },
  PROGRESS_DECREASE_NEEDS_REASON: {
    title: 'Reason missing',
    detail: 'Progress goes down from {{from}} % to {{to}} %: write the public reason.',
  },
  FINISHED_NEEDS_FULL_PROGRESS: { title: 'Progress incomplete', detail: 'To finish, progress must be 100 %.' },
  OVERSPEND_NEEDS_REASON: {
    title: 'Reason missing',
    detail: 'The amount spent exceeds the award ({{awarded, number}} pesos): write the public reason.',
  },
};

/** Why a person cannot take part (the detail of NOT_ELIGIBLE). */
const eligibilityEs = {
  noIdentity: 'Tu cuenta de iD Digital Mty+ no tiene CURP o fecha de nacimiento verificadas.',
  notResident: 'Solo pueden participar residentes de Monterrey con distrito registrado en iD Digital Mty+.',
  underAge: 'Debes tener al menos {{minAge}} años para participar en esta edición.',
  districtNotInEdition: 'Tu distrito ({{district}}) no participa en esta edición.',
};
const eligibilityEn: typeof eligibilityEs = {
  noIdentity: 'Your iD Digital Mty+ account has no verified CURP or birthdate.',
  notResident: 'Only residents of Monterrey with a district recorded in iD Digital Mty+ can take part.',
  underAge: 'You must be at least {{minAge}} years old to take part in this edition.',
  districtNotInEdition: 'Your district ({{district}}) does not take part in this edition.',
};
export type IneligibilityReason = keyof typeof eligibilityEs;

export const problemMessages = {
  es: { problems: es, eligibility: eligibilityEs },
  en: { problems: en, eligibility: eligibilityEn },
} as const;
export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
