import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './i18n';

/**
 * Strings of the audit page (the export, the check in the browser, its verdict), in their
 * own namespace so they load with that page and not with the voting page, which has a size
 * budget (scripts/bundle-size.mjs).
 */
const auditEs = {
  audit: {
    title: 'Auditoría',
    lead: 'Cualquiera puede descargar el registro público de la edición y revisar que coincide con sus cabeceras firmadas.',
    treeHeads: 'Cabeceras firmadas del registro',
    key: 'Las firma la clave Ed25519 {{keyId}}:',
    noHeads: 'Aún no hay cabeceras firmadas: la primera se firma en el primer cambio de fase.',
    reason: 'Motivo',
    when: 'Fecha',
    size: 'Eventos',
    root: 'Raíz',
    signature: 'Firma',
    signatureOk: 'válida',
    signatureBad: 'NO válida',
    export: 'Registro público',
    exportLead: 'Todos los eventos de la edición en orden, sin datos personales.',
    download: 'Descargar el registro (JSON Lines)',
    verify: 'Comprobar en este navegador',
    verifying: 'Descargando y recalculando…',
    progress: 'Comprobados {{checked}} de {{total}} eventos…',
    verifiedTitle: 'Todas las comprobaciones se cumplen',
    figures:
      'Eventos: {{events}} · cabeceras firmadas: {{heads}} · boletas emitidas, con cambios de voto: {{ballots}} · votantes: {{voters}}.',
    scope:
      'Se comprobaron las firmas, las raíces, la consistencia entre cabeceras, una boleta por votante, cada boleta según las reglas y el recuento.',
    recounted: 'El recuento da los mismos resultados que se publicaron.',
    countedNotPublished:
      'El recuento coincide con el conteo del registro; los resultados se compararán cuando se publiquen.',
    notCounted: 'La votación no ha cerrado: el recuento se comprobará cuando haya resultados.',
    failedTitle_one: 'La comprobación encontró {{count}} diferencia',
    failedTitle: 'La comprobación encontró {{count}} diferencias',
    findings: 'Cada línea es una diferencia precisa (decidimos-audit imprime lo mismo, con su código):',
    failedNext: 'Guarda el registro descargado y repórtalo a la Contraloría municipal.',
    cli: 'Lo mismo fuera del navegador: decidimos-audit verify con la dirección de la edición.',
    texts: 'Textos de propuestas: {{checked}} coinciden con sus compromisos; {{redacted}} eliminados por moderación.',
    redacted: 'Propuesta {{proposalId}}, {{field}}: eliminado por moderación ({{reason}}).',
  },
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

const auditEn: Catalog<typeof auditEs> = {
  audit: {
    title: 'Audit',
    lead: 'Anyone can download the edition’s public record and check that it matches its signed tree heads.',
    treeHeads: 'Signed tree heads of the record',
    key: 'Signed by Ed25519 key {{keyId}}:',
    noHeads: 'No signed tree heads yet: the first is signed at the first phase change.',
    reason: 'Reason',
    when: 'Date',
    size: 'Events',
    root: 'Root',
    signature: 'Signature',
    signatureOk: 'valid',
    signatureBad: 'NOT valid',
    export: 'Public record',
    exportLead: 'Every event of the edition in order, with no personal data.',
    download: 'Download the record (JSON Lines)',
    verify: 'Check in this browser',
    verifying: 'Downloading and recomputing…',
    progress: 'Checked {{checked}} of {{total}} events…',
    verifiedTitle: 'Every check holds',
    figures:
      'Events: {{events}} · signed tree heads: {{heads}} · ballots cast, revotes included: {{ballots}} · voters: {{voters}}.',
    scope:
      'Checked: signatures, roots, consistency between tree heads, one ballot per voter, every ballot under the rules, and the recount.',
    recounted: 'The recount gives the same results as were published.',
    countedNotPublished: 'The recount matches the count in the record; results will be compared once published.',
    notCounted: 'Voting has not closed: the recount will be checked once there are results.',
    failedTitle_one: 'The check found {{count}} disagreement',
    failedTitle: 'The check found {{count}} disagreements',
    findings: 'Each line is one precise disagreement (decidimos-audit prints the same, with its code):',
    failedNext: 'Keep the downloaded record and report it to the city comptroller.',
    cli: 'The same outside the browser: decidimos-audit verify with the edition’s address.',
    texts: 'Proposal texts: {{checked}} match their commitments; {{redacted}} erased by the moderators.',
    redacted: 'Proposal {{proposalId}}, {{field}}: erased by the moderators ({{reason}}).',
  },
};

const audit: Record<Language, Catalog<typeof auditEs>> = { es: auditEs, en: auditEn };

/** `t` for the audit page's strings (`audit.*`), adding them to this i18next instance the first time it renders. */
export function useAuditT() {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES) {
    if (!i18n.hasResourceBundle(language, 'audit')) i18n.addResourceBundle(language, 'audit', audit[language]);
  }
  return i18n.getFixedT(null, 'audit');
}
