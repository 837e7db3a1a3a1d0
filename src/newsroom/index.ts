// The newsroom's shell, shared by every domain's newsroom pages: who may do what, the layout,
// the page helpers, the interface text.
export { ACTIONS, can, type Action, type Resource, type Staff } from './permissions.ts';
export { NewsroomLayout, CsrfField, Problems, Notice, registerSection, type NewsroomPage } from './layout.tsx';
export { newsroomPage, staffOf, requirePermission, sendHtml, seeOther, doneKey, doneNotice } from './page.ts';
export { newsroomText, type NewsroomKey, type NewsroomText } from './messages.ts';
export { toLocalInput, fromLocalInput } from './time.ts';
export { chosenEdition, editionChoice, editionsFor, EditionPicker, type EditionChoice } from './editions.tsx';
export { SettingsTabs, SITE_SETTINGS_PATH } from './settings-tabs.tsx';
export { siteDateTime, SiteTime, SiteTimeField } from './views/site-time.tsx';
export { PostButton } from './views/post-button.tsx';
export { ColumnHeads } from './views/column-heads.tsx';
