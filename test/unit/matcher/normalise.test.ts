// Normalisation: case, NFKC, accents and their ASCII spellings, punctuation, legal forms, location qualifiers.
import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions, normaliseName } from '@/src/matcher';
import { hashChars } from '@/src/matcher/compiled';
import { tokenise, type TokenStream } from '@/src/matcher/normalise';
import { entity, fixtureText } from './entity-fixtures';

const found = (names: Parameters<typeof entity>[1][], text: string): string[] =>
  findMentions(compileMatcher(names.map((name, k) => entity(`e${k}`, name))), text).map((m) => m.text);

describe('normaliseName', () => {
  it('folds case, NFKC and accents', () => {
    expect(normaliseName('ＡＣＭＥ  Trading')).toBe('acme trading');
    expect(normaliseName('Ñandú Müller')).toBe('nandu muller');
    expect(normaliseName('Straße')).toBe('strasse');
  });
  it('drops punctuation and joins initialisms written with dots', () => {
    expect(normaliseName('CO.,LTD')).toBe('co ltd');
    expect(normaliseName('Co. Ltd.')).toBe('co ltd');
    expect(normaliseName('S.A. de C.V.')).toBe('sa de cv');
    expect(normaliseName('SA DE CV')).toBe('sa de cv');
    expect(normaliseName('Sp. z o.o.')).toBe('sp z oo');
  });
  it('drops "&" and "and", soft hyphens, zero-width characters, apostrophes inside words and possessive "\'s"', () => {
    expect(normaliseName('Xinjiang East Hope&Nonferrous')).toBe('xinjiang east hope nonferrous');
    expect(normaliseName('Xinjiang East Hope and Nonferrous')).toBe('xinjiang east hope nonferrous');
    expect(normaliseName('Sup\u00adermax\u200b Corp')).toBe('supermax corp');
    expect(normaliseName("O'Neill Textiles")).toBe('oneill textiles');
    expect(normaliseName("Camel Group's")).toBe('camel group');
    expect(normaliseName('Camel Group\u2019s batteries')).toBe('camel group batteries');
    expect(normaliseName("McDonald's")).toBe('mcdonald');
  });
  it('keeps CJK characters as they are, one token each', () => {
    expect(normaliseName('骆驼集团')).toBe('骆 驼 集 团');
  });
  it('folds traditional Chinese characters to their simplified forms', () => {
    expect(normaliseName('鴻海精密工業股份有限公司')).toBe(normaliseName('鸿海精密工业股份有限公司'));
    expect(normaliseName('駱駝集團')).toBe('骆 驼 集 团');
  });
});

