import {
  AID_CATEGORIES,
  MATCH_FACTORS,
  SECTORS,
  type AidCategory,
  type AidUrgency,
  type MatchFactorId,
  type PartnershipStatus,
  type PartnershipTrack,
  type SectorId,
  type UnitCode,
} from '@bridges/contracts';

/**
 * Every controlled vocabulary an email shows, labelled in every language a template is written in.
 * Ukrainian and English come from libs/contracts where it has them; the other languages are written
 * here, for readers (a Polish or Slovak officer) whose emails would otherwise list English words in a
 * Polish sentence. `vocabulary-labels.spec.ts` fails when a template language lacks any entry of a
 * contracts vocabulary, so a new sector or template language cannot ship half translated.
 */
export type VocabularyKind =
  | 'sector'
  | 'match-factor'
  | 'aid-category'
  | 'aid-urgency'
  | 'unit'
  | 'partnership-status'
  | 'partnership-track';

/** Labels of one entry by language (ISO 639-1). */
export type LocalisedLabels = Readonly<Record<string, string>>;

/** Labels in the languages libs/contracts does not carry. */
type MoreLabels = Readonly<{ pl: string; de: string; sk: string }>;

const SECTORS_MORE: Readonly<Record<SectorId, MoreLabels>> = {
  'water-supply': {
    pl: 'Zaopatrzenie w wodę i kanalizacja',
    de: 'Wasserversorgung und Abwasser',
    sk: 'Zásobovanie vodou a kanalizácia',
  },
  'waste-management': { pl: 'Gospodarka odpadami', de: 'Abfallwirtschaft', sk: 'Odpadové hospodárstvo' },
  'energy-efficiency': {
    pl: 'Efektywność energetyczna i odnawialne źródła energii',
    de: 'Energieeffizienz und erneuerbare Energien',
    sk: 'Energetická efektívnosť a obnoviteľné zdroje',
  },
  transport: { pl: 'Transport i drogi', de: 'Verkehr und Straßen', sk: 'Doprava a cesty' },
  'urban-planning': {
    pl: 'Planowanie przestrzenne i przestrzeń publiczna',
    de: 'Raumplanung und öffentlicher Raum',
    sk: 'Územné plánovanie a verejné priestranstvá',
  },
  housing: {
    pl: 'Mieszkalnictwo i usługi komunalne',
    de: 'Wohnen und kommunale Dienste',
    sk: 'Bývanie a komunálne služby',
  },
  education: { pl: 'Edukacja', de: 'Bildung', sk: 'Vzdelávanie' },
  healthcare: { pl: 'Ochrona zdrowia', de: 'Gesundheitswesen', sk: 'Zdravotníctvo' },
  'social-services': { pl: 'Usługi społeczne', de: 'Soziale Dienste', sk: 'Sociálne služby' },
  accessibility: {
    pl: 'Dostępność i likwidacja barier',
    de: 'Barrierefreiheit',
    sk: 'Prístupnosť a bezbariérové prostredie',
  },
  youth: { pl: 'Młodzież', de: 'Jugend', sk: 'Mládež' },
  sport: { pl: 'Sport i rekreacja', de: 'Sport und Freizeit', sk: 'Šport a rekreácia' },
  culture: { pl: 'Kultura i dziedzictwo', de: 'Kultur und Kulturerbe', sk: 'Kultúra a kultúrne dedičstvo' },
  tourism: { pl: 'Turystyka', de: 'Tourismus', sk: 'Cestovný ruch' },
  'local-economy': {
    pl: 'Gospodarka lokalna i przedsiębiorczość',
    de: 'Lokale Wirtschaft und Unternehmertum',
    sk: 'Miestna ekonomika a podnikanie',
  },
  agriculture: {
    pl: 'Rolnictwo i rozwój obszarów wiejskich',
    de: 'Landwirtschaft und ländliche Entwicklung',
    sk: 'Poľnohospodárstvo a rozvoj vidieka',
  },
  environment: { pl: 'Środowisko i klimat', de: 'Umwelt und Klima', sk: 'Životné prostredie a klíma' },
  'digital-services': { pl: 'Usługi cyfrowe', de: 'Digitale Dienste', sk: 'Digitálne služby' },
  'good-governance': {
    pl: 'Dobre rządzenie i partycypacja',
    de: 'Gute Verwaltung und Bürgerbeteiligung',
    sk: 'Dobrá správa a participácia',
  },
  'civil-protection': {
    pl: 'Ochrona ludności i bezpieczeństwo publiczne',
    de: 'Bevölkerungsschutz und öffentliche Sicherheit',
    sk: 'Civilná ochrana a verejná bezpečnosť',
  },
  'mine-action': { pl: 'Rozminowywanie', de: 'Minenräumung', sk: 'Odmínovanie' },
  reconstruction: { pl: 'Odbudowa', de: 'Wiederaufbau', sk: 'Obnova a rekonštrukcia' },
  'veterans-reintegration': {
    pl: 'Reintegracja weteranów',
    de: 'Wiedereingliederung von Veteranen',
    sk: 'Reintegrácia veteránov',
  },
  'idp-integration': {
    pl: 'Integracja osób wewnętrznie przesiedlonych',
    de: 'Integration von Binnenvertriebenen',
    sk: 'Integrácia vnútorne vysídlených osôb',
  },
  'gender-equality': {
    pl: 'Równość płci',
    de: 'Gleichstellung der Geschlechter',
    sk: 'Rodová rovnosť',
  },
};

