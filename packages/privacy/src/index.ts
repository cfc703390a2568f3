export type {
  ActivityKey,
  EraseCounts,
  HolderContext,
  Lang,
  NotPersonalPath,
  PersonalDataHolder,
  PersonalRecord,
  Retention,
  Text,
} from './types';
export { personalDataHolders, notPersonalPaths, holderByKey } from './registry';
export {
  exportPersonalData,
  holdsPersonalData,
  type PersonalDataExport,
  type ExportSection,
} from './export-personal-data';
export { renderExportHtml } from './render-export-html';
export {
  runErasure,
  erasureSteps,
  resultOf,
  type ErasureDeps,
  type ErasureResult,
} from './erase-personal-data';
export { legalHoldsOf, type LegalHold } from './legal-holds';
export {
  PrivacyRequest,
  type PrivacyRequestDoc,
  type RequestKind,
  type RequestStatus,
} from './privacy-request';
export {
  requestByMail,
  confirmationUrl,
  MAILED_REQUEST_ANSWER,
  type MailedRequestInput,
  type MailedRequestDeps,
} from './request-by-mail';
export {
  describeMailedRequest,
  confirmMailedRequest,
  type MailedRequestView,
  type ConfirmedRequest,
} from './confirm-mailed-request';
export { accessByAdmin, eraseByAdmin, type AdminRequestInput } from './answer-admin-request';
export { listPrivacyRequests, type PrivacyRequestView } from './list-privacy-requests';
export { purgePrivacyRequests } from './purge-privacy-requests';
export { erasedAddress } from './records';
export {
  listConsentTexts,
  currentConsentTexts,
  ConsentTextArchive,
  type ConsentTextView,
  type ConsentSource,
  type ConsentWords,
} from './consent-texts';
export {
  renderRetentionTable,
  renderInventoryTable,
  retentionVariables,
  replaceGenerated,
  defaultConfig,
} from './records-of-processing';
