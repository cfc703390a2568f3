/** The 44 towns and municipalities of Landkreis Esslingen. `key` is the stored identifier. */
export const MUNICIPALITIES = [
  'Aichtal',
  'Aichwald',
  'Altbach',
  'Altdorf',
  'Altenriet',
  'Baltmannsweiler',
  'Bempflingen',
  'Beuren',
  'Bissingen an der Teck',
  'Deizisau',
  'Denkendorf',
  'Dettingen unter Teck',
  'Erkenbrechtsweiler',
  'Esslingen am Neckar',
  'Filderstadt',
  'Frickenhausen',
  'Großbettlingen',
  'Hochdorf',
  'Holzmaden',
  'Kirchheim unter Teck',
  'Kohlberg',
  'Köngen',
  'Leinfelden-Echterdingen',
  'Lenningen',
  'Lichtenwald',
  'Neckartailfingen',
  'Neckartenzlingen',
  'Neidlingen',
  'Neuffen',
  'Neuhausen auf den Fildern',
  'Notzingen',
  'Nürtingen',
  'Oberboihingen',
  'Ohmden',
  'Ostfildern',
  'Owen',
  'Plochingen',
  'Reichenbach an der Fils',
  'Schlaitdorf',
  'Unterensingen',
  'Weilheim an der Teck',
  'Wendlingen am Neckar',
  'Wernau (Neckar)',
  'Wolfschlugen',
].map((name) => ({ key: municipalityKey(name), name }));

export function municipalityKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const MUNICIPALITY_KEYS = MUNICIPALITIES.map((m) => m.key) as [string, ...string[]];

export function municipalityName(key: string): string {
  return MUNICIPALITIES.find((m) => m.key === key)?.name ?? key;
}
