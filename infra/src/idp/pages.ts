import { MINOR_ACCOUNT, NONRESIDENT_ACCOUNT, WELL_KNOWN_ACCOUNTS } from './accounts';

// The provider's own pages: Spanish first, English below, plain forms that work without
// JavaScript.

interface Bilingual {
  es: string;
  en: string;
}

const STAFF_ROLES: Record<string, Bilingual> = {
  admin: { es: 'Administración', en: 'Administrator' },
  reviewer: { es: 'Comité revisor', en: 'Reviewer' },
  'poll-officer': { es: 'Módulo de votación presencial', en: 'Poll officer' },
  auditor: { es: 'Auditoría', en: 'Auditor' },
};

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1f24;line-height:1.5}
main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.5rem}
h1{font-size:1.5rem;margin-top:0}
.en{display:block;color:#4a5560;font-size:.9em}
h1 .en{font-weight:normal}
ul{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.5rem}
button{font:inherit;width:100%;text-align:left;padding:.5rem .75rem;border:1px solid #0b5cad;border-radius:.375rem;background:#e8f1fb;color:#0b3d73;cursor:pointer}
button:hover{background:#d3e5f8}
button:focus-visible,input:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
button strong{display:block}
input{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #6b7580;border-radius:.375rem;margin:.25rem 0 .75rem}
fieldset{border:1px solid #c9d1d9;border-radius:.375rem;margin:0 0 1.5rem}
.alert{border-left:4px solid #b3261e;background:#fdecea;padding:.5rem .75rem}
.secondary{background:#fff;border-color:#6b7580;color:#1b1f24;width:auto}
`;

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function bilingual({ es, en }: Bilingual): string {
  return `${escapeHtml(es)} <span class="en" lang="en">${escapeHtml(en)}</span>`;
}

function layout(title: Bilingual, content: string): string {
  return `<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title.es)} · ${escapeHtml(title.en)} — iD Digital Mty+ (local)</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${bilingual(title)}</h1>
${content}
</main>
</body>
</html>`;
}

export function describeAccount(name: string): Bilingual {
  const role = STAFF_ROLES[name];
  if (role) return { es: `${role.es}, reside en centro`, en: `${role.en}, lives in centro` };
  if (name === MINOR_ACCOUNT) return { es: 'Menor de edad (15 años), centro', en: 'Minor (15 years old), centro' };
  if (name === NONRESIDENT_ACCOUNT) return { es: 'No reside en Monterrey', en: 'Does not live in Monterrey' };
  const district = /^resident-([a-z0-9]+)-/.exec(name)?.[1] ?? '';
  return { es: `Reside en ${district}`, en: `Lives in ${district}` };
}

export interface AccountPickerView {
  /** Where the forms post: the interaction's path. */
  action: string;
  /** Pre-fills the account field (the request's login_hint or the last attempt). */
  account?: string;
  /** The account was refused because it does not exist. */
  unknownAccount?: boolean;
}

export function accountPickerPage({ action, account = '', unknownAccount = false }: AccountPickerView): string {
  const alert = unknownAccount
    ? `<p class="alert" role="alert">${bilingual({
        es: `La cuenta «${account}» no existe.`,
        en: `There is no account “${account}”.`,
      })}</p>`
    : '';
  const buttons = WELL_KNOWN_ACCOUNTS.map(
    (name) =>
      `<li><button type="submit" name="account" value="${escapeHtml(name)}"><strong>${escapeHtml(name)}</strong> ${bilingual(describeAccount(name))}</button></li>`,
  ).join('\n');
  const loginAction = `${escapeHtml(action)}/login`;
  return layout(
    { es: 'Elige una cuenta de prueba', en: 'Choose a test account' },
    `<p>${bilingual({
      es: 'Proveedor de identidad local que sustituye a iD Digital Mty+ en desarrollo y pruebas.',
      en: 'Local identity provider standing in for iD Digital Mty+ in development and tests.',
    })}</p>
${alert}
<form method="post" action="${loginAction}">
<fieldset>
<legend>${bilingual({ es: 'Cuentas conocidas', en: 'Well-known accounts' })}</legend>
<ul>
${buttons}
</ul>
</fieldset>
</form>
<form method="post" action="${loginAction}">
<label for="account">${bilingual({ es: 'Nombre de la cuenta', en: 'Account name' })}</label>
<p id="account-help">${bilingual({
      es: 'Cualquier resident-<distrito>-<n>, por ejemplo resident-norte-42.',
      en: 'Any resident-<district>-<n>, for example resident-norte-42.',
    })}</p>
<input id="account" name="account" type="text" required autocomplete="username" autocapitalize="none" spellcheck="false" aria-describedby="account-help"${unknownAccount ? ' aria-invalid="true"' : ''} value="${escapeHtml(account)}">
<button type="submit">${bilingual({ es: 'Entrar', en: 'Sign in' })}</button>
</form>
<form method="post" action="${escapeHtml(action)}/abort">
<p><button type="submit" class="secondary">${bilingual({ es: 'Cancelar', en: 'Cancel' })}</button></p>
</form>`,
  );
}

/** The RP-initiated logout confirmation; `form` is oidc-provider's hidden form (id op.logoutForm). */
export function logoutPage(form: string): string {
  return layout(
    { es: '¿Cerrar la sesión?', en: 'Sign out?' },
    `${form}
<p><button type="submit" form="op.logoutForm" name="logout" value="yes">${bilingual({ es: 'Sí, cerrar la sesión', en: 'Yes, sign me out' })}</button></p>
<p><button type="submit" form="op.logoutForm" class="secondary">${bilingual({ es: 'No, seguir con la sesión', en: 'No, stay signed in' })}</button></p>`,
  );
}

export function loggedOutPage(): string {
  return layout(
    { es: 'Sesión cerrada', en: 'Signed out' },
    `<p>${bilingual({ es: 'Ya puedes cerrar esta página.', en: 'You can close this page now.' })}</p>`,
  );
}

export function errorPage(error: string, description: string | undefined): string {
  return layout(
    { es: 'Algo salió mal', en: 'Something went wrong' },
    `<p class="alert" role="alert"><strong>${escapeHtml(error)}</strong>${description ? `: ${escapeHtml(description)}` : ''}</p>`,
  );
}
