import type { Lang } from '@qn/web-ui';

type Words = {
  /** The link on the manage page. */
  link: string;
  title: string;
  intro: string;
  listTitle: string;
  none: string;
  status: string;
  feedTitle: string;
  feedIntro: string;
  webcal: string;
  urlLabel: string;
  urlHint: string;
  howTitle: string;
  how: { client: string; text: string; link?: 'google' | 'outlook' }[];
  google: string;
  outlook: string;
  personal: string;
  back: string;
  rotate: string;
  rotateHint: string;
  rotated: string;
};

/** The "all my registrations" page, German first. */
export const myRegistrationsWords: Record<Lang, Words> = {
  de: {
    link: 'Alle meine Anmeldungen',
    title: 'Alle meine Anmeldungen',
    intro:
      'Hier sehen Sie alle aktuellen und kommenden Veranstaltungen, für die Sie sich mit derselben E-Mail-Adresse angemeldet haben.',
    listTitle: 'Ihre Anmeldungen',
    none: 'Sie haben keine Anmeldungen für aktuelle oder kommende Veranstaltungen.',
    status: 'Status',
    feedTitle: 'Ihr persönlicher Kalender',
    feedIntro:
      'Abonnieren Sie Ihre Anmeldungen als Kalender: Er zeigt jede Veranstaltung mit Ihrem Status und hält sich selbst auf dem neuesten Stand, auch wenn sich Zeit oder Ort ändern.',
    webcal: 'Kalender abonnieren (webcal)',
    urlLabel: 'Adresse des Kalenders zum Kopieren',
    urlHint: 'Diese Adresse fügen Sie in Ihrem Kalenderprogramm ein, wenn der Link oben nicht funktioniert.',
    howTitle: 'So abonnieren Sie den Kalender',
    how: [
      {
        client: 'Outlook',
        text: 'Kalender hinzufügen → Aus dem Internet abonnieren, dann die Adresse einfügen.',
        link: 'outlook',
      },
      {
        client: 'Google Kalender',
        text: 'Neben „Weitere Kalender“ auf + → Per URL, dann die Adresse einfügen.',
        link: 'google',
      },
      {
        client: 'Apple Kalender (Mac, iPhone, iPad)',
        text: 'Den webcal-Link oben antippen, oder Ablage → Neues Kalenderabonnement und die Adresse einfügen.',
      },
      {
        client: 'Thunderbird',
        text: 'Neuer Kalender → Im Netzwerk, dann die Adresse einfügen.',
      },
    ],
    google: 'In Google Kalender abonnieren',
    outlook: 'In Outlook abonnieren',
    personal:
      'Der Kalender ist persönlich: Wer die Adresse kennt, sieht Ihre Anmeldungen. Geben Sie sie nicht weiter.',
    back: 'Zurück zur Anmeldung',
    rotate: 'Neue Kalender-Adresse erzeugen',
    rotateHint:
      'Haben Sie die Adresse weitergegeben oder ist sie in falsche Hände geraten? Eine neue ersetzt sie; die alte zeigt ab sofort nichts mehr. Ihr Kalenderprogramm braucht dann die neue Adresse.',
    rotated:
      'Die Kalender-Adresse ist neu. Die alte zeigt nichts mehr; abonnieren Sie den Kalender mit der neuen Adresse.',
  },
  en: {
    link: 'All my registrations',
    title: 'All my registrations',
    intro:
      'Here you see every current and upcoming event you have registered for with the same e-mail address.',
    listTitle: 'Your registrations',
    none: 'You have no registrations for current or upcoming events.',
    status: 'Status',
    feedTitle: 'Your personal calendar',
    feedIntro:
      'Subscribe to your registrations as a calendar: it shows every event with your status and keeps itself up to date, also when the time or place changes.',
    webcal: 'Subscribe to the calendar (webcal)',
    urlLabel: 'Address of the calendar, to copy',
    urlHint: 'Paste this address into your calendar program if the link above does not work.',
    howTitle: 'How to subscribe',
    how: [
      {
        client: 'Outlook',
        text: 'Add calendar → Subscribe from web, then paste the address.',
        link: 'outlook',
      },
      {
        client: 'Google Calendar',
        text: 'Next to “Other calendars” choose + → From URL, then paste the address.',
        link: 'google',
      },
      {
        client: 'Apple Calendar (Mac, iPhone, iPad)',
        text: 'Tap the webcal link above, or File → New Calendar Subscription and paste the address.',
      },
      {
        client: 'Thunderbird',
        text: 'New Calendar → On the Network, then paste the address.',
      },
    ],
    google: 'Subscribe in Google Calendar',
    outlook: 'Subscribe in Outlook',
    personal:
      'The calendar is personal: whoever knows the address sees your registrations. Do not pass it on.',
    back: 'Back to the registration',
    rotate: 'Make a new calendar address',
    rotateHint:
      'Did you pass the address on, or has it fallen into the wrong hands? A new one replaces it; the old one shows nothing from now on. Your calendar program then needs the new address.',
    rotated:
      'The calendar address is new. The old one shows nothing any more; subscribe with the new address.',
  },
};
