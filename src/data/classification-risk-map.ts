// TenderLens's map from the product codes portals use besides CPV to its risk categories (ids in
// sources/tenderlens-risk-map/cpv_risk_categories.csv, the same categories CPV codes fall in), with each code's
// official title. A code is mapped only where its title names the good itself; codes of services, of mixed goods
// ("Household furnishings") or of industries whose title does not say the good (semiconductors, which include solar
// cells) are left out, so a notice with them has no category from them (which is not the same as no risk).
// The code systems, as their publishers define them:
// - UNSPSC (United Nations Standard Products and Services Code), managed by GS1 US for the UN Development
//   Programme, https://www.unspsc.org and https://www.ungm.org/Public/UNSPSC: segment (2 digits), family (4), class
//   (6), commodity (8), each written as 8 digits padded with zeros ("46181504" Protective gloves, in class
//   "46181500" Safety apparel). English titles of the UNSPSC code set.
// - NAICS 2022 (North American Industry Classification System), US Census Bureau, https://www.census.gov/naics/:
//   sector (2 digits) to national industry (6); a longer code lies under each of its prefixes. Some 2017 codes
//   that 2022 merged (335911, 335912 into 335910) are kept, since older notices still carry them.
// - PSC (Product and Service Codes), US General Services Administration, PSC Manual,
//   https://www.acquisition.gov/psc-manual: four-digit product codes are Federal Supply Classes (the first two digits
//   their group); codes starting with a letter are services and R&D, none of which is mapped.
// Pure data; checked by test/unit/data/classification-risk-map.test.ts (every category exists, no code twice).

export type MappedScheme = 'unspsc' | 'naics' | 'psc';

export interface ClassificationRiskEntry {
  scheme: MappedScheme;
  /** UNSPSC: 8 digits (zeros for the levels below); NAICS: 2–6 digits; PSC: 4 characters. */
  code: string;
  /** The code's official English title. */
  title: string;
  /** Risk category ids. */
  categories: readonly string[];
}

const unspsc = (code: string, title: string, ...categories: string[]): ClassificationRiskEntry => ({ scheme: 'unspsc', code, title, categories });
const naics = (code: string, title: string, ...categories: string[]): ClassificationRiskEntry => ({ scheme: 'naics', code, title, categories });
const psc = (code: string, title: string, ...categories: string[]): ClassificationRiskEntry => ({ scheme: 'psc', code, title, categories });

