import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './i18n';

/**
 * Strings only staff screens use (booths and shifts, the officer's form, the auditor's
 * booth table), in their own namespace so they load with those screens and not with the
 * voting page, which has a size budget (scripts/bundle-size.mjs).
 */
const staffEs = {
  booths: {
    title: 'Mesas de votación y turnos',
    lead: 'Los votos asistidos solo se registran en una mesa, por una persona funcionaria de turno en ella. Mesas y turnos quedan en el registro público.',
    edition: 'Edición',
    none: 'Esta edición aún no tiene mesas.',
    hours: 'Abre de {{from}} a {{to}}',
    define: 'Nueva mesa',
    name: 'Nombre',
    address: 'Dirección',
    district: 'Distrito',
    opensAt: 'Abre',
    closesAt: 'Cierra',
    closesBeforeOpens: 'Una mesa cierra después de abrir.',
    endsBeforeStarts: 'Un turno termina después de empezar.',
    defineButton: 'Definir la mesa',
    defined: 'Mesa definida.',
    shiftAt: 'Turno en {{booth}}',
    officer: 'Cuenta de iD Digital de la persona funcionaria',
    officerHint: 'Alguien con el rol poll-officer (por ejemplo «poll-officer»).',
    from: 'Desde',
    to: 'Hasta',
    assign: 'Asignar el turno',
    assigned: 'Turno asignado.',
  },
  boothActivity: {
    title: 'Votos y apoyos asistidos por mesa y hora',
    lead: 'Contados con el registro público: todos los votos y apoyos registrados en persona, también los que luego se reemplazaron o retiraron. Una mesa con más registros en una hora de los que la gente pudo hacer ahí merece revisión.',
    limit: 'Votos (o apoyos) por hora por encima de los cuales se señala una fila',
    limitHint: 'Por omisión, {{limit}}.',
    limitInvalid: 'Escribe un número entero, 0 o mayor.',
    compute: 'Contar con el registro',
    none: 'No hay votos ni apoyos registrados en persona.',
    flagged_one: '{{count}} mesa-hora por encima del límite.',
    flagged_other: '{{count}} mesas-hora por encima del límite.',
    booth: 'Mesa',
    hour: 'Hora',
    ballots: 'Votos',
    supports: 'Apoyos',
    status: 'Estado',
    aboveLimit: 'por encima del límite',
    withinLimit: 'dentro del límite',
  },
  assisted: {
    title: 'Voto asistido',
    lead: 'Para residentes que votan en persona en un módulo, tras mostrar su identificación.',
    notVoting: 'La votación no está abierta; no se pueden registrar votos asistidos.',
    formTitle: 'Datos de la persona y su voto',
    curp: 'CURP',
    curpHint: '18 caracteres, tal como aparece en la identificación.',
    curpInvalid: 'La CURP debe tener 18 caracteres con el formato oficial (por ejemplo GOMA900101MNLRRR00).',
    birthdate: 'Fecha de nacimiento',
    birthdateInvalid: 'La fecha no coincide con la CURP o no es válida.',
    district: 'Distrito de residencia',
    selections: 'Propuestas que elige',
    record: 'Registrar el voto',
    recorded: 'Voto registrado',
    giveReceipt:
      'Entrega a la persona su comprobante (imprímelo o que lo copie). El formulario ya está listo para la siguiente.',
    keyboard: 'Teclado: Tab para avanzar, Espacio para marcar una propuesta, Enter para registrar.',
    curpCheckDigit: 'El último carácter (dígito verificador) no coincide: probablemente se tecleó mal algún carácter.',
    curpState: 'Los caracteres 12 y 13 no son un estado de nacimiento de los que usa RENAPO.',
    sex: 'Sexo (como en la CURP)',
    sexUnstated: 'Sin indicar',
    sexM: 'Mujer (M)',
    sexH: 'Hombre (H)',
    sexX: 'No binario (X)',
    sexInvalid: 'El sexo no coincide con la CURP (carácter 11).',
    residenceProof: 'Comprobante de domicilio en Monterrey',
    residenceProofHint:
      'Obligatorio si la CURP indica nacimiento fuera de Nuevo León. Registra solo el tipo, nunca una copia.',
    residenceProofNone: 'No mostró',
    residenceProofIne: 'INE con domicilio',
    residenceProofBill: 'Recibo de servicio',
    booth: 'Mesa (tu turno actual)',
    noShift:
      'No tienes un turno ahora en una mesa de esta edición: pide a una persona administradora que te asigne uno.',
    wouldReplace:
      'Esta persona ya tiene un voto registrado. Pregúntale, en persona, si quiere reemplazarlo: el anterior dejará de contar y lo verá al iniciar sesión.',
    confirmReplace: 'Lo confirma: reemplazar su voto',
    kiosk: 'Modo kiosco en esta tableta',
    kioskHint:
      'Cada residente vota con su propia cuenta de iD Digital, en letra grande; cada sesión se cierra sola. Tu sesión se cierra al empezarlo.',
  },
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

const staffEn: Catalog<typeof staffEs> = {
  booths: {
    title: 'Voting booths and shifts',
    lead: 'Assisted votes can only be recorded at a booth, by an officer on shift there. Booths and shifts go into the public record.',
    edition: 'Edition',
    none: 'This edition has no booths yet.',
    hours: 'Open from {{from}} to {{to}}',
    define: 'New booth',
    name: 'Name',
    address: 'Address',
    district: 'District',
    opensAt: 'Opens',
    closesAt: 'Closes',
    closesBeforeOpens: 'A booth closes after it opens.',
    endsBeforeStarts: 'A shift ends after it starts.',
    defineButton: 'Define the booth',
    defined: 'Booth defined.',
    shiftAt: 'Shift at {{booth}}',
    officer: 'Officer’s iD Digital account',
    officerHint: 'Someone with the poll-officer role (for example “poll-officer”).',
    from: 'From',
    to: 'To',
    assign: 'Assign the shift',
    assigned: 'Shift assigned.',
  },
  boothActivity: {
    title: 'Assisted votes and supports per booth and hour',
    lead: 'Counted from the public record: every vote and support recorded in person, including those later replaced or withdrawn. A booth-hour with more records than people could make there deserves a look.',
    limit: 'Votes (or supports) per hour above which a row is flagged',
    limitHint: 'By default {{limit}}.',
    limitInvalid: 'Type a whole number, 0 or more.',
    compute: 'Count from the record',
    none: 'No votes or supports have been recorded in person.',
    flagged_one: '{{count}} booth-hour above the limit.',
    flagged_other: '{{count}} booth-hours above the limit.',
    booth: 'Booth',
    hour: 'Hour',
    ballots: 'Votes',
    supports: 'Supports',
    status: 'Status',
    aboveLimit: 'above the limit',
    withinLimit: 'within the limit',
  },
  assisted: {
    title: 'Assisted voting',
    lead: 'For residents who vote in person at a desk after showing their ID.',
    notVoting: 'Voting is not open; assisted votes cannot be recorded.',
    formTitle: 'The person’s details and their vote',
    curp: 'CURP',
    curpHint: '18 characters, exactly as on the ID.',
    curpInvalid: 'The CURP must be 18 characters in the official format (for example GOMA900101MNLRRR00).',
    birthdate: 'Date of birth',
    birthdateInvalid: 'The date does not match the CURP or is not valid.',
    district: 'District of residence',
    selections: 'Proposals they choose',
    record: 'Record the vote',
    recorded: 'Vote recorded',
    giveReceipt: 'Give the person their receipt (print it or let them copy it). The form is ready for the next person.',
    keyboard: 'Keyboard: Tab to move on, Space to tick a proposal, Enter to record.',
    curpCheckDigit: 'The last character (check digit) does not match: one of the characters was probably mistyped.',
    curpState: 'Characters 12 and 13 are not a state of birth RENAPO uses.',
    sex: 'Sex (as on the CURP)',
    sexUnstated: 'Not typed',
    sexM: 'Woman (M)',
    sexH: 'Man (H)',
    sexX: 'Non-binary (X)',
    sexInvalid: 'The sex does not match the CURP (character 11).',
    residenceProof: 'Proof of address in Monterrey',
    residenceProofHint:
      'Required when the CURP says the person was born outside Nuevo León. Record only the type, never a copy.',
    residenceProofNone: 'None shown',
    residenceProofIne: 'INE with address',
    residenceProofBill: 'Utility bill',
    booth: 'Booth (your shift now)',
    noShift: 'You have no shift now at a booth of this edition: ask an administrator to assign you one.',
    wouldReplace:
      'This person already has a recorded vote. Ask them, in person, whether they want to replace it: the earlier one will stop counting and they will see it when they log in.',
    confirmReplace: 'They confirm: replace their vote',
    kiosk: 'Kiosk mode on this tablet',
    kioskHint:
      'Residents vote themselves with their own iD Digital, in large text; each session ends by itself. Your session ends when you start it.',
  },
};

const staff: Record<Language, Catalog<typeof staffEs>> = { es: staffEs, en: staffEn };

/** `t` for the staff strings, adding them to this i18next instance the first time a staff screen renders. */
export function useStaffT() {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES) {
    if (!i18n.hasResourceBundle(language, 'staff')) i18n.addResourceBundle(language, 'staff', staff[language]);
  }
  return i18n.getFixedT(null, 'staff');
}
