import type { Lang } from '@qn/web-ui';

type Words = {
  segments: string;
  segmentsOf: (list: string) => string;
  intro: string;
  newSegment: string;
  editSegment: (name: string) => string;
  name: string;
  municipalities: string;
  actorTypes: string;
  fieldsOfAction: string;
  anyHint: string;
  count: string;
  save: string;
  matches: (n: number) => string;
  created: string;
  saved: string;
  deleted: string;
  delete: string;
  deleteTitle: (name: string) => string;
  deleteIntro: string;
  deleteButton: string;
  cancel: string;
  back: string;
  segment: string;
  segmentHint: string;
  noSegment: string;
  segmentListMismatch: string;
  unknownSegment: string;
  inUse: (campaigns: string[]) => string;
};

const de: Words = {
  segments: 'Segmente',
  segmentsOf: (l) => `Segmente: ${l}`,
  intro:
    'Ein Segment wählt aus einer Liste die Abonnements mit bestimmten Merkmalen aus. Innerhalb eines Merkmals genügt einer der gewählten Werte; über die Merkmale hinweg müssen alle passen. Ein Merkmal ohne Auswahl schränkt nicht ein.',
  newSegment: 'Neues Segment',
  editSegment: (n) => `Segment bearbeiten: ${n}`,
  name: 'Name des Segments',
  municipalities: 'Kommunen',
  actorTypes: 'Art der Akteure',
  fieldsOfAction: 'Handlungsfelder',
  anyHint: 'Keine Auswahl: alle.',
  count: 'Treffer zählen',
  save: 'Speichern',
  matches: (n) =>
    n === 0
      ? 'trifft derzeit niemanden'
      : n === 1
        ? 'trifft 1 Abonnentin oder Abonnenten'
        : `trifft ${n.toLocaleString('de-DE')} Abonnentinnen und Abonnenten`,
  created: 'Das Segment ist angelegt.',
  saved: 'Das Segment ist gespeichert.',
  deleted: 'Das Segment ist gelöscht.',
  delete: 'Löschen',
  deleteTitle: (n) => `Segment „${n}“ löschen?`,
  deleteIntro: 'Das Segment wird gelöscht. Abonnements bleiben unverändert.',
  deleteButton: 'Segment löschen',
  cancel: 'Abbrechen',
  back: 'Zurück zur Liste',
  segment: 'Segment (optional)',
  segmentHint: 'Ein Segment gehört zu einer Liste: Wählen Sie dann genau diese Liste.',
  noSegment: 'Kein Segment: alle Abonnements der Listen',
  segmentListMismatch: 'Ein Segment gehört zu einer Liste: Bitte wählen Sie genau die Liste des Segments.',
  unknownSegment: 'Dieses Segment gibt es nicht mehr.',
  inUse: (c) =>
    `Das Segment wird noch von ${c.length === 1 ? 'der Kampagne' : 'den Kampagnen'} ${c.map((n) => `„${n}“`).join(', ')} verwendet und kann erst gelöscht werden, wenn sie versandt oder abgebrochen ${c.length === 1 ? 'ist' : 'sind'}.`,
};

const en: Words = {
  segments: 'Segments',
  segmentsOf: (l) => `Segments: ${l}`,
  intro:
    'A segment picks the subscriptions of a list that have certain attributes. Within one attribute any chosen value matches; across attributes all must match. An attribute with nothing chosen does not narrow.',
  newSegment: 'New segment',
  editSegment: (n) => `Edit segment: ${n}`,
  name: 'Segment name',
  municipalities: 'Municipalities',
  actorTypes: 'Actor types',
  fieldsOfAction: 'Fields of action',
  anyHint: 'Nothing chosen: all.',
  count: 'Count matches',
  save: 'Save',
  matches: (n) =>
    n === 0
      ? 'matches nobody at present'
      : n === 1
        ? 'matches 1 subscriber'
        : `matches ${n.toLocaleString('en-GB')} subscribers`,
  created: 'The segment has been created.',
  saved: 'The segment has been saved.',
  deleted: 'The segment has been deleted.',
  delete: 'Delete',
  deleteTitle: (n) => `Delete the segment "${n}"?`,
  deleteIntro: 'The segment will be deleted. Subscriptions stay as they are.',
  deleteButton: 'Delete segment',
  cancel: 'Cancel',
  back: 'Back to the list',
  segment: 'Segment (optional)',
  segmentHint: 'A segment belongs to one list: then choose exactly that list.',
  noSegment: 'No segment: everyone on the lists',
  segmentListMismatch: "A segment belongs to one list: please choose exactly the segment's list.",
  unknownSegment: 'This segment no longer exists.',
  inUse: (c) =>
    `The segment is still used by ${c.length === 1 ? 'the campaign' : 'the campaigns'} ${c.map((n) => `"${n}"`).join(', ')}; it can be deleted once ${c.length === 1 ? 'it is' : 'they are'} sent or cancelled.`,
};

/** The segment pages' words, and the campaign form's segment field. */
export const segmentWords: Record<Lang, Words> = { de, en };
