export { CONSENT_TEXT, CONSENT_TEXT_VERSION } from './consent-text';
export { newsletterContext, type NewsletterContext } from './newsletter-context';
export { NewsletterList, type NewsletterListDoc, type Lang } from './models/newsletter-list';
export {
  Subscriber,
  subscriberIdOf,
  SUBSCRIBER_STATUSES,
  CONSENT_METHODS,
  type SubscriberDoc,
  type SubscriberStatus,
  type ConsentMethod,
  type SubscriberAttributes,
} from './models/subscriber';
export { Segment, type SegmentDoc, type SegmentFilter } from './models/segment';
export { Campaign, CAMPAIGN_STATUSES, type CampaignDoc, type CampaignStatus } from './models/campaign';
export {
  Delivery,
  DeliveryClaim,
  DeliveryOutcome,
  deliveryIdOf,
  type DeliveryDoc,
  type DeliveryOutcomeDoc,
} from './models/delivery';
export { FanoutState } from './models/fanout-state';
export { createList, getList, listLists, updateList, deleteList, type ListInput } from './lists';
export { requestSubscription, RESEND_AFTER_MS, type SubscribeInput } from './request-subscription';
export {
  describeConfirmation,
  confirmSubscription,
  CONFIRM_LINK_DAYS,
  type ConfirmView,
} from './confirm-subscription';
export {
  addSubscriber,
  getSubscriber,
  listSubscribers,
  updateSubscriber,
  deleteSubscriber,
  purgeStalePending,
  type AddSubscriberInput,
  type SubscriberPatch,
} from './manage-subscribers';
export { subscriberView, type SubscriberView } from './subscriber-view';
export { stopAddress, type StopReason } from './unsubscribe-address';
export { describeUnsubscribe, unsubscribeByToken, type UnsubscribeView } from './unsubscribe-by-token';
export {
  importSubscribers,
  previewSubscriberImport,
  MAX_IMPORT_ROWS,
  type ImportMode,
  type ImportReport,
  type ImportPreview,
  type ImportPreviewRow,
} from './import-subscribers';
export { type ImportProblem, type CheckedRow } from './import-rows';
export { listBounces, BOUNCE_PAGE_SIZE, MAX_BOUNCE_PAGES, type BounceRow } from './list-bounces';
export { BOUNCE_KINDS, type BounceKind } from './models/bounce';
export {
  listSuppressions,
  getSuppression,
  checkSuppression,
  addSuppression,
  removeSuppression,
  SUPPRESSION_PAGE_SIZE,
  type SuppressionRow,
  type SuppressionSource,
} from './manage-suppressions';
export { MANUAL_SUPPRESSION_REASONS, type ManualSuppressionReason } from './models/suppression-note';
export { exportSubscribers } from './export-subscribers';
export { parseCsv, csvLine } from './csv';
export { recordBounces, type BounceEvent, type BounceReport } from './record-bounces';
export { parseDsn } from './parse-dsn';
export {
  createSegment,
  getSegment,
  listSegments,
  updateSegment,
  deleteSegment,
  type SegmentInput,
} from './segments';
export { countSegmentAudience, campaignsUsingSegment, deleteUnusedSegment } from './segment-audience';
export { resolveAudience, countAudience, audienceQuery, type Audience } from './audience';
export {
  createCampaign,
  getCampaign,
  listCampaigns,
  updateCampaign,
  deleteCampaign,
  campaignView,
  type CampaignInput,
} from './campaigns';
export {
  scheduleCampaign,
  unscheduleCampaign,
  pauseCampaign,
  resumeCampaign,
  cancelCampaign,
  redispatchCampaign,
  startScheduledCampaign,
  finishCampaign,
} from './campaign-transitions';
export { campaignProgress, type CampaignProgress } from './campaign-progress';
export { campaignClicks, type LinkClicks } from './campaign-clicks';
export { countClick } from './count-click';
export { clickUrl } from './click-links';
export { Click, type ClickDoc } from './models/click';
export { previewCampaign } from './preview-campaign';
export { requestTestSend, sendTestMail, MAX_TEST_RECIPIENTS } from './test-send';
export { fanOutCampaign, type FanOutDeps, type FanOutResult } from './fan-out-campaign';
export {
  deliverCampaignMail,
  createDeliveryDeps,
  PermanentDeliveryError,
  doneCounterKey,
  type DeliveryDeps,
  type DeliverResult,
  type SendPayload,
} from './deliver-campaign-mail';
export { sweepCampaigns, type SweepDeps } from './sweep-campaigns';
export { fanOutKey } from './job-keys';
export { markdownToHtml, markdownToText, markdownLinks } from './markdown';
export { DEFAULT_TEMPLATE, validateTemplate, PLACEHOLDERS } from './template';
export {
  PERSONAL_FIELDS,
  compileFields,
  fillFields,
  personalFieldIssues,
  unknownPersonalFields,
  type PersonalField,
} from './personal-fields';
export { compileCampaign, renderForRecipient, greetingOf, type CompiledCampaign } from './render-campaign';
export { campaignMessage, buildCampaignRaw, campaignMessageId } from './build-campaign-message';
export { buildMimeMessage, type MimeMessage } from './mime/build-mime-message';
export { dkimSignature, type DkimKey } from './mime/dkim-sign';
export { encodeQuotedPrintable } from './mime/quoted-printable';
export {
  LINK_TOKEN_PATTERN,
  signLinkToken,
  verifyLinkToken,
  bounceHookSecret,
  safeEqualStrings,
  type LinkToken,
} from './link-tokens';
export { confirmUrl, unsubscribeLink, type UnsubscribeLink } from './links';
export { withLock } from './redis-lock';
export { BatchInsert } from './batch-insert';
export { parseMailbox } from './subscriber-mails';
export {
  describeSubscriberDetails,
  rectifySubscriber,
  type SubscriberCorrections,
  type SubscriberDetails,
} from './rectify-subscriber';
export { listActiveCampaignIds } from './list-active-campaigns';
export { listCampaignsInProgress, type CampaignInProgress } from './list-campaigns-in-progress';