const MATCH_FACTORS_MORE: Readonly<Record<MatchFactorId, MoreLabels>> = {
  'size-similarity': {
    pl: 'Podobna lub większa wielkość (ludność, powierzchnia)',
    de: 'Ähnlich groß oder größer (Einwohner, Fläche)',
    sk: 'Podobná alebo väčšia veľkosť (obyvateľstvo, rozloha)',
  },
  'settlement-type': {
    pl: 'Podobny typ miejscowości',
    de: 'Ähnlicher Siedlungstyp',
    sk: 'Podobný typ sídla',
  },
  'sector-fit': {
    pl: 'Potrzeby odpowiadają ofercie partnera',
    de: 'Bedarf trifft das Angebot des Partners',
    sk: 'Potreby zodpovedajú ponuke partnera',
  },
  'shared-priorities': {
    pl: 'Wspólne priorytety rozwoju',
    de: 'Gemeinsame Entwicklungsschwerpunkte',
    sk: 'Spoločné priority rozvoja',
  },
  'working-languages': {
    pl: 'Wspólne języki robocze',
    de: 'Gemeinsame Arbeitssprachen',
    sk: 'Spoločné pracovné jazyky',
  },
  distance: { pl: 'Odległość i logistyka', de: 'Entfernung und Logistik', sk: 'Vzdialenosť a logistika' },
  priority: {
    pl: 'Pierwszeństwo dla hromad dotkniętych wojną lub bez partnera',
    de: 'Vorrang für vom Krieg betroffene Hromadas oder solche ohne Partner',
    sk: 'Prednosť pre hromady zasiahnuté vojnou alebo bez partnera',
  },
  capacity: {
    pl: 'Partner może podjąć kolejne partnerstwo',
    de: 'Der Partner hat Kapazität für eine weitere Partnerschaft',
    sk: 'Partner má kapacitu na ďalšie partnerstvo',
  },
  landscape: {
    pl: 'Podobne położenie (wybrzeże, góry)',
    de: 'Ähnliche Landschaft (Küste, Gebirge)',
    sk: 'Podobná krajina (pobrežie, hory)',
  },
  prosperity: {
    pl: 'Podobny poziom zamożności w swoim kraju',
    de: 'Ähnlicher Wohlstand im eigenen Land',
    sk: 'Podobná úroveň prosperity vo vlastnej krajine',
  },
  popularity: {
    pl: 'Jeszcze rzadko proponowany hromadom (równomierny podział propozycji)',
    de: 'Noch selten Hromadas vorgeschlagen (verteilt die Vorschläge)',
    sk: 'Zatiaľ málo navrhovaný hromadám (rovnomernejšie rozdelenie návrhov)',
  },
};

const AID_CATEGORIES_MORE: Readonly<Record<AidCategory, MoreLabels>> = {
  medical: {
    pl: 'Środki i sprzęt medyczny',
    de: 'Medizinischer Bedarf und Geräte',
    sk: 'Zdravotnícky materiál a vybavenie',
  },
  energy: { pl: 'Energia i generatory', de: 'Energie und Generatoren', sk: 'Energia a generátory' },
  'shelter-nfi': {
    pl: 'Schronienie i artykuły nieżywnościowe',
    de: 'Unterkunft und Non-Food-Artikel',
    sk: 'Prístrešie a nepotravinové položky',
  },
  'water-sanitation': { pl: 'Woda i sanitacja', de: 'Wasser und Sanitär', sk: 'Voda a sanitácia' },
  food: { pl: 'Żywność', de: 'Lebensmittel', sk: 'Potraviny' },
  'vehicles-machinery': { pl: 'Pojazdy i maszyny', de: 'Fahrzeuge und Maschinen', sk: 'Vozidlá a stroje' },
  education: { pl: 'Edukacja', de: 'Bildung', sk: 'Vzdelávanie' },
  hygiene: { pl: 'Higiena', de: 'Hygiene', sk: 'Hygiena' },
  other: { pl: 'Inne', de: 'Sonstiges', sk: 'Iné' },
};

