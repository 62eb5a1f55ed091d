// The disclosure template: the fields a contractor discloses under Electronics Watch's model clauses (as adopted in
// the Flanders small-ICT clauses), the clause each field answers, and the column headers recognised for each in
// English, French, Dutch, German, Spanish and Swedish, plus Open Supply Hub's facility-list columns as they are.
// Pure data and the CSV rendering of the template; the XLSX rendering is in ./xlsx-file.ts.

export type DisclosureField =
  | 'supplier_name' | 'supplier_id' | 'supplier_registered_office' | 'supplier_country' | 'disclosure_date'
  | 'facility_name' | 'facility_address' | 'facility_country' | 'region' | 'products' | 'production_stage'
  | 'supplies_to' | 'sector' | 'facility_type' | 'processing_type' | 'number_of_workers' | 'parent_company'
  | 'os_id' | 'lei_id' | 'duns_id' | 'last_audit_date' | 'audit_findings' | 'request_pending';

/** The clause of the model contract a field answers, for the quality report. */
export type DisclosureClause = 'identity' | 'facilities' | 'products' | 'components' | 'changes' | 'audits';

export interface FieldSpec {
  field: DisclosureField;
  clause: DisclosureClause;
  /** Required in every row (the file is refused without the column; a row without a value is skipped). */
  required: boolean;
  /** A value of several items, split on | and , (and ; inside a cell). */
  multi?: boolean;
  kind?: 'date' | 'country' | 'number' | 'yes-no' | 'stage';
  description: string;
  example: string;
  /** Headers recognised for this field, besides its own name (compared case-, accent- and punctuation-folded). */
  headers: readonly string[];
}

