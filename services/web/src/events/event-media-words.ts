import type { Lang } from '@qn/web-ui';

/** Words of an event's image and flyer, on the console page and the public page. */
export const mediaWords: Record<
  Lang,
  {
    title: (event: string) => string;
    link: string;
    intro: string;
    image: string;
    flyer: string;
    file: string;
    imageHint: string;
    flyerHint: string;
    alt: string;
    altHint: string;
    flyerText: string;
    flyerTextHint: string;
    upload: string;
    remove: (what: string) => string;
    current: string;
    none: string;
    flyerLink: (text: string, kb: string) => string;
    done: { bild: string; flyer: string; entfernt: string };
    errors: { tooLarge: string; wrongImage: string; wrongFlyer: string; required: string; text: string };
  }
> = {
  de: {
    title: (event) => `Bild und Flyer: ${event}`,
    link: 'Bild und Flyer',
    intro:
      'Ein Bild erscheint auf der Seite der Veranstaltung, ein Flyer (PDF) als Link darunter. Beides gehört zur Veranstaltung und ist in der Datensicherung enthalten.',
    image: 'Bild',
    flyer: 'Flyer (PDF)',
    file: 'Datei',
    imageHint: 'JPEG, PNG oder WebP, höchstens 3 MB.',
    flyerHint: 'PDF, höchstens 3 MB.',
    alt: 'Textalternative',
    altHint:
      'Was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen können (z. B. „Gruppe Älterer beim Stadtteilspaziergang“).',
    flyerText: 'Linktext',
    flyerTextHint: 'So heißt der Link auf der Seite, z. B. „Programm zum Herunterladen“.',
    upload: 'Hochladen',
    remove: (what) => `${what} entfernen`,
    current: 'Aktuell',
    none: 'Noch keins.',
    flyerLink: (text, kb) => `${text} (PDF, ${kb} KB)`,
    done: { bild: 'Das Bild ist gespeichert.', flyer: 'Der Flyer ist gespeichert.', entfernt: 'Entfernt.' },
    errors: {
      tooLarge: 'Die Datei ist zu groß (höchstens 3 MB).',
      wrongImage: 'Bitte wählen Sie ein Bild im Format JPEG, PNG oder WebP.',
      wrongFlyer: 'Bitte wählen Sie eine PDF-Datei.',
      required: 'Bitte wählen Sie eine Datei.',
      text: 'Bitte geben Sie einen Text in einer Zeile an (höchstens 300 Zeichen).',
    },
  },
  en: {
    title: (event) => `Image and flyer: ${event}`,
    link: 'Image and flyer',
    intro:
      "An image appears on the event's page, a flyer (PDF) as a link below it. Both belong to the event and are part of the backup.",
    image: 'Image',
    flyer: 'Flyer (PDF)',
    file: 'File',
    imageHint: 'JPEG, PNG or WebP, at most 3 MB.',
    flyerHint: 'PDF, at most 3 MB.',
    alt: 'Text alternative',
    altHint:
      'What the image shows, for people who cannot see it (e.g. “Older people on a neighbourhood walk”).',
    flyerText: 'Link text',
    flyerTextHint: 'What the link on the page says, e.g. “Programme to download”.',
    upload: 'Upload',
    remove: (what) => `Remove ${what.toLowerCase()}`,
    current: 'Current',
    none: 'None yet.',
    flyerLink: (text, kb) => `${text} (PDF, ${kb} KB)`,
    done: { bild: 'The image has been saved.', flyer: 'The flyer has been saved.', entfernt: 'Removed.' },
    errors: {
      tooLarge: 'The file is too large (at most 3 MB).',
      wrongImage: 'Please choose an image in JPEG, PNG or WebP format.',
      wrongFlyer: 'Please choose a PDF file.',
      required: 'Please choose a file.',
      text: 'Please give a text on one line (at most 300 characters).',
    },
  },
};
