import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../lib/i18n/i18n';

/**
 * Strings of the kiosk (a booth's shared tablet), in their own namespace so they load with
 * the kiosk and not with the voting page, which has a size budget (scripts/bundle-size.mjs).
 */
const kioskEs = {
  title: 'Vota en esta tableta',
  welcome:
    'Entra con tu propia cuenta de iD Digital y vota. Al terminar, o tras 90 segundos sin usarla, tu sesión se cierra sola y en la tableta no queda nada tuyo.',
  login: 'Entrar con iD Digital',
  staffTitle: 'Modo kiosco',
  staffLead:
    'Hay una sesión de personal abierta en esta tableta. Ciérrala para que cada residente entre con su propia cuenta.',
  startKiosk: 'Cerrar mi sesión y empezar el modo kiosco',
  notVoting: 'La votación de esta edición no está abierta.',
  notEligible: 'Esta cuenta no puede votar en esta edición. Pide ayuda a la persona funcionaria de la mesa.',
  ballotTitle: 'Tu boleta',
  receiptTitle: 'Tu voto quedó registrado',
  receiptLead:
    'Toma una foto de este código QR: al abrirlo en tu teléfono compruebas que tu voto está en el registro público.',
  receiptQr: 'Código QR de tu comprobante',
  receiptCode: 'Comprobante',
  finish: 'Terminar y cerrar mi sesión',
  idleTitle: '¿Sigues aquí?',
  idleCountdown_one: 'Tu sesión se cerrará en {{count}} segundo.',
  idleCountdown_other: 'Tu sesión se cerrará en {{count}} segundos.',
  stay: 'Sigo aquí',
  ending: 'Cerrando tu sesión…',
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

const kioskEn: Catalog<typeof kioskEs> = {
  title: 'Vote on this tablet',
  welcome:
    'Log in with your own iD Digital account and vote. When you finish, or after 90 seconds without use, your session ends by itself and nothing of yours stays on the tablet.',
  login: 'Log in with iD Digital',
  staffTitle: 'Kiosk mode',
  staffLead: 'A staff session is open on this tablet. End it so that each resident logs in with their own account.',
  startKiosk: 'End my session and start kiosk mode',
  notVoting: 'Voting in this edition is not open.',
  notEligible: 'This account cannot vote in this edition. Ask the officer at the booth for help.',
  ballotTitle: 'Your ballot',
  receiptTitle: 'Your vote is recorded',
  receiptLead: 'Take a photo of this QR code: opening it on your phone checks that your vote is in the public record.',
  receiptQr: 'QR code of your receipt',
  receiptCode: 'Receipt',
  finish: 'Finish and log out',
  idleTitle: 'Are you still there?',
  idleCountdown_one: 'Your session ends in {{count}} second.',
  idleCountdown_other: 'Your session ends in {{count}} seconds.',
  stay: 'I am still here',
  ending: 'Ending your session…',
};

const kiosk: Record<Language, Catalog<typeof kioskEs>> = { es: kioskEs, en: kioskEn };

/** `t` for the kiosk strings, adding them to this i18next instance the first time the kiosk renders. */
export function useKioskT() {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES) {
    if (!i18n.hasResourceBundle(language, 'kiosk')) i18n.addResourceBundle(language, 'kiosk', kiosk[language]);
  }
  return i18n.getFixedT(null, 'kiosk');
}
