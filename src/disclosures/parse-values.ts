// The values of a disclosure's cells: dates (ISO, or day first with / . or -), yes/no in six languages, the
// production stage in six languages, multi-value cells (split on | , and ;), worker counts. Each returns undefined
// for a value it cannot read, so the caller can say which cell was wrong. Pure.
import type { ProductionStage } from './types';

function validDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900 || y > 2100) return undefined;
  return date.toISOString().slice(0, 10);
}

/** YYYY-MM-DD (also with a time after it), DD/MM/YYYY, DD.MM.YYYY or DD-MM-YYYY, as an ISO date. */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(t);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

const YES = new Set(['yes', 'y', 'true', '1', 'oui', 'ja', 'si', 'sí', 'x']);
const NO = new Set(['no', 'n', 'false', '0', 'non', 'nee', 'nein', 'nej']);

export function parseYesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

const STAGES: Record<string, ProductionStage> = {
  assembly: 'assembly', 'final assembly': 'assembly', 'final product assembly': 'assembly', assemblage: 'assembly',
  montage: 'assembly', assemblaggio: 'assembly', ensamblaje: 'assembly', montaje: 'assembly', 'montering': 'assembly', eindassemblage: 'assembly', endmontage: 'assembly',
  component: 'component', components: 'component', composant: 'component', composants: 'component', component_: 'component',
  onderdeel: 'component', onderdelen: 'component', componenten: 'component', komponente: 'component', komponenten: 'component',
  componente: 'component', componentes: 'component', komponent: 'component', komponenter: 'component',
  'raw material': 'raw-material', 'raw materials': 'raw-material', 'raw-material': 'raw-material', 'matière première': 'raw-material',
  'matières premières': 'raw-material', grondstof: 'raw-material', grondstoffen: 'raw-material', rohstoff: 'raw-material',
  rohstoffe: 'raw-material', 'materia prima': 'raw-material', 'materias primas': 'raw-material', råvara: 'raw-material', råmaterial: 'raw-material',
};

export function parseStage(text: string): ProductionStage | undefined {
  return STAGES[text.trim().toLowerCase().replace(/\s+/g, ' ')];
}

/** The items of a multi-value cell: split on | , and ; and trimmed, empty ones dropped. */
export function splitMulti(text: string): string[] {
  return text.split(/[|,;]/).map((v) => v.trim()).filter(Boolean);
}

/** A worker count as Open Supply Hub accepts it: a number or a range ("1000-5000"), thousands separators allowed. */
export function parseWorkers(text: string): string | undefined {
  const t = text.trim().replace(/[\s,.'](?=\d{3}\b)/g, '');
  return /^\d+(\s*[-–]\s*\d+)?$/.test(t) ? t.replace(/\s+/g, '') : undefined;
}
