// Reads a country as people and files write it (English name, ILAB-style name, ISO alpha-3, local spelling)
// and returns its ISO 3166-1 alpha-2 code; `countryName` gives the English short name back. Pure: a built-in
// table, official long forms in the six interface languages (country-long-forms.ts), plus the runtime's Intl
// region names for spellings in other languages.
import { COUNTRY_LONG_FORMS } from './country-long-forms';
import type { CountryCode } from './types';

/** ISO 3166-1: alpha-2, alpha-3, English short name. Kosovo (XK/XKX) is the widely used user-assigned code. */
const ISO_COUNTRIES: readonly (readonly [CountryCode, string, string])[] = [
  ['AD', 'AND', 'Andorra'],
  ['AE', 'ARE', 'United Arab Emirates'],
  ['AF', 'AFG', 'Afghanistan'],
  ['AG', 'ATG', 'Antigua and Barbuda'],
  ['AI', 'AIA', 'Anguilla'],
  ['AL', 'ALB', 'Albania'],
  ['AM', 'ARM', 'Armenia'],
  ['AO', 'AGO', 'Angola'],
  ['AQ', 'ATA', 'Antarctica'],
  ['AR', 'ARG', 'Argentina'],
  ['AS', 'ASM', 'American Samoa'],
  ['AT', 'AUT', 'Austria'],
  ['AU', 'AUS', 'Australia'],
  ['AW', 'ABW', 'Aruba'],
  ['AX', 'ALA', 'Åland Islands'],
  ['AZ', 'AZE', 'Azerbaijan'],
  ['BA', 'BIH', 'Bosnia and Herzegovina'],
  ['BB', 'BRB', 'Barbados'],
  ['BD', 'BGD', 'Bangladesh'],
  ['BE', 'BEL', 'Belgium'],
  ['BF', 'BFA', 'Burkina Faso'],
  ['BG', 'BGR', 'Bulgaria'],
  ['BH', 'BHR', 'Bahrain'],
  ['BI', 'BDI', 'Burundi'],
  ['BJ', 'BEN', 'Benin'],
  ['BL', 'BLM', 'Saint Barthélemy'],
  ['BM', 'BMU', 'Bermuda'],
  ['BN', 'BRN', 'Brunei'],
  ['BO', 'BOL', 'Bolivia'],
  ['BQ', 'BES', 'Bonaire, Sint Eustatius and Saba'],
  ['BR', 'BRA', 'Brazil'],
  ['BS', 'BHS', 'Bahamas'],
  ['BT', 'BTN', 'Bhutan'],
  ['BV', 'BVT', 'Bouvet Island'],
  ['BW', 'BWA', 'Botswana'],
  ['BY', 'BLR', 'Belarus'],
  ['BZ', 'BLZ', 'Belize'],
  ['CA', 'CAN', 'Canada'],
  ['CC', 'CCK', 'Cocos (Keeling) Islands'],
  ['CD', 'COD', 'Democratic Republic of the Congo'],
  ['CF', 'CAF', 'Central African Republic'],
  ['CG', 'COG', 'Republic of the Congo'],
  ['CH', 'CHE', 'Switzerland'],
  ['CI', 'CIV', "Côte d'Ivoire"],
  ['CK', 'COK', 'Cook Islands'],
  ['CL', 'CHL', 'Chile'],
  ['CM', 'CMR', 'Cameroon'],
  ['CN', 'CHN', 'China'],
  ['CO', 'COL', 'Colombia'],
  ['CR', 'CRI', 'Costa Rica'],
  ['CU', 'CUB', 'Cuba'],
  ['CV', 'CPV', 'Cabo Verde'],
  ['CW', 'CUW', 'Curaçao'],
  ['CX', 'CXR', 'Christmas Island'],
  ['CY', 'CYP', 'Cyprus'],
  ['CZ', 'CZE', 'Czechia'],
  ['DE', 'DEU', 'Germany'],
  ['DJ', 'DJI', 'Djibouti'],
  ['DK', 'DNK', 'Denmark'],
  ['DM', 'DMA', 'Dominica'],
  ['DO', 'DOM', 'Dominican Republic'],
  ['DZ', 'DZA', 'Algeria'],
  ['EC', 'ECU', 'Ecuador'],
  ['EE', 'EST', 'Estonia'],
  ['EG', 'EGY', 'Egypt'],
  ['EH', 'ESH', 'Western Sahara'],
  ['ER', 'ERI', 'Eritrea'],
  ['ES', 'ESP', 'Spain'],
  ['ET', 'ETH', 'Ethiopia'],
  ['FI', 'FIN', 'Finland'],
  ['FJ', 'FJI', 'Fiji'],
  ['FK', 'FLK', 'Falkland Islands'],
  ['FM', 'FSM', 'Micronesia'],
  ['FO', 'FRO', 'Faroe Islands'],
  ['FR', 'FRA', 'France'],
  ['GA', 'GAB', 'Gabon'],
  ['GB', 'GBR', 'United Kingdom'],
  ['GD', 'GRD', 'Grenada'],
  ['GE', 'GEO', 'Georgia'],
  ['GF', 'GUF', 'French Guiana'],
  ['GG', 'GGY', 'Guernsey'],
  ['GH', 'GHA', 'Ghana'],
  ['GI', 'GIB', 'Gibraltar'],
  ['GL', 'GRL', 'Greenland'],
  ['GM', 'GMB', 'Gambia'],
  ['GN', 'GIN', 'Guinea'],
  ['GP', 'GLP', 'Guadeloupe'],
  ['GQ', 'GNQ', 'Equatorial Guinea'],
  ['GR', 'GRC', 'Greece'],
  ['GS', 'SGS', 'South Georgia and the South Sandwich Islands'],
  ['GT', 'GTM', 'Guatemala'],
  ['GU', 'GUM', 'Guam'],
  ['GW', 'GNB', 'Guinea-Bissau'],
  ['GY', 'GUY', 'Guyana'],
  ['HK', 'HKG', 'Hong Kong'],
  ['HM', 'HMD', 'Heard Island and McDonald Islands'],
  ['HN', 'HND', 'Honduras'],
  ['HR', 'HRV', 'Croatia'],
  ['HT', 'HTI', 'Haiti'],
  ['HU', 'HUN', 'Hungary'],
  ['ID', 'IDN', 'Indonesia'],
  ['IE', 'IRL', 'Ireland'],
  ['IL', 'ISR', 'Israel'],
  ['IM', 'IMN', 'Isle of Man'],
  ['IN', 'IND', 'India'],
  ['IO', 'IOT', 'British Indian Ocean Territory'],
  ['IQ', 'IRQ', 'Iraq'],
  ['IR', 'IRN', 'Iran'],
  ['IS', 'ISL', 'Iceland'],
  ['IT', 'ITA', 'Italy'],
  ['JE', 'JEY', 'Jersey'],
  ['JM', 'JAM', 'Jamaica'],
  ['JO', 'JOR', 'Jordan'],
  ['JP', 'JPN', 'Japan'],
  ['KE', 'KEN', 'Kenya'],
  ['KG', 'KGZ', 'Kyrgyzstan'],
  ['KH', 'KHM', 'Cambodia'],
  ['KI', 'KIR', 'Kiribati'],
  ['KM', 'COM', 'Comoros'],
  ['KN', 'KNA', 'Saint Kitts and Nevis'],
  ['KP', 'PRK', 'North Korea'],
  ['KR', 'KOR', 'South Korea'],
  ['KW', 'KWT', 'Kuwait'],
  ['KY', 'CYM', 'Cayman Islands'],
  ['KZ', 'KAZ', 'Kazakhstan'],
  ['LA', 'LAO', 'Laos'],
  ['LB', 'LBN', 'Lebanon'],
  ['LC', 'LCA', 'Saint Lucia'],
  ['LI', 'LIE', 'Liechtenstein'],
  ['LK', 'LKA', 'Sri Lanka'],
  ['LR', 'LBR', 'Liberia'],
  ['LS', 'LSO', 'Lesotho'],
  ['LT', 'LTU', 'Lithuania'],
  ['LU', 'LUX', 'Luxembourg'],
  ['LV', 'LVA', 'Latvia'],
  ['LY', 'LBY', 'Libya'],
  ['MA', 'MAR', 'Morocco'],
  ['MC', 'MCO', 'Monaco'],
  ['MD', 'MDA', 'Moldova'],
  ['ME', 'MNE', 'Montenegro'],
  ['MF', 'MAF', 'Saint Martin (French part)'],
  ['MG', 'MDG', 'Madagascar'],
  ['MH', 'MHL', 'Marshall Islands'],
  ['MK', 'MKD', 'North Macedonia'],
  ['ML', 'MLI', 'Mali'],
  ['MM', 'MMR', 'Myanmar'],
  ['MN', 'MNG', 'Mongolia'],
  ['MO', 'MAC', 'Macao'],
  ['MP', 'MNP', 'Northern Mariana Islands'],
  ['MQ', 'MTQ', 'Martinique'],
  ['MR', 'MRT', 'Mauritania'],
  ['MS', 'MSR', 'Montserrat'],
  ['MT', 'MLT', 'Malta'],
  ['MU', 'MUS', 'Mauritius'],
  ['MV', 'MDV', 'Maldives'],
  ['MW', 'MWI', 'Malawi'],
  ['MX', 'MEX', 'Mexico'],
  ['MY', 'MYS', 'Malaysia'],
  ['MZ', 'MOZ', 'Mozambique'],
  ['NA', 'NAM', 'Namibia'],
  ['NC', 'NCL', 'New Caledonia'],
  ['NE', 'NER', 'Niger'],
  ['NF', 'NFK', 'Norfolk Island'],
  ['NG', 'NGA', 'Nigeria'],
  ['NI', 'NIC', 'Nicaragua'],
  ['NL', 'NLD', 'Netherlands'],
  ['NO', 'NOR', 'Norway'],
  ['NP', 'NPL', 'Nepal'],
  ['NR', 'NRU', 'Nauru'],
  ['NU', 'NIU', 'Niue'],
  ['NZ', 'NZL', 'New Zealand'],
  ['OM', 'OMN', 'Oman'],
  ['PA', 'PAN', 'Panama'],
  ['PE', 'PER', 'Peru'],
  ['PF', 'PYF', 'French Polynesia'],
  ['PG', 'PNG', 'Papua New Guinea'],
  ['PH', 'PHL', 'Philippines'],
  ['PK', 'PAK', 'Pakistan'],
  ['PL', 'POL', 'Poland'],
  ['PM', 'SPM', 'Saint Pierre and Miquelon'],
  ['PN', 'PCN', 'Pitcairn'],
  ['PR', 'PRI', 'Puerto Rico'],
  ['PS', 'PSE', 'Palestine'],
  ['PT', 'PRT', 'Portugal'],
  ['PW', 'PLW', 'Palau'],
  ['PY', 'PRY', 'Paraguay'],
  ['QA', 'QAT', 'Qatar'],
  ['RE', 'REU', 'Réunion'],
  ['RO', 'ROU', 'Romania'],
  ['RS', 'SRB', 'Serbia'],
  ['RU', 'RUS', 'Russia'],
  ['RW', 'RWA', 'Rwanda'],
  ['SA', 'SAU', 'Saudi Arabia'],
  ['SB', 'SLB', 'Solomon Islands'],
  ['SC', 'SYC', 'Seychelles'],
  ['SD', 'SDN', 'Sudan'],
  ['SE', 'SWE', 'Sweden'],
  ['SG', 'SGP', 'Singapore'],
  ['SH', 'SHN', 'Saint Helena, Ascension and Tristan da Cunha'],
  ['SI', 'SVN', 'Slovenia'],
  ['SJ', 'SJM', 'Svalbard and Jan Mayen'],
  ['SK', 'SVK', 'Slovakia'],
  ['SL', 'SLE', 'Sierra Leone'],
  ['SM', 'SMR', 'San Marino'],
  ['SN', 'SEN', 'Senegal'],
  ['SO', 'SOM', 'Somalia'],
  ['SR', 'SUR', 'Suriname'],
  ['SS', 'SSD', 'South Sudan'],
  ['ST', 'STP', 'São Tomé and Príncipe'],
  ['SV', 'SLV', 'El Salvador'],
  ['SX', 'SXM', 'Sint Maarten (Dutch part)'],
  ['SY', 'SYR', 'Syria'],
  ['SZ', 'SWZ', 'Eswatini'],
  ['TC', 'TCA', 'Turks and Caicos Islands'],
  ['TD', 'TCD', 'Chad'],
  ['TF', 'ATF', 'French Southern Territories'],
  ['TG', 'TGO', 'Togo'],
  ['TH', 'THA', 'Thailand'],
  ['TJ', 'TJK', 'Tajikistan'],
  ['TK', 'TKL', 'Tokelau'],
  ['TL', 'TLS', 'Timor-Leste'],
  ['TM', 'TKM', 'Turkmenistan'],
  ['TN', 'TUN', 'Tunisia'],
  ['TO', 'TON', 'Tonga'],
  ['TR', 'TUR', 'Türkiye'],
  ['TT', 'TTO', 'Trinidad and Tobago'],
  ['TV', 'TUV', 'Tuvalu'],
  ['TW', 'TWN', 'Taiwan'],
  ['TZ', 'TZA', 'Tanzania'],
  ['UA', 'UKR', 'Ukraine'],
  ['UG', 'UGA', 'Uganda'],
  ['UM', 'UMI', 'United States Minor Outlying Islands'],
  ['US', 'USA', 'United States'],
  ['UY', 'URY', 'Uruguay'],
  ['UZ', 'UZB', 'Uzbekistan'],
  ['VA', 'VAT', 'Holy See'],
  ['VC', 'VCT', 'Saint Vincent and the Grenadines'],
  ['VE', 'VEN', 'Venezuela'],
  ['VG', 'VGB', 'British Virgin Islands'],
  ['VI', 'VIR', 'United States Virgin Islands'],
  ['VN', 'VNM', 'Vietnam'],
  ['VU', 'VUT', 'Vanuatu'],
  ['WF', 'WLF', 'Wallis and Futuna'],
  ['WS', 'WSM', 'Samoa'],
  ['XK', 'XKX', 'Kosovo'],
  ['YE', 'YEM', 'Yemen'],
  ['YT', 'MYT', 'Mayotte'],
  ['ZA', 'ZAF', 'South Africa'],
  ['ZM', 'ZMB', 'Zambia'],
  ['ZW', 'ZWE', 'Zimbabwe'],
];