describe('tokenise', () => {
  /** Each token's folded text and its range, shifted by `offset`. */
  const tokensOf = (s: TokenStream, offset = 0): string[] =>
    Array.from({ length: s.count }, (_, t) => `${String.fromCharCode(...s.folded.subarray(s.foldStart[t], s.foldEnd[t]))}@${s.origStart[t]! - offset}-${s.origEnd[t]! - offset}`);

  // Names in many scripts, and characters whose UTF-8 length differs: astral ones, lone surrogates, combining marks.
  const nameLines = [
    ...fixtureText('name_matching/nomenklatura_name_bench_cases.csv').split('\n').filter((line) => line.length > 0),
    '😀 Müller GmbH \ud800 x', '\udc00 Ñandú 有限公司 S.A. de C.V.', 'e\u0301 𠀀𠀁 «Ассоциация»', 'AB'.repeat(1500),
  ];
  // A mostly English page (1% non-ASCII: read through its UTF-8 bytes) and one mostly in other scripts (a quarter
  // non-ASCII: read one code unit at a time).
  const otherScripts = nameLines.filter((line) => /[^\0-\x7f]{3}/.test(line));
  const pages = {
    'a mostly English page': { lines: nameLines, nonAscii: [0, 0.02] },
    'a page mostly in other scripts': { lines: [...otherScripts, ...otherScripts], nonAscii: [0.1, 1] },
  };
  for (const [kind, { lines, nonAscii }] of Object.entries(pages)) {
    it(`reads ${kind} exactly as it reads each of its lines`, () => {
      const page = lines.join('\n');
      expect(page.length).toBeGreaterThan(4096 * 2);
      const share = page.replace(/[\0-\x7f]/g, '').length / page.length;
      expect(share).toBeGreaterThan(nonAscii[0]!);
      expect(share).toBeLessThan(nonAscii[1]!);
      const expected: string[] = [];
      let offset = 0;
      for (const line of lines) {
        expected.push(...tokensOf(tokenise(line), 0).map((token) => token.replace(/@(\d+)-(\d+)$/, (_, a, b) => `@${+a + offset}-${+b + offset}`)));
        offset += line.length + 1;
      }
      expect(tokensOf(tokenise(page))).toEqual(expected);
    });
  }

  it('hashes every token as the vocabulary does, in both fold modes and for merged initialisms', () => {
    const text = `${fixtureText('name_matching/nomenklatura_name_bench_cases.csv')}\nS.A. de C.V. Sp. z o.o. Mu\u0308ller & Söhne`;
    for (const mode of ['strip', 'german'] as const) {
      for (const piece of [text, text.slice(0, 3000), 'Müller GmbH', 'Co., Ltd.']) {
        const s = tokenise(piece, mode);
        const wrong = Array.from({ length: s.count }, (_, t) => t).filter((t) => s.hash[t]! >>> 0 !== hashChars(s.folded, s.foldStart[t]!, s.foldEnd[t]!));
        expect(wrong).toEqual([]);
        expect(s.count).toBeGreaterThan(1);
      }
    }
  });
});

