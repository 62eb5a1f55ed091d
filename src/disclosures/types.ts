// The shapes of imported disclosures: a contractor's disclosed facilities, one version per import, and the
// problems found in a file (each naming file, row, column and what was expected). Pure types.
import type { CountryCode } from '../core/types';
import type { DisclosureField } from './template';
import type { TableFormat } from './read-table';

export type ProductionStage = 'assembly' | 'component' | 'raw-material';

export interface DisclosedFacility {
  /** Stable within a contractor's versions: the facility's OS ID, or its normalised name and country. */
  key: string;
  /** Row of the file it came from (header = row 1). */
  row: number;
  name: string;
  address: string;
  country: CountryCode;
  region?: string;
  products: string[];
  stage?: ProductionStage;
  suppliesTo?: string;
  sector: string[];
  facilityType: string[];
  processingType: string[];
  workers?: string;
  parentCompany?: string;
  osId?: string;
  leiId?: string;
  dunsId?: string;
  lastAuditDate?: string;
  auditFindings?: string;
  requestPending?: boolean;
}

export interface DisclosureSupplier {
  name: string;
  id?: string;
  registeredOffice?: string;
  country?: CountryCode;
}

export type ProblemCode =
  | 'unreadable' | 'no-rows' | 'missing-column' | 'unknown-column' | 'empty-name' | 'empty-address' | 'empty-country'
  | 'unknown-country' | 'bad-date' | 'duplicate-facility' | 'bad-os-id' | 'bad-number' | 'bad-stage' | 'bad-yes-no'
  | 'bad-row' | 'several-dates' | 'empty-supplier';

export interface DisclosureProblem {
  file: string;
  row?: number;
  /** The column's header as the file writes it. */
  column?: string;
  field?: DisclosureField;
  code: ProblemCode;
  /** `error`: the row (or the file, for a missing column) is skipped; `value`: the value is not used, the row is kept. */
  effect: 'file-refused' | 'row-skipped' | 'value-not-used' | 'note';
  message: string;
}

export interface Disclosure {
  /** `${supplierKey}#${version}`. */
  id: string;
  /** The contractor, normalised: versions of one contractor share it. */
  supplierKey: string;
  supplier: DisclosureSupplier;
  /** A contractor's disclosure, or a list of known facilities (an Open Supply Hub list) with no contractor. */
  kind: 'disclosure' | 'facility-list';
  version: number;
  disclosureDate?: string;
  importedAt: string;
  fileName: string;
  format: TableFormat;
  facilities: DisclosedFacility[];
  /** Every problem of the file that concerns this contractor's rows, kept with the version. */
  problems: DisclosureProblem[];
}