/**
 * Other ways lists and portals write a country: ISO's formal names ("Korea, Democratic People's Republic of"),
 * the US government's style (ILAB: "Congo, Democratic Republic of the", "Burma", "Kyrgyz Republic"), former and
 * common names, and a few frequent local spellings (the Intl region names add many more at run time).
 */
const OTHER_NAMES: Readonly<Record<CountryCode, readonly string[]>> = {
  AE: ['UAE', 'Emirates'],
  BA: ['Bosnia', 'Bosnia-Herzegovina'],
  BN: ['Brunei Darussalam'],
  BO: ['Bolivia, Plurinational State of', 'Plurinational State of Bolivia'],
  BS: ['Bahamas, The', 'The Bahamas'],
  CD: [
    'Congo, Democratic Republic of the',
    'Congo, The Democratic Republic of the',
    'DR Congo',
    'DRC',
    'D.R. Congo',
    'Congo-Kinshasa',
    'Congo (Kinshasa)',
    'Zaire',
    'République démocratique du Congo',
  ],
  CG: ['Congo', 'Congo, Republic of the', 'Congo-Brazzaville', 'Congo (Brazzaville)', 'Republic of Congo'],
  CI: ['Ivory Coast', "Cote d'Ivoire"],
  CV: ['Cape Verde'],
  CZ: ['Czech Republic', 'Česká republika'],
  FK: ['Falkland Islands (Islas Malvinas)', 'Falkland Islands (Malvinas)'],
  FM: ['Micronesia, Federated States of', 'Federated States of Micronesia'],
  GB: ['U.K.', 'Great Britain', 'Britain', 'United Kingdom of Great Britain and Northern Ireland', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  GM: ['The Gambia', 'Gambia, The'],
  GR: ['Hellas', 'Hellenic Republic'],
  HK: ['Hong Kong SAR', 'Hong Kong, China', 'Hong Kong SAR China'],
  IR: ['Iran, Islamic Republic of', 'Islamic Republic of Iran'],
  KG: ['Kyrgyz Republic', 'Kirghizia'],
  KP: ["Korea, North", "Korea, Democratic People's Republic of", "Democratic People's Republic of Korea", 'DPRK'],
  KR: ['Korea, South', 'Korea, Republic of', 'Republic of Korea'],
  LA: ["Lao People's Democratic Republic", 'Lao PDR'],
  MD: ['Moldova, Republic of', 'Republic of Moldova'],
  MK: ['Macedonia', 'Republic of North Macedonia', 'Former Yugoslav Republic of Macedonia', 'FYROM'],
  MM: ['Burma', 'Myanmar (Burma)'],
  MO: ['Macau', 'Macao SAR China'],
  NL: ['Holland', 'The Netherlands', 'Netherlands, The'],
  PS: ['Palestine, State of', 'State of Palestine', 'West Bank and the Gaza Strip', 'West Bank and Gaza', 'Palestinian Territories'],
  RU: ['Russian Federation'],
  SH: ['Saint Helena', 'Saint Helena, Ascension, and Tristan da Cunha', 'St Helena'],
  SY: ['Syrian Arab Republic'],
  SZ: ['Swaziland', 'Kingdom of Eswatini'],
  TL: ['East Timor'],
  TR: ['Turkey', 'Turkey (Türkiye)', 'Republic of Türkiye'],
  TW: ['Taiwan, Province of China', 'Chinese Taipei', 'Republic of China'],
  TZ: ['Tanzania, United Republic of', 'United Republic of Tanzania'],
  US: ['USA', 'U.S.', 'U.S.A.', 'United States of America', 'America'],
  VA: ['Vatican', 'Vatican City', 'Vatican City State'],
  VE: ['Venezuela, Bolivarian Republic of', 'Bolivarian Republic of Venezuela'],
  VG: ['Virgin Islands, British'],
  VI: ['Virgin Islands, U.S.', 'US Virgin Islands'],
  VN: ['Viet Nam'],
  CN: ["People's Republic of China", 'PRC', 'China, People’s Republic of', 'Mainland China'],
  DE: ['Deutschland', 'Federal Republic of Germany'],
  ES: ['España', 'Espana'],
  PL: ['Polska'],
  BE: ['België', 'Belgique', 'Belgien'],
  NO: ['Norge', 'Noreg'],
};

/** Languages whose region names (from the runtime's Intl data) are accepted as local spellings. */
const LOCAL_NAME_LANGUAGES = [
  'bg', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt',
  'ro', 'sk', 'sl', 'sv', 'nb', 'nn', 'is', 'ca', 'eu', 'gl', 'tr', 'ru', 'uk', 'sr', 'sq', 'mk', 'zh', 'ja', 'ko',
  'vi', 'id', 'ms', 'th', 'ar', 'he', 'hi', 'bn', 'ur',
];

const alpha2Set = new Set(ISO_COUNTRIES.map(([alpha2]) => alpha2));
const alpha3ToAlpha2 = new Map(ISO_COUNTRIES.map(([alpha2, alpha3]) => [alpha3, alpha2] as const));
const englishNames = new Map(ISO_COUNTRIES.map(([alpha2, , name]) => [alpha2, name] as const));

/** Lower case, accents and punctuation removed, "&" read as "and", a leading "the" dropped. */
function countryKey(text: string): string {
  // Plain ASCII (most names) has nothing to decompose: the same key without the Unicode passes.
  const key = /^[\x00-\x7f]*$/.test(text)
    ? text.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim()
    : text
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/&/g, ' and ')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
  return key.startsWith('the ') ? key.slice(4) : key;
}

