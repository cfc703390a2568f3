export { html, raw, attrs, escapeHtml, SafeHtml, type HtmlValue } from './html';
export { t, translator, isLang, formatNumber, type Lang, type MessageKey, type Translate } from './i18n';
export {
  renderPage,
  csrfField,
  langSwitchHref,
  type Page,
  type PageContext,
  type OfficeDetails,
  type NavSection,
} from './layout';
export {
  emptyForm,
  parseForm,
  withFieldIssues,
  formValuesFrom,
  messageOfIssue,
  formField,
  type FormState,
  type FormValue,
  type ParsedForm,
} from './form-state';
export {
  textField,
  textArea,
  selectField,
  choiceGroup,
  checkboxField,
  errorSummary,
  hasErrors,
  formPageTitle,
  fieldId,
  type FieldOptions,
  type Option,
} from './components/form-fields';
export { notice, tableRegion, facts } from './components/page-parts';
export { formatDateTime, formatDate, formatTime, formatEuro, toLocalInput, fromLocalInput } from './format';
export { STATIC_DIR } from './static-dir';
