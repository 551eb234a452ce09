import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './i18n';

/**
 * Strings of the receipt check page, in their own namespace so they load with that page and
 * not with the voting page, which has a size budget (scripts/bundle-size.mjs).
 */
const receiptsEs = {
  title: 'Comprobar un comprobante de voto',
  lead: 'Revisa que tu voto está en el registro público, sin que nadie sepa por quién votaste.',
  label: 'Comprobante',
  hint: 'Pega el comprobante completo que recibiste al votar (letras, números, guiones y un punto).',
  check: 'Comprobar',
  malformed: 'Esto no parece un comprobante completo. Cópialo de nuevo, sin espacios.',
  checking: 'Comprobando en tu navegador…',
  checked: 'Comprobante revisado:',
  invalidTitle: 'Esto no es un comprobante',
  invalid:
    'Un comprobante son 36 caracteres, un punto y 64 caracteres más (números, letras de la a a la f y guiones). Cópialo de nuevo completo, sin espacios.',
  notFoundTitle: 'No encontramos este comprobante',
  notFound:
    'Ningún voto registrado tiene este comprobante. Revisa que lo copiaste completo del papel o del archivo que guardaste al votar.',
  notFoundNext: 'Si está completo y aun así no aparece, guárdalo y repórtalo a la Contraloría municipal.',
  pendingTitle: 'Tu voto está registrado; falta la firma',
  pending:
    'Tu boleta es la entrada {{position}} del registro de la edición. Aún no la cubre una cabecera firmada: el registro se firma en cada cambio de fase y mientras llegan votos.',
  pendingWithin:
    'Mientras llegan votos, la ciudad firma el registro al menos cada {{minutes}} min. Vuelve a comprobar con este mismo enlace pasado ese tiempo.',
  verifiedTitle: 'Tu voto está en el registro público',
  verified: 'Tu boleta es la entrada {{position}} de {{size}} del registro firmado el {{when}} ({{reason}}).',
  verifiedHow:
    'Tu navegador recalculó la cadena de huellas (RFC 9162) desde tu boleta hasta la raíz firmada y comprobó la firma Ed25519 de la clave {{keyId}}, sin confiar en el servidor.',
  replaced:
    'Votaste otra vez después: esta boleta quedó registrada, pero cuenta la última y esta nunca se abre. Comprueba también el comprobante de tu última boleta.',
  sealed:
    'Mientras la votación está abierta, lo que eligió una boleta permanece sellado: nadie puede verlo, ni esta página. Al cerrar la votación, este mismo enlace muestra también para qué contó tu boleta.',
  counted: 'La votación cerró. Tu boleta contó para:',
  countedEmpty: 'La votación cerró. Tu boleta contó como boleta en blanco (sin propuestas elegidas).',
  notCounted: 'Esta boleta se registró después del cierre de la votación, así que no contó.',
  treeHeads: 'Ver las cabeceras firmadas de la edición',
  failedTitle: 'La comprobación no coincide',
  mismatch: 'El voto registrado con este número no es el que describe tu comprobante: sus huellas no coinciden.',
  proofFails:
    'El servidor dice que tu voto está en el registro, pero su prueba o su firma no se sostienen al comprobarlas aquí.',
  failedMeans:
    'No podemos confirmar que tu voto esté en el registro firmado tal como lo emitiste. Esto no debería pasar.',
  failedNext:
    'Revisa que copiaste el comprobante completo. Si es así, guárdalo con una captura de esta página y repórtalo a la Contraloría municipal: es justo lo que la auditoría debe revisar.',
  findings: 'Detalle técnico (en inglés, como lo reporta decidimos-audit)',
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

const receiptsEn: Catalog<typeof receiptsEs> = {
  title: 'Check a vote receipt',
  lead: 'Check that your vote is in the public record, without anyone learning how you voted.',
  label: 'Receipt',
  hint: 'Paste the whole receipt you got when you voted (letters, digits, hyphens and one dot).',
  check: 'Check',
  malformed: 'This does not look like a whole receipt. Copy it again, without spaces.',
  checking: 'Checking in your browser…',
  checked: 'Receipt checked:',
  invalidTitle: 'This is not a receipt',
  invalid:
    'A receipt is 36 characters, a dot and 64 more characters (digits, the letters a to f and hyphens). Copy it again in full, without spaces.',
  notFoundTitle: 'We did not find this receipt',
  notFound:
    'No recorded vote has this receipt. Check that you copied all of it from the paper or the file you kept when you voted.',
  notFoundNext: 'If it is complete and still not found, keep it and report it to the city comptroller.',
  pendingTitle: 'Your vote is recorded; the signature is still to come',
  pending:
    'Your ballot is entry {{position}} of the edition’s record. No signed tree head covers it yet: the record is signed at every phase change and while votes arrive.',
  pendingWithin:
    'While votes arrive, the city signs the record at least every {{minutes}} min. Check again with this same link after that.',
  verifiedTitle: 'Your vote is in the public record',
  verified: 'Your ballot is entry {{position}} of {{size}} in the record signed on {{when}} ({{reason}}).',
  verifiedHow:
    'Your browser recomputed the chain of hashes (RFC 9162) from your ballot to the signed root and checked the Ed25519 signature of key {{keyId}}, without trusting the server.',
  replaced:
    'You voted again later: this ballot is recorded, but only the last one counts, and this one is never opened. Check the receipt of your last ballot too.',
  sealed:
    'While voting is open, what a ballot chose stays sealed: nobody can see it, not even this page. Once voting closes, this same link also shows what your ballot counted for.',
  counted: 'Voting has closed. Your ballot counted for:',
  countedEmpty: 'Voting has closed. Your ballot counted as a blank ballot (no proposal chosen).',
  notCounted: 'This ballot was recorded after voting closed, so it did not count.',
  treeHeads: 'See the edition’s signed tree heads',
  failedTitle: 'The check does not match',
  mismatch: 'The vote recorded under this number is not the one your receipt describes: their hashes differ.',
  proofFails:
    'The server says your vote is in the record, but its proof or its signature does not hold when checked here.',
  failedMeans: 'We cannot confirm that your vote is in the signed record as you cast it. This should never happen.',
  failedNext:
    'Check that you copied the whole receipt. If you did, keep it with a screenshot of this page and report it to the city comptroller: it is exactly what the audit must look into.',
  findings: 'Technical detail (as decidimos-audit reports it)',
};

const catalogs: Record<Language, Catalog<typeof receiptsEs>> = { es: receiptsEs, en: receiptsEn };

/** `t` for these strings, adding them to this i18next instance the first time the page renders. */
export function useReceiptsT() {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES) {
    if (!i18n.hasResourceBundle(language, 'receipts')) i18n.addResourceBundle(language, 'receipts', catalogs[language]);
  }
  return i18n.getFixedT(null, 'receipts');
}
