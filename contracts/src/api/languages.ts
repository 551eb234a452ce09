/** The languages the service speaks: Spanish (es-MX), the default, and English. */
export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
