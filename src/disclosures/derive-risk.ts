// The risks a facility carries whatever its name: its products in its country against the ILAB list of goods
// (rubber gloves in Malaysia, cotton in Türkiye or China, polysilicon in China…), the high-risk categories its
// products fall in (with the DFØ statements behind them), and its region — a facility in Xinjiang is itself a UFLPA
// concern (the Act presumes goods made there are made with forced labour). Pure.
import type { Flag, RiskCategory } from '../core/types';
import { PRODUCT_WORDS, type ProductWordEntry } from '../data/product-words';
import type { DisclosedFacility } from './types';

export interface ProductMatch {
  product: string;
  word: string;
  goods: readonly string[];
  categories: readonly string[];
}

export interface ProductCountryRisk {
  /** The disclosure's product text and the ILAB good it was read as. */
  product: string;
  good: string;
  country: string;
  flags: Flag[];
}

export interface CategoryRisk {
  category: Pick<RiskCategory, 'id' | 'label'>;
  products: string[];
  /** Country-independent statements (DFØ) about the category. */
  flags: Flag[];
}

export interface FacilityRisk {
  productMatches: ProductMatch[];
  /** Products the table could not place: their risk is unknown, not absent. */
  unplacedProducts: string[];
  productCountry: ProductCountryRisk[];
  categories: CategoryRisk[];
  region?: { name: 'Xinjiang'; matched: string; reason: string };
}

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

interface CompiledWord { entry: ProductWordEntry; word: string; re: RegExp }

const COMPILED: CompiledWord[] = PRODUCT_WORDS.flatMap((entry) =>
  Object.values(entry.words).flat().map((word) => {
    const w = fold(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // words of up to four letters are whole words (a plural -s or -es allowed); longer ones start a word, and from
    // six letters also sit inside a compound
    const re = w.length <= 4 ? new RegExp(`(^|[^\\p{L}])${w}(e?s)?($|[^\\p{L}])`, 'u') : w.length >= 6 ? new RegExp(w, 'u') : new RegExp(`(^|[^\\p{L}])${w}`, 'u');
    return { entry, word, re };
  }),
);

/** The ILAB goods and risk categories the product words of one product text name. */
export function matchProduct(product: string): ProductMatch[] {
  const text = fold(product);
  const found = new Map<ProductWordEntry, ProductMatch>();
  for (const { entry, word, re } of COMPILED) {
    if (entry.unless?.some((u) => text.includes(u))) continue;
    if (!found.has(entry) && re.test(text)) found.set(entry, { product, word, goods: entry.goods, categories: entry.categories });
  }
  return [...found.values()];
}

const XINJIANG = /xinjiang|新疆|\bxuar\b|[üu]r[üu]mqi|urumchi|kashgar|kashi\b|hotan|hetian|aksu|akesu|shihezi|turpan|tulufan|shanshan county|hami\b|korla|changji|karamay|kelamayi|yining|ghulja|bortala|bayingolin|kizilsu|altay|tacheng|wujiaqu|alar\b|tumxuk/iu;

/** Whether a facility's address or region places it in Xinjiang, and on which words. */
export function xinjiangRegion(facility: Pick<DisclosedFacility, 'address' | 'region' | 'country'>): FacilityRisk['region'] {
  if (facility.country !== 'CN') return undefined;
  const match = XINJIANG.exec(`${facility.region ?? ''} ${facility.address}`);
  if (!match) return undefined;
  return { name: 'Xinjiang', matched: match[0], reason: `the address or region names "${match[0]}", in the Xinjiang Uyghur Autonomous Region: goods made there are presumed made with forced labour under the UFLPA, whoever makes them` };
}

export interface RiskLookups {
  /** ILAB statements (and other product-country statements) by good. */
  productFlags: readonly Flag[];
  riskCategories: readonly RiskCategory[];
  flag(id: string): Flag | undefined;
}

export function deriveFacilityRisk(facility: DisclosedFacility, k: RiskLookups): FacilityRisk {
  const productMatches = facility.products.flatMap(matchProduct);
  const unplacedProducts = facility.products.filter((p) => !productMatches.some((m) => m.product === p));
  const productCountry: ProductCountryRisk[] = [];
  for (const m of productMatches) {
    for (const good of m.goods) {
      const flags = k.productFlags.filter((f) => f.product === good && f.country === facility.country);
      if (flags.length > 0 && !productCountry.some((r) => r.good === good)) productCountry.push({ product: m.product, good, country: facility.country, flags });
    }
  }
  const categories: CategoryRisk[] = [];
  for (const m of productMatches) {
    for (const id of m.categories) {
      const category = k.riskCategories.find((c) => c.id === id);
      if (!category) continue;
      const existing = categories.find((c) => c.category.id === id);
      if (existing) {
        if (!existing.products.includes(m.product)) existing.products.push(m.product);
        continue;
      }
      const flags = category.flagIds.map((fid) => k.flag(fid)).filter((f): f is Flag => !!f && f.country === undefined);
      categories.push({ category: { id: category.id, label: category.label }, products: [m.product], flags });
    }
  }
  const region = xinjiangRegion(facility);
  return { productMatches, unplacedProducts, productCountry, categories, ...(region ? { region } : {}) };
}
