import { createI18n, switchLanguage } from './i18n';

// The app starts in Spanish with only Spanish bundled; English, problem messages included,
// arrives when someone picks it (the voting page's size budget depends on that).
describe('the interface language', () => {
  it('starts with the Spanish problem messages and none in English', () => {
    const i18n = createI18n('es');

    expect(i18n.t('problems:OVER_BUDGET.title')).toBe('Presupuesto excedido');
    expect(i18n.hasResourceBundle('en', 'problems')).toBe(false);
  });

  it('loads the English strings and problem messages together when someone switches to English', async () => {
    const i18n = createI18n('es');

    await switchLanguage(i18n, 'en');

    expect(i18n.language).toBe('en');
    expect(i18n.t('problems:OVER_BUDGET.title')).toBe('Over budget');
    expect(i18n.t('eligibility:underAge', { minAge: 16 })).toBe(
      'You must be at least 16 years old to take part in this edition.',
    );
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(true);
  });
});
