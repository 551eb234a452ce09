// What other features may use of notifications (dependency-cruiser refuses anything else; see CONTRIBUTING.md).
export { Contacts, settingsOf } from './contacts';
