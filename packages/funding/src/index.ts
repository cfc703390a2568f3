export { CONSENT_TEXT, CONSENT_TEXT_VERSION } from './consent-text';
export {
  fundingSettings,
  fundingSettingsOf,
  defaultFundingSettings,
  type FundingConfig,
  type FundingSettings,
} from './settings';
export { dateIn, addDays, germanDate, isIsoDate, OPEN_END } from './calendar-date';
export { normaliseSearchText } from './search-text';
export { Programme, type ProgrammeDoc, type ProgrammeStatus, type RegionScope } from './models/programme';
export { Subscription, type SubscriptionDoc, type Frequency, type StoredMatch } from './models/subscription';
export {
  SubscriptionTokenKey,
  dropTokenKeys,
  tokenKeysOf,
  type SubscriptionTokenKeyDoc,
} from './models/subscription-token-key';
export {
  SubscriptionAddressKey,
  addressKeyId,
  type SubscriptionAddressKeyDoc,
} from './models/subscription-address-key';
export { dropAddressKeys, listAddressKeys } from './address-keys';
export { backfillAddressKeys, addressKeysComplete } from './backfill-address-keys';
export { LookupBackfill, type LookupBackfillDoc } from './models/lookup-backfill';
export { subscriptionIdsOfAddress } from './subscriptions-of-address';
export { Alert, alertId, type AlertDoc, type AlertKind } from './models/alert';
export { MatchRun, type MatchRunDoc } from './models/match-run';
export { LinkCheck, type LinkCheckDoc } from './models/link-check';
export {
  createProgrammeInput,
  updateProgrammeInput,
  type CreateProgrammeInput,
  type UpdateProgrammeInput,
} from './programme-input';
export { createProgramme } from './create-programme';
export { updateProgramme } from './update-programme';
export { publishProgramme } from './publish-programme';
export { archiveProgramme } from './archive-programme';
export { markProgrammeReviewed } from './mark-programme-reviewed';
export { getProgramme } from './get-programme';
export { searchProgrammes, programmeSearchFilter, type ProgrammeSearch } from './search-programmes';
export { listStaleProgrammes } from './list-stale-programmes';
export { toProgrammeView, isOpenOn, type ProgrammeView } from './programme-view';
export { isClosedOn } from './programme-closed';
export { closeExpiredProgrammes } from './close-expired-programmes';
export {
  ANY,
  subscriptionFiltersInput,
  toStoredMatch,
  filtersOf,
  type SubscriptionFilters,
} from './subscription-filters';
export { subscriptionToken, tokenHashes, type TokenPurpose } from './subscription-tokens';
export {
  subscriptionLinks,
  listUnsubscribeHeaders,
  footerOf,
  mailContextOf,
  type MailContext,
} from './mail-context';
export { requestSubscription, type SubscribeInput } from './request-subscription';
export { confirmSubscription } from './confirm-subscription';
export { unsubscribe } from './unsubscribe';
export {
  getManagedSubscription,
  updateManagedSubscription,
  toSubscriptionView,
  type SubscriptionView,
} from './manage-subscription';
export { expirePendingSubscriptions } from './expire-pending-subscriptions';
export { describeFilters } from './render-confirmation-mail';
export { findSubscriptionByToken } from './find-subscription';
export { subscriptionMatchQuery, keywordsMatch } from './match-query';
export { matchProgramme, type MatchRequest, type MatchResult } from './match-programme';
export { sendAlert, ProgrammeCache } from './send-alert';
export { renderAlertMail, renderDigestMail, programmeFacts } from './render-alert-mail';
export { runDigests } from './run-digests';
export { sendDigest } from './send-digest';
export { runReminders } from './run-reminders';
export { reconcileMatches } from './reconcile-matches';
export { checkLink, checkProgrammeLinks, listBrokenLinks, type LinkStatus } from './check-programme-links';
export {
  subscriptionMatches,
  type MatchableSubscription,
  type MatchableProgramme,
} from './subscription-matches';
export { MatchIndexChange, type MatchIndexChangeDoc } from './models/match-index-change';
export { DIMENSIONS as MATCH_INDEX_DIMENSIONS, type MatchIndex } from './match-index/index-keys';
export { indexedStateOf, type IndexedState } from './match-index/indexed-state';
export {
  noteMatchIndexChanges,
  noteMatchIndexChangesOf,
  noteRemovedFromMatchIndex,
} from './match-index/note-match-index-changes';
export { rebuildMatchIndex, applyMatchIndexChanges } from './match-index/rebuild-match-index';
export { selectCandidates } from './match-index/select-candidates';
export { readMatchIndex, type MatchIndexContents } from './match-index/read-match-index';
export { eraseFromMatchIndex } from './match-index/erase-from-match-index';
