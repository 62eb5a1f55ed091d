// Official long forms and common other names of the countries disclosures most often name, in the six interface
// languages (English, Spanish, French, Dutch, German, Swedish), for the cases the runtime's Intl region names do
// not cover: Intl gives "China", "Chine", "Kina", never "Volksrepublik China". Facts from the countries' own and
// the EU's naming conventions (the EU's Interinstitutional Style Guide lists long forms in every EU language).
import type { CountryCode } from './types';

export const COUNTRY_LONG_FORMS: Readonly<Record<CountryCode, readonly string[]>> = {
  CN: [
    'República Popular China', 'República Popular de China', 'République populaire de Chine', 'Volksrepubliek China',
    'Volksrepublik China', 'VR China', 'Folkrepubliken Kina', 'Kinesiska folkrepubliken', 'China (PRC)', 'China PR', 'P.R. China', 'PR China', 'P.R.C.',
  ],
  KR: [
    'República de Corea', 'Corea, República de', 'République de Corée', 'Corée, République de', 'Corée du Sud', 'Republiek Korea',
    'Korea, Republiek', 'Republik Korea', 'Korea, Republik', 'Republiken Korea', 'Korea, Republiken', 'South Korea',
  ],
  KP: ['República Popular Democrática de Corea', 'République populaire démocratique de Corée', 'Democratische Volksrepubliek Korea', 'Demokratische Volksrepublik Korea', 'Demokratiska folkrepubliken Korea', 'North Korea'],
  TW: ['República de China', 'République de Chine', 'Republiek China', 'Republik China', 'Republiken Kina', 'Taiwan, China', 'Taipei chinois', 'Chinees Taipei', 'Chinesisch-Taipeh'],
  HK: ['Hongkong', 'Hong Kong, Región Administrativa Especial de China', 'Région administrative spéciale de Hong Kong', 'Speciale Administratieve Regio Hongkong', 'Sonderverwaltungszone Hongkong', 'Hongkong SAR'],
  MO: ['Macao, Región Administrativa Especial de China', 'Région administrative spéciale de Macao', 'Sonderverwaltungszone Macau'],
  VN: ['Socialist Republic of Viet Nam', 'Socialist Republic of Vietnam', 'República Socialista de Vietnam', 'République socialiste du Viêt Nam', 'Viêt Nam', 'Socialistische Republiek Vietnam', 'Sozialistische Republik Vietnam', 'Socialistiska republiken Vietnam'],
  TR: ['Türkiye Cumhuriyeti', 'Republic of Turkey', 'República de Turquía', 'République de Turquie', 'Republiek Turkije', 'Republik Türkei', 'Republiken Turkiet', 'Turquía', 'Turquie', 'Turkije', 'Türkei', 'Turkiet'],
  CZ: ['República Checa', 'Chequia', 'République tchèque', 'Tchéquie', 'Tsjechische Republiek', 'Tschechische Republik', 'Tjeckiska republiken'],
  CI: ['Costa de Marfil', "Côte-d'Ivoire", 'Elfenbeinküste', 'Ivoorkust', 'Elfenbenskusten', "Republic of Côte d'Ivoire", "République de Côte d'Ivoire"],
  RU: ['Federación de Rusia', 'Fédération de Russie', 'Russische Federatie', 'Russische Föderation', 'Ryska federationen'],
  US: ['Estados Unidos de América', "États-Unis d'Amérique", 'Verenigde Staten van Amerika', 'Vereinigte Staaten von Amerika', 'Amerikas förenta stater', 'Förenta staterna', 'EE. UU.', 'EE.UU.'],
  GB: ['Reino Unido de Gran Bretaña e Irlanda del Norte', 'Royaume-Uni de Grande-Bretagne et d’Irlande du Nord', 'Verenigd Koninkrijk van Groot-Brittannië en Noord-Ierland', 'Vereinigtes Königreich Großbritannien und Nordirland', 'Förenade konungariket Storbritannien och Nordirland', 'Großbritannien', 'Grande-Bretagne', 'Gran Bretaña', 'Groot-Brittannië', 'Storbritannien'],
  DE: ['Bundesrepublik Deutschland', 'República Federal de Alemania', "République fédérale d'Allemagne", 'Bondsrepubliek Duitsland', 'Förbundsrepubliken Tyskland'],
  IN: ['Republic of India', 'República de la India', "République de l'Inde", 'Republiek India', 'Republik Indien', 'Republiken Indien'],
  MY: ['Federation of Malaysia'],
  ID: ['Republic of Indonesia', 'República de Indonesia', "République d'Indonésie", 'Republiek Indonesië', 'Republik Indonesien', 'Republiken Indonesien'],
  TH: ['Kingdom of Thailand', 'Reino de Tailandia', 'Royaume de Thaïlande', 'Koninkrijk Thailand', 'Königreich Thailand', 'Konungariket Thailand'],
  BD: ["People's Republic of Bangladesh", 'República Popular de Bangladés', 'République populaire du Bangladesh', 'Volksrepubliek Bangladesh', 'Volksrepublik Bangladesch', 'Folkrepubliken Bangladesh'],
  PH: ['Republic of the Philippines', 'República de Filipinas', 'République des Philippines', 'Republiek der Filipijnen', 'Republik der Philippinen', 'Republiken Filippinerna'],
  MX: ['United Mexican States', 'Estados Unidos Mexicanos', 'États-Unis du Mexique', 'Verenigde Mexicaanse Staten', 'Vereinigte Mexikanische Staaten', 'Mexikos förenta stater'],
  BE: ['Kingdom of Belgium', 'Reino de Bélgica', 'Royaume de Belgique', 'Koninkrijk België', 'Königreich Belgien', 'Konungariket Belgien'],
  NL: ['Kingdom of the Netherlands', 'Reino de los Países Bajos', 'Royaume des Pays-Bas', 'Koninkrijk der Nederlanden', 'Königreich der Niederlande', 'Konungariket Nederländerna'],
  FR: ['French Republic', 'República Francesa', 'République française', 'Franse Republiek', 'Französische Republik', 'Franska republiken'],
  ES: ['Kingdom of Spain', 'Reino de España', "Royaume d'Espagne", 'Koninkrijk Spanje', 'Königreich Spanien', 'Konungariket Spanien'],
  SE: ['Kingdom of Sweden', 'Reino de Suecia', 'Royaume de Suède', 'Koninkrijk Zweden', 'Königreich Schweden', 'Konungariket Sverige'],
  PK: ['Islamic Republic of Pakistan', 'República Islámica de Pakistán', 'République islamique du Pakistan', 'Islamitische Republiek Pakistan', 'Islamische Republik Pakistan', 'Islamiska republiken Pakistan'],
  MM: ['Republic of the Union of Myanmar', 'Birmania', 'Birmanie', 'Birma', 'Burma (Myanmar)'],
  KH: ['Kingdom of Cambodia', 'Reino de Camboya', 'Royaume du Cambodge', 'Koninkrijk Cambodja', 'Königreich Kambodscha', 'Konungariket Kambodja'],
  LK: ['Democratic Socialist Republic of Sri Lanka'],
  BR: ['Federative Republic of Brazil', 'República Federativa do Brasil', 'República Federativa de Brasil', 'République fédérative du Brésil', 'Federatieve Republiek Brazilië', 'Föderative Republik Brasilien', 'Förbundsrepubliken Brasilien'],
  UZ: ['Republic of Uzbekistan', 'República de Uzbekistán', "République d'Ouzbékistan", 'Republiek Oezbekistan', 'Republik Usbekistan', 'Republiken Uzbekistan'],
  TM: ['Turkmenia'],
  CD: ['República Democrática del Congo', 'Democratische Republiek Congo', 'Demokratische Republik Kongo', 'Demokratiska republiken Kongo'],
};