export const FIELD_SPECS: readonly FieldSpec[] = [
  { field: 'supplier_name', clause: 'identity', required: false, description: 'The contractor making the disclosure (its legal name). Needed unless it is given when importing.', example: 'Example Tech Supplies NV',
    headers: ['supplier', 'contractor', 'supplier name', 'company', 'fournisseur', 'nom du fournisseur', 'titulaire', 'leverancier', 'naam leverancier', 'opdrachtnemer', 'lieferant', 'auftragnehmer', 'name des lieferanten', 'proveedor', 'nombre del proveedor', 'contratista', 'leverantör', 'leverantörens namn'] },
  { field: 'supplier_id', clause: 'identity', required: false, description: 'The contractor\'s company number, VAT number or LEI.', example: 'BE0123456749',
    headers: ['supplier id', 'company number', 'vat number', 'registration number', 'numéro d\'entreprise', 'numéro de tva', 'ondernemingsnummer', 'btw nummer', 'handelsregisternummer', 'ust idnr', 'nif', 'cif', 'organisationsnummer', 'momsregistreringsnummer'] },
  { field: 'supplier_registered_office', clause: 'identity', required: false, description: 'The address of the contractor\'s registered office.', example: 'Kunstlaan 1, 1000 Brussel',
    headers: ['registered office', 'registered address', 'siège social', 'maatschappelijke zetel', 'statutaire zetel', 'firmensitz', 'eingetragener sitz', 'domicilio social', 'sede social', 'säte', 'registrerad adress'] },
  { field: 'supplier_country', clause: 'identity', required: false, kind: 'country', description: 'Country of the registered office.', example: 'BE',
    headers: ['supplier country', 'pays du fournisseur', 'land leverancier', 'land des lieferanten', 'país del proveedor', 'leverantörens land'] },
  { field: 'disclosure_date', clause: 'changes', required: false, kind: 'date', description: 'The date the disclosure was made or last updated (YYYY-MM-DD).', example: '2026-09-15',
    headers: ['date', 'disclosure date', 'date of disclosure', 'date de divulgation', 'date de la déclaration', 'datum', 'datum openbaarmaking', 'datum melding', 'offenlegungsdatum', 'datum der offenlegung', 'fecha', 'fecha de divulgación', 'datum för redovisning'] },
  { field: 'facility_name', clause: 'facilities', required: true, description: 'The production facility\'s name.', example: 'Supermax Glove Manufacturing Sdn Bhd',
    headers: ['name', 'facility', 'facility name', 'factory', 'factory name', 'site', 'site de production', 'nom', 'nom du site', 'usine', 'nom de l\'usine', 'fabriek', 'naam', 'productielocatie', 'naam fabriek', 'werk', 'fabrik', 'produktionsstätte', 'name der produktionsstätte', 'standort', 'fábrica', 'nombre', 'instalación', 'planta', 'nombre de la fábrica', 'anläggning', 'fabrik namn', 'anläggningens namn', 'namn'] },
  { field: 'facility_address', clause: 'facilities', required: true, description: 'The facility\'s full address: street and number, town, province or state.', example: 'Lot 6070, Jalan Haji Abdul Manan, 41050 Klang, Selangor',
    headers: ['address', 'full address', 'facility address', 'adresse', 'adresse complète', 'adres', 'volledig adres', 'anschrift', 'vollständige adresse', 'dirección', 'domicilio', 'dirección completa', 'adress', 'fullständig adress'] },
  { field: 'facility_country', clause: 'facilities', required: true, kind: 'country', description: 'The facility\'s country (ISO code or name).', example: 'MY',
    headers: ['country', 'country code', 'facility country', 'pays', 'land', 'staat', 'país', 'pais'] },
  { field: 'region', clause: 'facilities', required: false, description: 'Province, state or region, when not in the address.', example: 'Selangor',
    headers: ['province', 'state', 'region', 'région', 'provincie', 'regio', 'bundesland', 'provinz', 'región', 'provincia', 'estado', 'län', 'provins'] },
  { field: 'products', clause: 'products', required: false, multi: true, description: 'The products or product models made there, separated by | or ,.', example: 'nitrile gloves|examination gloves',
    headers: ['product type', 'product_type', 'products', 'product', 'product models', 'produits', 'produit', 'modèles', 'producten', 'product', 'modellen', 'produkte', 'produkt', 'modelle', 'productos', 'producto', 'modelos', 'produkter', 'modeller'] },
  { field: 'production_stage', clause: 'components', required: false, kind: 'stage', description: 'assembly, component or raw material.', example: 'assembly',
    headers: ['production stage', 'stage', 'tier', 'étape de production', 'stade', 'productiefase', 'fase', 'produktionsstufe', 'stufe', 'etapa de producción', 'etapa', 'produktionssteg', 'steg'] },
  { field: 'supplies_to', clause: 'components', required: false, description: 'For a component or raw-material site: the facility or product it supplies.', example: 'Example Assembly Plant',
    headers: ['supplies', 'supplies to', 'supplied facility', 'fournit', 'approvisionne', 'levert aan', 'beliefert', 'liefert an', 'suministra a', 'abastece a', 'levererar till'] },
  { field: 'sector', clause: 'products', required: false, multi: true, description: 'Open Supply Hub sector (Apparel, Electronics, …).', example: 'Healthcare',
    headers: ['sector', 'secteur', 'sektor', 'bransch'] },
  { field: 'facility_type', clause: 'facilities', required: false, multi: true, description: 'Open Supply Hub facility type (Final Product Assembly, …).', example: 'Final Product Assembly',
    headers: ['facility type', 'type de site', 'type locatie', 'art der produktionsstätte', 'tipo de instalación', 'typ av anläggning'] },
  { field: 'processing_type', clause: 'facilities', required: false, multi: true, description: 'Open Supply Hub processing type (Cutting, Dipping, …).', example: 'Dipping',
    headers: ['processing type', 'type de transformation', 'verwerkingstype', 'verarbeitungsart', 'tipo de procesamiento', 'bearbetningstyp'] },
  { field: 'number_of_workers', clause: 'facilities', required: false, kind: 'number', description: 'Workers at the facility (a number or a range such as 1000-5000).', example: '3500',
    headers: ['workers', 'number of workers', 'employees', 'nombre de travailleurs', 'effectif', 'aantal werknemers', 'werknemers', 'anzahl der beschäftigten', 'beschäftigte', 'número de trabajadores', 'trabajadores', 'antal anställda', 'anställda'] },
  { field: 'parent_company', clause: 'facilities', required: false, description: 'The facility\'s parent company.', example: 'Supermax Corporation Berhad',
    headers: ['parent', 'parent company', 'société mère', 'moedermaatschappij', 'muttergesellschaft', 'empresa matriz', 'moderbolag'] },
  { field: 'os_id', clause: 'facilities', required: false, description: 'The facility\'s Open Supply Hub ID (checked with its check character).', example: 'MY2019085QJ5A5W',
    headers: ['os id', 'osid', 'open supply hub id', 'oar id', 'identifiant os', 'os-id'] },
  { field: 'lei_id', clause: 'facilities', required: false, description: 'The facility\'s LEI, if it is a legal entity.', example: '',
    headers: ['lei', 'lei code', 'code lei'] },
  { field: 'duns_id', clause: 'facilities', required: false, description: 'The facility\'s D-U-N-S number.', example: '',
    headers: ['duns', 'duns number', 'd u n s'] },
  { field: 'last_audit_date', clause: 'audits', required: false, kind: 'date', description: 'Date of the last social audit or audit inquiry (YYYY-MM-DD).', example: '2026-06-30',
    headers: ['last audit', 'audit date', 'date of last audit', 'date du dernier audit', 'date d\'audit', 'datum laatste audit', 'auditdatum', 'datum des letzten audits', 'fecha de la última auditoría', 'fecha de auditoría', 'datum för senaste revision', 'revisionsdatum'] },
  { field: 'audit_findings', clause: 'audits', required: false, description: 'Summary of the audit findings, or a link to them.', example: 'https://example.org/audits/2026-06.pdf',
    headers: ['audit findings', 'audit results', 'findings', 'résultats d\'audit', 'constatations', 'auditresultaten', 'bevindingen', 'auditergebnisse', 'feststellungen', 'resultados de auditoría', 'hallazgos', 'revisionsresultat', 'iakttagelser'] },
  { field: 'request_pending', clause: 'audits', required: false, kind: 'yes-no', description: 'Whether a formal request to the supplier about this facility is pending (yes/no).', example: 'no',
    headers: ['request pending', 'pending request', 'demande en cours', 'lopend verzoek', 'openstaand verzoek', 'offene anfrage', 'solicitud pendiente', 'pågående begäran'] },
];

export const FIELD_BY_NAME: ReadonlyMap<DisclosureField, FieldSpec> = new Map(FIELD_SPECS.map((s) => [s.field, s]));

/** A header as compared: case, accents, punctuation and spacing folded ("Nom de l’usine" → "nom de l usine"). */
export function foldHeader(header: string): string {
  return header.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const FIELD_BY_HEADER: ReadonlyMap<string, DisclosureField> = (() => {
  const byHeader = new Map<string, DisclosureField>();
  for (const spec of FIELD_SPECS) {
    for (const header of [spec.field, ...spec.headers]) {
      const key = foldHeader(header);
      if (!byHeader.has(key)) byHeader.set(key, spec.field);
    }
  }
  return byHeader;
})();

/** The field a header names in one of the six languages (or as Open Supply Hub names it), if any. */
export function fieldForHeader(header: string): DisclosureField | undefined {
  return FIELD_BY_HEADER.get(foldHeader(header));
}

/** The template as a CSV file: the field names as headers, then one example row. */
export function templateCsv(): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [FIELD_SPECS.map((s) => s.field).join(','), FIELD_SPECS.map((s) => quote(s.example)).join(',')].join('\r\n') + '\r\n';
}
