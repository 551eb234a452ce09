import type { Messages } from '../problems';

// Problem messages in Spanish, the default language: the title and detail of each code.
const problems: Messages = {
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

/** Why a person cannot take part (the detail of NOT_ELIGIBLE). */
const eligibility = {
  noIdentity: 'Tu cuenta de iD Digital Mty+ no tiene CURP o fecha de nacimiento verificadas.',
  notResident: 'Solo pueden participar residentes de Monterrey con distrito registrado en iD Digital Mty+.',
  underAge: 'Debes tener al menos {{minAge}} años para participar en esta edición.',
  districtNotInEdition: 'Tu distrito ({{district}}) no participa en esta edición.',
};

export const problemsEs = { problems, eligibility } as const;
