// Product words as disclosures write them, in English, French, Dutch, German, Spanish and Swedish, mapped to the
// ILAB goods (exact names in the ILAB 2022 list) and TenderLens's risk categories (ids in
// sources/tenderlens-risk-map/cpv_risk_categories.csv) they belong to. A word matches a product when the folded
// product text has a word starting with it ("batter" in "batteries"); compound languages also match inside a word
// for stems of six letters or more ("lithiumbatterijen", "Sicherheitsschuhe"). Pure data; tested in
// test/unit/data/product-words.test.ts.

export interface ProductWordEntry {
  /** ILAB goods this product is or is made of. */
  goods: readonly string[];
  /** Risk categories (ids) of the product. */
  categories: readonly string[];
  /** Folded text that rules the entry out ("handschuh" is a glove, not a shoe). */
  unless?: readonly string[];
  words: { en: readonly string[]; fr: readonly string[]; nl: readonly string[]; de: readonly string[]; es: readonly string[]; sv: readonly string[] };
}

export const PRODUCT_WORDS: readonly ProductWordEntry[] = [
  { goods: ['Garments'], categories: ['garments'], words: {
    en: ['garment', 'clothing', 'apparel', 'shirt', 't-shirt', 'trouser', 'jacket', 'vest', 'polo', 'uniform', 'workwear', 'coverall', 'lingerie', 'bra', 'underwear', 'legging', 'sweatshirt', 'jeans', 'hi-vis'],
    fr: ['vêtement', 'chemise', 'pantalon', 'veste', 'uniforme', 'sous-vêtement', 'gilet', 'lingerie'],
    nl: ['kleding', 'hemd', 'broek', 'jas', 'jassen', 'uniform', 'werkkleding', 'overhemd'],
    de: ['bekleidung', 'kleidung', 'hemd', 'hose', 'hosen', 'jacke', 'arbeitskleidung', 'weste', 'unterwäsche'],
    es: ['ropa', 'prenda', 'camisa', 'pantalón', 'chaqueta', 'uniforme', 'chaleco', 'lencería'],
    sv: ['kläder', 'skjorta', 'skjortor', 'byxor', 'jacka', 'arbetskläder', 'väst', 'underkläder'] } },
  { goods: ['Cotton'], categories: ['cotton', 'textiles'], words: {
    en: ['cotton'], fr: ['coton'], nl: ['katoen'], de: ['baumwoll'], es: ['algodón'], sv: ['bomull'] } },
  { goods: ['Thread/Yarn'], categories: ['textiles'], words: {
    en: ['yarn', 'thread'], fr: ['fil', 'fils'], nl: ['garen', 'garens'], de: ['garn', 'garne'], es: ['hilo', 'hilado'], sv: ['garn', 'tråd'] } },
  { goods: ['Textiles'], categories: ['textiles'], words: {
    en: ['textile', 'fabric', 'towel', 'terry', 'linen', 'embroider'], fr: ['textile', 'tissu', 'serviette', 'linge', 'broderie'],
    nl: ['textiel', 'stof', 'stoffen', 'handdoek', 'linnen', 'borduur'], de: ['textil', 'stoff', 'handtuch', 'handtücher', 'stickerei'],
    es: ['textil', 'tela', 'toalla', 'bordado'], sv: ['textil', 'tyg', 'handduk', 'broderi'] } },
  { goods: ['Footwear'], categories: ['footwear'], unless: ['handschuh'], words: {
    en: ['shoe', 'footwear', 'boot', 'sandal', 'sneaker'], fr: ['chaussure', 'botte', 'sandale'], nl: ['schoen', 'schoeisel', 'laars'],
    de: ['schuh', 'schuhe', 'stiefel', 'sandale'], es: ['zapato', 'calzado', 'bota', 'sandalia'], sv: ['sko', 'skor', 'stövel', 'sandal'] } },
  { goods: ['Gloves', 'Rubber Gloves'], categories: ['gloves'], words: {
    en: ['glove', 'nitrile', 'latex'], fr: ['gant'], nl: ['handschoen'], de: ['handschuh'], es: ['guante'], sv: ['handske', 'handskar'] } },
  { goods: ['Electronics'], categories: ['electronics-ict'], words: {
    en: ['electronic', 'laptop', 'notebook computer', 'computer', 'tablet', 'smartphone', 'phone', 'monitor', 'server', 'printed circuit', 'pcb', 'display'],
    fr: ['électronique', 'ordinateur', 'portable', 'tablette', 'téléphone', 'écran', 'serveur'],
    nl: ['elektronica', 'laptop', 'computer', 'tablet', 'telefoon', 'beeldscherm', 'server'],
    de: ['elektronik', 'laptop', 'computer', 'rechner', 'tablet', 'telefon', 'bildschirm', 'server', 'leiterplatte'],
    es: ['electrónic', 'ordenador', 'computadora', 'portátil', 'tableta', 'teléfono', 'pantalla', 'servidor'],
    sv: ['elektronik', 'dator', 'bärbar', 'surfplatta', 'telefon', 'bildskärm', 'server'] } },
  { goods: ['Lithium-Ion Batteries'], categories: ['batteries'], words: {
    en: ['batter', 'lithium', 'li-ion', 'cell pack'], fr: ['batterie', 'pile', 'accumulateur'], nl: ['batterij', 'accu', 'lithium'],
    de: ['batterie', 'akku', 'lithium'], es: ['batería', 'pila', 'litio'], sv: ['batteri', 'litium'] } },
  { goods: ['Polysilicon'], categories: ['solar-pv', 'electronics-ict'], words: {
    en: ['polysilicon', 'silicon metal', 'metallurgical silicon', 'silicon'], fr: ['polysilicium', 'silicium'], nl: ['polysilicium', 'silicium'],
    de: ['polysilizium', 'silizium'], es: ['polisilicio', 'silicio'], sv: ['polykisel', 'kisel'] } },
  { goods: ['Solar Modules', 'Solar Cells', 'Photovoltaic Wafers', 'Photovoltaic Ingots'], categories: ['solar-pv'], words: {
    en: ['solar', 'photovoltaic', 'pv module', 'wafer', 'ingot'], fr: ['solaire', 'photovoltaïque'], nl: ['zonnepaneel', 'zonnepanelen', 'zonne', 'fotovolta'],
    de: ['solar', 'photovoltaik'], es: ['solar', 'fotovoltaic'], sv: ['solcell', 'solpanel', 'solenergi'] } },
  { goods: ['Soap'], categories: ['soap-cleaning'], words: {
    en: ['soap', 'detergent'], fr: ['savon', 'détergent', 'lessive'], nl: ['zeep', 'wasmiddel'], de: ['seife', 'waschmittel'], es: ['jabón', 'detergente'], sv: ['tvål', 'tvättmedel'] } },
  { goods: ['Toys'], categories: ['toys'], words: {
    en: ['toy', 'toys'], fr: ['jouet'], nl: ['speelgoed'], de: ['spielzeug', 'spielwaren'], es: ['juguete'], sv: ['leksak'] } },
  { goods: ['Furniture'], categories: ['furniture'], words: {
    en: ['furniture', 'desk', 'chair', 'cabinet'], fr: ['meuble', 'mobilier', 'bureau', 'chaise'], nl: ['meubel', 'meubilair', 'bureau', 'stoel'],
    de: ['möbel', 'schreibtisch', 'stuhl'], es: ['mueble', 'mobiliario', 'escritorio', 'silla'], sv: ['möbel', 'möbler', 'skrivbord', 'stol'] } },
  { goods: ['Leather', 'Leather Goods/Accessories'], categories: ['leather-goods'], words: {
    en: ['leather'], fr: ['cuir'], nl: ['leder', 'leer'], de: ['leder'], es: ['cuero', 'piel'], sv: ['läder'] } },
  { goods: ['Rubber'], categories: ['natural-rubber'], words: {
    en: ['rubber'], fr: ['caoutchouc'], nl: ['rubber'], de: ['gummi', 'kautschuk'], es: ['caucho', 'goma'], sv: ['gummi'] } },
];