describe('matching through normalisation', () => {
  it('matches Müller as Mueller and Muller, and Mueller as Müller', () => {
    expect(found(['Müller Textil GmbH'], 'Order from Mueller Textil GmbH today')).toEqual(['Mueller Textil GmbH']);
    expect(found(['Müller Textil GmbH'], 'Order from MULLER TEXTIL GMBH today')).toEqual(['MULLER TEXTIL GMBH']);
    expect(found(['Mueller Textil GmbH'], 'Order from Müller Textil GmbH today')).toEqual(['Müller Textil GmbH']);
  });
  it('matches Ñandú as Nandu', () => {
    expect(found(['Ñandú Textiles S.A.'], 'awarded to Nandu Textiles SA.')).toEqual(['Nandu Textiles SA.']);
  });
  it('ignores spacing and punctuation of legal forms ("CO.,LTD" = "Co. Ltd.")', () => {
    expect(found(['Baoding LYSZD Trade and Business Co., Ltd.'], 'BAODING LYSZD TRADE AND BUSINESS CO.,LTD')).toEqual([
      'BAODING LYSZD TRADE AND BUSINESS CO.,LTD',
    ]);
  });
  it('treats legal forms as optional and interchangeable within their class', () => {
    const names = ['Hetian Haolin Hair Accessories Co. Ltd.'];
    expect(found(names, 'Hetian Haolin Hair Accessories Company Limited')).toEqual(['Hetian Haolin Hair Accessories Company Limited']);
    expect(found(names, 'Hetian Haolin Hair Accessories 有限公司')).toEqual(['Hetian Haolin Hair Accessories 有限公司']);
    expect(found(names, 'Hetian Haolin Hair Accessories supplies')).toEqual(['Hetian Haolin Hair Accessories']);
    expect(found(['Ostwind Logistik GmbH & Co. KG'], 'Ostwind Logistik GmbH und Co. KG')).toEqual(['Ostwind Logistik GmbH und Co. KG']);
    expect(found(['Grupo Textil Sierra S.A. de C.V.'], 'GRUPO TEXTIL SIERRA SA DE CV')).toEqual(['GRUPO TEXTIL SIERRA SA DE CV']);
    expect(found(['Supermax Corporation Berhad'], 'Supermax Corporation Bhd.')).toEqual(['Supermax Corporation Bhd.']);
  });
  it('keeps the full stop of forms usually abbreviated with one, not of others', () => {
    expect(found(['Ostwind Logistik GmbH'], 'We paid Ostwind Logistik GmbH. Then')).toEqual(['Ostwind Logistik GmbH']);
    expect(found(['Ostwind Logistik Ltd'], 'We paid Ostwind Logistik Ltd. Then')).toEqual(['Ostwind Logistik Ltd.']);
  });
  it('reads legal forms written before the name (OOO, ООО, LLC)', () => {
    const texts = found(['Limited Liability Company "Aeroscan"'], 'Supplier: OOO “Aeroscan”, Orenburg');
    expect(texts).toEqual(['OOO “Aeroscan']);
  });
  it('makes location qualifiers such as "(Shanshan)" optional', () => {
    const names = ['Hoshine Silicon Industry (Shanshan) Co., Ltd'];
    expect(found(names, 'Hoshine Silicon Industry Co., Ltd shipped')).toEqual(['Hoshine Silicon Industry Co., Ltd']);
    expect(found(names, 'Hoshine Silicon Industry (Shanshan) Co., Ltd shipped')).toEqual(['Hoshine Silicon Industry (Shanshan) Co., Ltd']);
  });
  it('matches names in Chinese script inside running Chinese text, without word boundaries', () => {
    expect(found(['骆驼集团股份有限公司'], '供应商为骆驼集团股份有限公司。')).toEqual(['骆驼集团股份有限公司']);
    expect(found(['骆驼集团股份有限公司'], '供应商为骆驼集团的子公司')).toEqual(['骆驼集团']);
    expect(found(['鴻海精密工業股份有限公司'], '供应商为鸿海精密工业股份有限公司。')).toEqual(['鸿海精密工业股份有限公司']);
  });
  it('knows long and national spellings of legal forms as their class', () => {
    const tier = (name: string, text: string) => findMentions(compileMatcher([entity('e0', name)]), text).map((m) => [m.text, m.confidence]);
    expect(tier('Bespilotnye Sistemy LLC', 'Bespilotnye Sistemy OOO delivered')).toEqual([['Bespilotnye Sistemy OOO', 'high']]);
    expect(tier('Forta Lab, S.A. de C.V.', 'Forta Lab, Sociedad Anónima de Capital Variable')).toEqual([
      ['Forta Lab, Sociedad Anónima de Capital Variable', 'high'],
    ]);
    expect(tier('Erdal GesmbH & Co KG', 'Erdal Gesellschaft m.b.H. & Co. KG')).toEqual([['Erdal Gesellschaft m.b.H. & Co. KG', 'high']]);
    expect(tier('Savoy Indústria de Cosméticos S.A.', 'SAVOY INDÚSTRIA DE COSMÉTICOS S/A')).toEqual([['SAVOY INDÚSTRIA DE COSMÉTICOS S/A', 'high']]);
    expect(tier('Акционерное общество "Зала Аэро"', 'компания АО «Зала Аэро»')).toEqual([['АО «Зала Аэро', 'high']]);
  });
  it('reads Cyrillic sentence case and words that begin with a digit as written in proper case', () => {
    const tier = (name: string, text: string) => findMentions(compileMatcher([entity('e0', name)]), text).map((m) => m.confidence);
    expect(tier('НЕКОММЕРЧЕСКОЕ ПАРТНЕРСТВО "АССОЦИАЦИЯ БЕСПИЛОТНЫХ СИСТЕМ"', 'членом НП «Ассоциация беспилотных систем»')).toEqual(['high']);
    expect(tier('Confecciones - El Pedregal 4c', 'Proveedor: Confecciones - El Pedregal 4c.')).toEqual(['high']);
  });
  it('matches Cyrillic names in Cyrillic', () => {
    expect(found(['Общество с ограниченной ответственностью "Беспилотные системы"'], 'поставщик ООО «Беспилотные Системы»')).toEqual([
      'ООО «Беспилотные Системы',
    ]);
  });
});
