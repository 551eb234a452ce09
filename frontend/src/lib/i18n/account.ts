import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './i18n';

/**
 * Strings of "My account" (my public name), in their own namespace so they load with that
 * page and not with the voting page, which has a size budget (scripts/bundle-size.mjs).
 */
const accountEs = {
  title: 'Mi cuenta',
  lead: 'Entraste con iD Digital como {{name}}. Ese nombre nunca se publica.',
  loginLead: 'Para ver tu cuenta entra con iD Digital.',
  publicName: {
    title: 'Mi nombre público',
    explain:
      'Es el nombre que aparece junto a tus propuestas. No queda en el registro público: si lo borras, tus propuestas muestran «Anónimo» en todas partes, de inmediato.',
    shownNow: 'Ahora tus propuestas muestran: {{name}}.',
    anonymousNow: 'Ahora tus propuestas aparecen como «Anónimo».',
    label: 'Nombre público',
    hint: 'Hasta 80 letras. Puede ser tu nombre, un apodo o el de tu colectivo.',
    save: 'Guardar nombre',
    saved: 'Guardamos tu nombre público.',
    erase: 'Borrar mi nombre público',
    eraseQuestion: '¿Borrar tu nombre? Tus propuestas aparecerán como «Anónimo» en todas partes.',
    eraseConfirm: 'Sí, borrarlo',
    erased: 'Borramos tu nombre público. Tus propuestas ahora aparecen como «Anónimo».',
  },
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

const accountEn: Catalog<typeof accountEs> = {
  title: 'My account',
  lead: 'You logged in with iD Digital as {{name}}. That name is never published.',
  loginLead: 'Log in with iD Digital to see your account.',
  publicName: {
    title: 'My public name',
    explain:
      'This is the name shown next to your proposals. It is not kept in the public record: if you erase it, your proposals show “Anonymous” everywhere, at once.',
    shownNow: 'Your proposals now show: {{name}}.',
    anonymousNow: 'Your proposals now show as “Anonymous”.',
    label: 'Public name',
    hint: 'Up to 80 characters. Your name, a nickname or your group’s name.',
    save: 'Save name',
    saved: 'Your public name is saved.',
    erase: 'Erase my public name',
    eraseQuestion: 'Erase your name? Your proposals will show as “Anonymous” everywhere.',
    eraseConfirm: 'Yes, erase it',
    erased: 'Your public name is erased. Your proposals now show as “Anonymous”.',
  },
};

const catalogs: Record<Language, Catalog<typeof accountEs>> = { es: accountEs, en: accountEn };

/** `t` for these strings, adding them to this i18next instance the first time the page renders. */
export function useAccountT() {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES) {
    if (!i18n.hasResourceBundle(language, 'account')) i18n.addResourceBundle(language, 'account', catalogs[language]);
  }
  return i18n.getFixedT(null, 'account');
}
