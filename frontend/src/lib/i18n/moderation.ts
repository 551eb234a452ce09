import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './i18n';

/**
 * Strings of moderation (the report form, the notice on a moderated proposal, the
 * moderators' queue), in their own namespace so they load with those screens and never
 * with the voting page, which has a size budget (scripts/bundle-size.mjs).
 */
const moderationEs = {
  report: {
    open: 'Reportar esta propuesta',
    title: 'Reportar a moderación',
    lead: 'Dinos qué pasa. Moderación revisa cada reporte; tu nombre no se publica y los detalles no quedan en el registro público.',
    reason: 'Motivo',
    reasons: {
      'personal-data': 'Publica datos personales (teléfono, dirección, correo)',
      offensive: 'Contenido ofensivo o discriminatorio',
      spam: 'Spam o publicidad',
      'not-a-proposal': 'No es una propuesta de obra pública',
      other: 'Otro motivo',
    },
    details: 'Detalles (opcional)',
    detailsHint: 'Lo que moderación deba saber. Solo lo ve moderación y se borra cuando atiende el reporte.',
    send: 'Enviar el reporte',
    sent: 'Gracias: moderación revisará tu reporte.',
  },
  notice: {
    hidden: 'Moderación ocultó esta propuesta',
    hiddenLead: 'No aparece en las listas ni admite apoyos. Motivo público: {{reason}}',
    redacted: 'Moderación eliminó texto de esta propuesta',
    redaction: '{{fields}}: {{reason}}',
    fields: { title: 'Título', description: 'Descripción', location: 'Ubicación' },
  },
  queue: {
    title: 'Moderación',
    lead: 'Propuestas reportadas y propuestas ocultas, primero las que más esperan. Cada acción queda en el registro público con su motivo.',
    empty: 'No hay reportes abiertos ni propuestas ocultas.',
    count_one: '{{count}} propuesta por atender.',
    count_other: '{{count}} propuestas por atender.',
    reports_one: '{{count}} reporte abierto',
    reports_other: '{{count}} reportes abiertos',
    hiddenNow: 'Oculta: {{reason}}',
    noDetails: 'Sin detalles.',
    reason: 'Motivo público de la acción',
    reasonHint: 'Se publica junto a la propuesta y en el registro: no escribas datos personales.',
    reasonTooShort: 'Escribe un motivo de al menos 5 caracteres.',
    hide: 'Ocultar',
    restore: 'Restaurar',
    redactFields: 'Texto por eliminar',
    redact: 'Eliminar el texto elegido',
    dismiss: 'Descartar los reportes',
    pickField: 'Elige al menos un campo.',
    done: 'Hecho: «{{title}}».',
  },
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

const moderationEn: Catalog<typeof moderationEs> = {
  report: {
    open: 'Report this proposal',
    title: 'Report to the moderators',
    lead: 'Tell us what is wrong. Moderators review every report; your name is not published and the details stay out of the public log.',
    reason: 'Reason',
    reasons: {
      'personal-data': 'It shows personal data (phone, address, e-mail)',
      offensive: 'Offensive or discriminatory content',
      spam: 'Spam or advertising',
      'not-a-proposal': 'It is not a proposal for a public work',
      other: 'Another reason',
    },
    details: 'Details (optional)',
    detailsHint: 'What the moderators should know. Only they see it, and it is deleted once they act on the report.',
    send: 'Send the report',
    sent: 'Thank you: the moderators will review your report.',
  },
  notice: {
    hidden: 'The moderators hid this proposal',
    hiddenLead: 'It is left out of the lists and takes no supports. Public reason: {{reason}}',
    redacted: 'The moderators erased text from this proposal',
    redaction: '{{fields}}: {{reason}}',
    fields: { title: 'Title', description: 'Description', location: 'Location' },
  },
  queue: {
    title: 'Moderation',
    lead: 'Reported proposals and hidden ones, longest waiting first. Every action goes into the public log with its reason.',
    empty: 'No open reports and no hidden proposals.',
    count_one: '{{count}} proposal to handle.',
    count_other: '{{count}} proposals to handle.',
    reports_one: '{{count}} open report',
    reports_other: '{{count}} open reports',
    hiddenNow: 'Hidden: {{reason}}',
    noDetails: 'No details.',
    reason: 'Public reason for the action',
    reasonHint: 'Published beside the proposal and in the log: write no personal data.',
    reasonTooShort: 'Write a reason of at least 5 characters.',
    hide: 'Hide',
    restore: 'Restore',
    redactFields: 'Text to erase',
    redact: 'Erase the chosen text',
    dismiss: 'Dismiss the reports',
    pickField: 'Choose at least one field.',
    done: 'Done: "{{title}}".',
  },
};

const moderation: Record<Language, Catalog<typeof moderationEs>> = { es: moderationEs, en: moderationEn };

/** `t` for the moderation strings, adding them to this i18next instance the first time a moderation screen renders. */
export function useModerationT() {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES) {
    if (!i18n.hasResourceBundle(language, 'moderation')) {
      i18n.addResourceBundle(language, 'moderation', moderation[language]);
    }
  }
  return i18n.getFixedT(null, 'moderation');
}
