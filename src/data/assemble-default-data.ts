// Assembles the first-run knowledge base (DefaultData) from the texts of the committed source files: converts
// each list, checks the risk map against them, validates the whole and summarises it. Pure: the caller reads files.
import type { DefaultData } from '../core/types';
import { convertCpv } from './convert/cpv';
import { convertDfoHighRiskList } from './convert/dfo';
import { convertIlabGoods } from './convert/ilab';
import { convertRiskMap } from './convert/risk-map';
import { convertCbpOrders } from './convert/cbp-wro';
import { convertUflpaList } from './convert/uflpa-list';
import { assertValidDefaultData } from './validate-default-data';

/** One source file: the name used in error messages, and its text. */
export interface SourceFileText {
  fileName: string;
  text: string;
}

export interface DefaultDataSourceTexts {
  ilabGoods: SourceFileText;
  cpv: SourceFileText;
  dfoHighRiskList: SourceFileText;
  uflpaEntityList: SourceFileText;
  cbpOrders: SourceFileText;
  riskMap: SourceFileText;
}

/**
 * Converts and cross-checks the sources; `builtFrom` records what they were (e.g. a digest of the files).
 * Throws a CsvError, RiskMapError or DefaultDataError saying which file, line and field is wrong.
 */
export function assembleDefaultData(texts: DefaultDataSourceTexts, builtFrom: string): DefaultData {
  const ilab = convertIlabGoods(texts.ilabGoods.text, texts.ilabGoods.fileName);
  const cpv = convertCpv(texts.cpv.text, texts.cpv.fileName);
  const dfo = convertDfoHighRiskList(texts.dfoHighRiskList.text, texts.dfoHighRiskList.fileName);
  const uflpa = convertUflpaList(texts.uflpaEntityList.text, texts.uflpaEntityList.fileName);
  const cbp = convertCbpOrders(texts.cbpOrders.text, texts.cbpOrders.fileName);
  const riskMap = convertRiskMap(texts.riskMap.text, texts.riskMap.fileName, {
    cpvCodes: new Set(cpv.cpv.map((entry) => entry.code8)),
    ilabFlagIdsByGood: ilab.flagIdsByGood,
    dfoFlagIdByProduct: dfo.flagIdByProduct,
    dfoSuggestedCpvByFlagId: dfo.suggestedCpvByFlagId,
  });
  const data: DefaultData = {
    formatVersion: 1,
    builtFrom,
    sources: [ilab.source, dfo.source, uflpa.source, cbp.source, cpv.source, riskMap.source],
    entities: [...uflpa.entities, ...cbp.entities],
    flags: [...ilab.flags, ...dfo.flags, ...uflpa.flags, ...cbp.flags],
    riskCategories: riskMap.riskCategories,
    cpv: cpv.cpv,
  };
  assertValidDefaultData(data);
  return data;
}

/** One line with the counts per source: "us-dol-ilab 599 flags; …; 9454 CPV codes". */
export function summariseDefaultData(data: DefaultData): string {
  const parts = data.sources.map((source) => {
    const flags = data.flags.filter((flag) => flag.sourceId === source.id).length;
    const entities = data.entities.filter((entity) => entity.sourceId === source.id).length;
    const counts: string[] = [];
    if (entities > 0) counts.push(`${entities} entities`);
    if (flags > 0) counts.push(`${flags} flags`);
    return counts.length > 0 ? `${source.id} ${counts.join(', ')}${source.partial ? ' (partial)' : ''}` : undefined;
  });
  return [
    ...parts.filter((part): part is string => part !== undefined),
    `${data.riskCategories.length} risk categories`,
    `${data.cpv.length} CPV codes`,
  ].join('; ');
}