let namesIndexBuilt: Map<string, CountryCode> | undefined;

/** The English names, other names and long forms, keyed: built on first use, not when the module loads. */
function namesIndex(): Map<string, CountryCode> {
  if (namesIndexBuilt) return namesIndexBuilt;
  const index = new Map<string, CountryCode>();
  for (const [alpha2, , name] of ISO_COUNTRIES) index.set(countryKey(name), alpha2);
  for (const [alpha2, names] of [...Object.entries(OTHER_NAMES), ...Object.entries(COUNTRY_LONG_FORMS)]) {
    for (const name of names) {
      const key = countryKey(name);
      const existing = index.get(key);
      if (existing !== undefined && existing !== alpha2) {
        throw new Error(`countries: the name "${name}" is given for both ${existing} and ${alpha2}`);
      }
      index.set(key, alpha2);
    }
  }
  namesIndexBuilt = index;
  return index;
}

let localNamesIndex: Map<string, CountryCode> | undefined;

/** Region names in other languages, built on first use; a spelling shared by two countries is left out. */
function localNames(): Map<string, CountryCode> {
  if (localNamesIndex) return localNamesIndex;
  const index = new Map<string, CountryCode>();
  const ambiguous = new Set<string>();
  for (const language of ['en', ...LOCAL_NAME_LANGUAGES]) {
    let displayNames: Intl.DisplayNames;
    try {
      displayNames = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    } catch {
      continue; // a runtime without this language's data
    }
    for (const alpha2 of alpha2Set) {
      let name: string | undefined;
      try {
        name = displayNames.of(alpha2);
      } catch {
        name = undefined;
      }
      if (!name) continue;
      const key = countryKey(name);
      if (!key || namesIndex().has(key)) continue;
      const existing = index.get(key);
      if (existing !== undefined && existing !== alpha2) ambiguous.add(key);
      else index.set(key, alpha2);
    }
  }
  for (const key of ambiguous) index.delete(key);
  localNamesIndex = index;
  return index;
}

