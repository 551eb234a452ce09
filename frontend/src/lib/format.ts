import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Language } from './i18n/i18n';

/** Money, numbers and dates in the active language's locale, through Intl. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = LOCALES[i18n.language as Language] ?? 'es-MX';
  return useMemo(() => {
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'MXN', maximumFractionDigits: 0 });
    const compactMoney = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'MXN',
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    const number = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'America/Monterrey' });
    const dateTime = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'America/Monterrey',
    });
    return {
      locale,
      money: (pesos: number) => money.format(pesos),
      /** Axis labels: "$1.5 M" rather than every digit. */
      compactMoney: (pesos: number) => compactMoney.format(pesos),
      number: (value: number) => number.format(value),
      percent: (share: number) => percent.format(share),
      date: (iso: string) => date.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
    };
  }, [locale]);
}

export type Format = ReturnType<typeof useFormat>;
