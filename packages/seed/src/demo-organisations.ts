import { municipalityKey } from '@qn/domain';

/** Demo organisations: the kinds of actor the county's network really has. */
export const DEMO_ORGANISATIONS = [
  {
    _id: 'koordination-quartier',
    name: 'Landratsamt Esslingen – Koordination Quartier',
    actorType: 'kommune',
    municipality: municipalityKey('Esslingen am Neckar'),
  },
  {
    _id: 'stadt-nuertingen',
    name: 'Stadt Nürtingen – Seniorenbüro',
    actorType: 'kommune',
    municipality: municipalityKey('Nürtingen'),
  },
  {
    _id: 'gemeinde-koengen',
    name: 'Gemeinde Köngen',
    actorType: 'kommune',
    municipality: municipalityKey('Köngen'),
  },
  {
    _id: 'kreisseniorenrat',
    name: 'Kreisseniorenrat Esslingen e.V.',
    actorType: 'verein',
    municipality: municipalityKey('Esslingen am Neckar'),
  },
  {
    _id: 'diakonie-kirchheim',
    name: 'Diakonische Bezirksstelle Kirchheim',
    actorType: 'wohlfahrt',
    municipality: municipalityKey('Kirchheim unter Teck'),
  },
  {
    _id: 'nachbarschaftshilfe-aichtal',
    name: 'Nachbarschaftshilfe Aichtal',
    actorType: 'initiative',
    municipality: municipalityKey('Aichtal'),
  },
] as const;