/** Unit symbols as written after a quantity ("20 szt."), not the vocabulary's full names. */
const UNITS: Readonly<Record<UnitCode, LocalisedLabels>> = {
  KGM: { uk: 'кг', en: 'kg', pl: 'kg', de: 'kg', sk: 'kg' },
  GRM: { uk: 'г', en: 'g', pl: 'g', de: 'g', sk: 'g' },
  TNE: { uk: 'т', en: 't', pl: 't', de: 't', sk: 't' },
  LTR: { uk: 'л', en: 'l', pl: 'l', de: 'l', sk: 'l' },
  MTQ: { uk: 'м³', en: 'm³', pl: 'm³', de: 'm³', sk: 'm³' },
  MTR: { uk: 'м', en: 'm', pl: 'm', de: 'm', sk: 'm' },
  MTK: { uk: 'м²', en: 'm²', pl: 'm²', de: 'm²', sk: 'm²' },
  H87: { uk: 'шт.', en: 'pcs', pl: 'szt.', de: 'Stk.', sk: 'ks' },
  C62: { uk: 'од.', en: 'units', pl: 'jedn.', de: 'Einh.', sk: 'jedn.' },
  SET: { uk: 'компл.', en: 'sets', pl: 'kpl.', de: 'Sätze', sk: 'súpr.' },
  PR: { uk: 'пар', en: 'pairs', pl: 'par', de: 'Paar', sk: 'pár' },
  PF: { uk: 'палет', en: 'pallets', pl: 'palet', de: 'Paletten', sk: 'paliet' },
};

const AID_URGENCIES: Readonly<Record<AidUrgency, LocalisedLabels>> = {
  critical: { uk: 'критична', en: 'critical', pl: 'krytyczna', de: 'kritisch', sk: 'kritická' },
  high: { uk: 'висока', en: 'high', pl: 'wysoka', de: 'hoch', sk: 'vysoká' },
  normal: { uk: 'звичайна', en: 'normal', pl: 'zwykła', de: 'normal', sk: 'bežná' },
  low: { uk: 'низька', en: 'low', pl: 'niska', de: 'niedrig', sk: 'nízka' },
};

const PARTNERSHIP_STATUSES: Readonly<Record<PartnershipStatus, LocalisedLabels>> = {
  established: {
    uk: 'встановлене',
    en: 'established',
    pl: 'nawiązane',
    de: 'vereinbart',
    sk: 'nadviazané',
  },
  active: { uk: 'активне', en: 'active', pl: 'aktywne', de: 'aktiv', sk: 'aktívne' },
  dormant: { uk: 'неактивне', en: 'dormant', pl: 'uśpione', de: 'ruhend', sk: 'neaktívne' },
  ended: { uk: 'завершене', en: 'ended', pl: 'zakończone', de: 'beendet', sk: 'ukončené' },
};

const PARTNERSHIP_TRACKS: Readonly<Record<PartnershipTrack, LocalisedLabels>> = {
  formal: {
    uk: 'офіційне партнерство',
    en: 'formal partnership',
    pl: 'partnerstwo formalne',
    de: 'formelle Partnerschaft',
    sk: 'formálne partnerstvo',
  },
  solidarity: {
    uk: 'партнерство солідарності',
    en: 'solidarity partnership',
    pl: 'partnerstwo solidarnościowe',
    de: 'Solidaritätspartnerschaft',
    sk: 'solidárne partnerstvo',
  },
};

/** Contracts' uk/en labels joined with the languages written here. */
function joined<T extends { readonly en: string; readonly uk: string }>(
  entries: readonly T[],
  idOf: (entry: T) => string,
  more: Readonly<Record<string, MoreLabels>>,
): Readonly<Record<string, LocalisedLabels>> {
  return Object.fromEntries(
    entries.map((entry) => [idOf(entry), { uk: entry.uk, en: entry.en, ...more[idOf(entry)] }]),
  );
}

const VOCABULARIES: Readonly<Record<VocabularyKind, Readonly<Record<string, LocalisedLabels>>>> = {
  sector: joined(SECTORS, (s) => s.id, SECTORS_MORE),
  'match-factor': joined(
    Object.entries(MATCH_FACTORS).map(([id, labels]) => ({ id, ...labels })),
    (f) => f.id,
    MATCH_FACTORS_MORE,
  ),
  'aid-category': joined(AID_CATEGORIES, (c) => c.id, AID_CATEGORIES_MORE),
  'aid-urgency': AID_URGENCIES,
  unit: UNITS,
  'partnership-status': PARTNERSHIP_STATUSES,
  'partnership-track': PARTNERSHIP_TRACKS,
};

/** Every language's label of one entry; empty for an id the vocabulary does not know. */
export function vocabularyTranslations(kind: VocabularyKind, id: string): LocalisedLabels {
  return Object.prototype.hasOwnProperty.call(VOCABULARIES[kind], id) ? VOCABULARIES[kind][id] : {};
}

/**
 * The label of `id` for a reader of `locale`; English when that language has none, the id itself when
 * the vocabulary does not know it yet (a newer producer), so a new entry never breaks an email.
 */
export function vocabularyLabel(kind: VocabularyKind, id: string, locale: string): string {
  const labels = vocabularyTranslations(kind, id);
  return labels[locale] ?? labels.en ?? id;
}

/** Sector labels in the reader's language, comma-separated; undefined when there are none. */
export function sectorLabels(ids: readonly string[] | undefined, locale: string): string | undefined {
  if (!ids || ids.length === 0) return undefined;
  return ids.map((id) => vocabularyLabel('sector', id, locale)).join(', ');
}