function lookUpName(text: string): CountryCode | undefined {
  const key = countryKey(text);
  if (!key) return undefined;
  return namesIndex().get(key) ?? localNames().get(key);
}

/**
 * The ISO 3166-1 alpha-2 code of a country written as an alpha-2 or alpha-3 code ("DE", "DEU"), an English,
 * US-government or ISO name ("Germany", "Korea, North", "Burma"), or a local spelling ("Deutschland", "Ελλάδα").
 * Undefined when the text names no single country.
 */
export function toCountryCode(input: string): CountryCode | undefined {
  if (typeof input !== 'string') return undefined;
  const text = input.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  if (/^[A-Za-z]{2}$/.test(text)) {
    const code = text.toUpperCase();
    if (alpha2Set.has(code)) return code;
    if (code === 'UK') return 'GB';
    if (code === 'EL') return 'GR'; // the EU's code for Greece (VAT numbers, EU documents)
    return undefined;
  }
  if (/^[A-Za-z]{3}$/.test(text)) {
    const alpha2 = alpha3ToAlpha2.get(text.toUpperCase());
    if (alpha2) return alpha2;
  }
  const byName = lookUpName(text);
  if (byName) return byName;
  // "Turkey (Türkiye)", "Myanmar (Burma)": try the name outside the brackets, then inside.
  const bracketed = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(text);
  if (bracketed) {
    const outside = bracketed[1] ?? '';
    const inside = bracketed[2] ?? '';
    return lookUpName(outside) ?? lookUpName(inside);
  }
  return undefined;
}

/** English short name of an ISO 3166-1 alpha-2 code ("CD" → "Democratic Republic of the Congo"). */
export function countryName(code: CountryCode): string | undefined {
  return englishNames.get(code.toUpperCase());
}

/** True for an upper-case ISO 3166-1 alpha-2 code this module knows. */
export function isCountryCode(code: string): boolean {
  return alpha2Set.has(code);
}

/** All ISO 3166-1 alpha-2 codes this module knows, in alphabetical order. */
export function allCountryCodes(): CountryCode[] {
  return [...alpha2Set].sort();
}