export const CLASSIFICATION_RISK_MAP: readonly ClassificationRiskEntry[] = [
  // UNSPSC
  unspsc('11150000', 'Fibers and threads and yarns', 'textiles'),
  unspsc('11160000', 'Fabrics and leather materials', 'textiles', 'leather-goods'),
  unspsc('26111700', 'Batteries and cells and accessories', 'batteries'),
  unspsc('39100000', 'Lamps and lightbulbs and lamp components', 'lighting'),
  unspsc('39110000', 'Lighting Fixtures and Accessories', 'lighting'),
  unspsc('42132200', 'Medical gloves and accessories', 'gloves'),
  unspsc('43190000', 'Communications Devices and Accessories', 'electronics-ict'),
  unspsc('43210000', 'Computer Equipment and Accessories', 'electronics-ict'),
  unspsc('44121700', 'Writing instruments', 'pens'),
  unspsc('46181500', 'Safety apparel', 'garments'),
  unspsc('46181504', 'Protective gloves', 'gloves'),
  unspsc('46181600', 'Safety footwear', 'footwear'),
  unspsc('53100000', 'Clothing', 'garments'),
  unspsc('53110000', 'Footwear', 'footwear'),
  unspsc('53120000', 'Luggage and handbags and packs and cases', 'leather-goods'),
  unspsc('56100000', 'Accommodation furniture', 'furniture'),
  unspsc('56110000', 'Commercial and industrial furniture', 'furniture'),
  unspsc('56120000', 'Classroom and instructional and institutional furniture and fixtures', 'furniture'),
  unspsc('60140000', 'Toys and games', 'toys'),

  // NAICS 2022
  naics('111920', 'Cotton Farming', 'cotton'),
  naics('111160', 'Rice Farming', 'rice'),
  naics('111140', 'Wheat Farming', 'cereals'),
  naics('111150', 'Corn Farming', 'cereals'),
  naics('111910', 'Tobacco Farming', 'tobacco'),
  naics('111930', 'Sugarcane Farming', 'sugar'),
  naics('111991', 'Sugar Beet Farming', 'sugar'),
  naics('1113', 'Fruit and Tree Nut Farming', 'fruit-nuts'),
  naics('1112', 'Vegetable and Melon Farming', 'vegetables'),
  naics('1133', 'Logging', 'timber-wood'),
  naics('1141', 'Fishing', 'fish-seafood'),
  naics('2121', 'Coal Mining', 'coal-charcoal'),
  naics('212220', 'Gold Ore and Silver Ore Mining', 'conflict-minerals', 'jewellery-gems'),
  naics('21231', 'Stone Mining and Quarrying', 'stone-aggregates'),
  naics('212321', 'Construction Sand and Gravel Mining', 'stone-aggregates'),
  naics('311212', 'Rice Milling', 'rice'),
  naics('311313', 'Beet Sugar Manufacturing', 'sugar'),
  naics('311314', 'Cane Sugar Manufacturing', 'sugar'),
  naics('311351', 'Chocolate and Confectionery Manufacturing from Cacao Beans', 'cocoa'),
  naics('311352', 'Confectionery Manufacturing from Purchased Chocolate', 'cocoa'),
  naics('3115', 'Dairy Product Manufacturing', 'dairy'),
  naics('3116', 'Animal Slaughtering and Processing', 'meat-livestock'),
  naics('3117', 'Seafood Product Preparation and Packaging', 'fish-seafood'),
  naics('311920', 'Coffee and Tea Manufacturing', 'coffee', 'tea'),
  naics('311942', 'Spice and Extract Manufacturing', 'spices'),
  naics('3122', 'Tobacco Manufacturing', 'tobacco'),
  naics('313', 'Textile Mills', 'textiles'),
  naics('314', 'Textile Product Mills', 'textiles'),
  naics('314110', 'Carpet and Rug Mills', 'carpets'),
  naics('315', 'Apparel Manufacturing', 'garments'),
  naics('316', 'Leather and Allied Product Manufacturing', 'leather-goods'),
  naics('3162', 'Footwear Manufacturing', 'footwear'),
  naics('321', 'Wood Product Manufacturing', 'timber-wood'),
  naics('325611', 'Soap and Other Detergent Manufacturing', 'soap-cleaning'),
  naics('3272', 'Glass and Glass Product Manufacturing', 'glass'),
  naics('327310', 'Cement Manufacturing', 'bricks-cement'),
  naics('3341', 'Computer and Peripheral Equipment Manufacturing', 'electronics-ict'),
  naics('3342', 'Communications Equipment Manufacturing', 'electronics-ict'),
  naics('3343', 'Audio and Video Equipment Manufacturing', 'electronics-ict'),
  naics('3351', 'Electric Lighting Equipment Manufacturing', 'lighting'),
  naics('335910', 'Battery Manufacturing', 'batteries'),
  naics('335911', 'Storage Battery Manufacturing (NAICS 2017)', 'batteries'),
  naics('335912', 'Primary Battery Manufacturing (NAICS 2017)', 'batteries'),
  naics('3371', 'Household and Institutional Furniture and Kitchen Cabinet Manufacturing', 'furniture'),
  naics('3372', 'Office Furniture (including Fixtures) Manufacturing', 'furniture'),
  naics('339112', 'Surgical and Medical Instrument Manufacturing', 'surgical-instruments'),
  naics('339910', 'Jewelry and Silverware Manufacturing', 'jewellery-gems'),
  naics('339930', 'Doll, Toy, and Game Manufacturing', 'toys'),
  naics('423210', 'Furniture Merchant Wholesalers', 'furniture'),
  naics('423430', 'Computer and Computer Peripheral Equipment and Software Merchant Wholesalers', 'electronics-ict'),
  naics('423920', 'Toy and Hobby Goods and Supplies Merchant Wholesalers', 'toys'),
  naics('424340', 'Footwear Merchant Wholesalers', 'footwear'),

  // PSC (Federal Supply Classes)
  psc('1370', 'Pyrotechnics', 'fireworks-matches'),
  psc('5315', 'Nails, Machine Keys, and Pins', 'hardware'),
  psc('5510', 'Lumber and Related Basic Wood Materials', 'timber-wood'),
  psc('5805', 'Telephone and Telegraph Equipment', 'electronics-ict'),
  psc('5820', 'Radio and Television Communication Equipment, Except Airborne', 'electronics-ict'),
  psc('5895', 'Miscellaneous Communication Equipment', 'electronics-ict'),
  psc('5961', 'Semiconductor Devices and Associated Hardware', 'electronics-ict'),
  psc('5962', 'Microcircuits, Electronic', 'electronics-ict'),
  psc('6117', 'Solar Electric Power Systems', 'solar-pv'),
  psc('6135', 'Batteries, Nonrechargeable', 'batteries'),
  psc('6140', 'Batteries, Rechargeable', 'batteries'),
  psc('6210', 'Indoor and Outdoor Electric Lighting Fixtures', 'lighting'),
  psc('6240', 'Electric Lamps', 'lighting'),
  psc('6515', 'Medical and Surgical Instruments, Equipment, and Supplies', 'surgical-instruments', 'medical-devices'),
  psc('7105', 'Household Furniture', 'furniture'),
  psc('7110', 'Office Furniture', 'furniture'),
  psc('7220', 'Floor Coverings', 'carpets'),
  psc('7530', 'Stationery and Record Forms', 'paper-products'),
  psc('7930', 'Cleaning and Polishing Compounds and Preparations', 'soap-cleaning'),
  psc('8305', 'Textile Fabrics', 'textiles'),
  psc('8310', 'Yarn and Thread', 'textiles'),
  psc('8330', 'Leather', 'leather-goods'),
  psc('8405', 'Outerwear, Men\'s', 'garments'),
  psc('8410', 'Outerwear, Women\'s', 'garments'),
  psc('8415', 'Clothing, Special Purpose', 'garments'),
  psc('8420', 'Underwear and Nightwear, Men\'s', 'garments'),
  psc('8425', 'Underwear and Nightwear, Women\'s', 'garments'),
  psc('8430', 'Footwear, Men\'s', 'footwear'),
  psc('8435', 'Footwear, Women\'s', 'footwear'),
  psc('8440', 'Hosiery, Handwear, and Clothing Accessories, Men\'s', 'garments', 'gloves'),
  psc('8445', 'Hosiery, Handwear, and Clothing Accessories, Women\'s', 'garments', 'gloves'),
  psc('8450', 'Children\'s and Infants\' Apparel and Accessories', 'garments'),
  psc('8460', 'Luggage', 'leather-goods'),
  psc('8905', 'Meat, Poultry, and Fish', 'meat-livestock', 'fish-seafood'),
  psc('8910', 'Dairy Foods and Eggs', 'dairy'),
  psc('8915', 'Fruits and Vegetables', 'fruit-nuts', 'vegetables'),
  psc('8925', 'Sugar, Confectionery, and Nuts', 'sugar', 'fruit-nuts'),
  psc('8945', 'Food, Oils and Fats', 'vegetable-oils'),
  psc('8955', 'Coffee, Tea, and Cocoa', 'coffee', 'tea', 'cocoa'),
  psc('8975', 'Tobacco Products', 'tobacco'),
  psc('9110', 'Fuels, Solid', 'coal-charcoal'),
  psc('9920', 'Smokers\' Articles and Matches', 'fireworks-matches'),
];
