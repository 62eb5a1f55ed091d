// Legal forms of companies in many languages, grouped into classes, treated by the matcher as optional typed
// tokens around a name rather than as name words. Written for this project; the ISO 20275 Entity Legal Forms
// list published by GLEIF (https://www.gleif.org/en/about-lei/code-lists/iso-20275-entity-legal-forms-code-list)
// informed which abbreviations exist. Spellings are given as written; the tokeniser folds case and punctuation.

import { foldWords } from './normalise';

/**
 * Class of a legal form. Forms of one class are interchangeable ("Co., Ltd." = "Company Limited"); a page form of
 * another class than the knowledge-base name's ("Sdn Bhd" against "Berhad") hints at a sister company.
 * 'generic' words (Company, Corporation, Group is NOT one) agree with every class.
 */
export type LegalFormClass =
  | 'generic' | 'limited' | 'plc' | 'inc' | 'llc' | 'gmbh' | 'ag' | 'kg' | 'gmbh-co-kg' | 'sa' | 'sa-de-cv' | 'sarl'
  | 'sas' | 'srl' | 'spa' | 'bv' | 'nv' | 'ab' | 'as' | 'asa' | 'oy' | 'oyj' | 'aps' | 'sp-zoo' | 'se' | 'bhd'
  | 'sdn-bhd' | 'pty-ltd' | 'pvt-ltd' | 'jsc' | 'pt' | 'kk' | 'cjk-limited' | 'cjk-joint-stock' | 'lp'
  | 'llp' | 'cooperative' | 'sro' | 'kft' | 'doo' | 'ltda' | 'sl' | 'eirl' | 'tbk' | 'sc' | 'nonprofit';

export const LEGAL_FORM_CLASSES: readonly LegalFormClass[] = [
  'generic', 'limited', 'plc', 'inc', 'llc', 'gmbh', 'ag', 'kg', 'gmbh-co-kg', 'sa', 'sa-de-cv', 'sarl', 'sas', 'srl',
  'spa', 'bv', 'nv', 'ab', 'as', 'asa', 'oy', 'oyj', 'aps', 'sp-zoo', 'se', 'bhd', 'sdn-bhd', 'pty-ltd', 'pvt-ltd', 'jsc',
  'pt', 'kk', 'cjk-limited', 'cjk-joint-stock', 'lp', 'llp', 'cooperative', 'sro', 'kft', 'doo', 'ltda', 'sl',
  'eirl', 'tbk', 'sc', 'nonprofit',
];

export interface LegalForm {
  /** As usually written. */
  text: string;
  cls: LegalFormClass;
  /** Where it stands: after the name (most), before it ("OOO Romashka", "PT Astra"), or either. */
  position: 'suffix' | 'prefix' | 'either';
}

const suffix = (cls: LegalFormClass, ...texts: string[]): LegalForm[] => texts.map((text) => ({ text, cls, position: 'suffix' }));
const prefix = (cls: LegalFormClass, ...texts: string[]): LegalForm[] => texts.map((text) => ({ text, cls, position: 'prefix' }));
const either = (cls: LegalFormClass, ...texts: string[]): LegalForm[] => texts.map((text) => ({ text, cls, position: 'either' }));

export const LEGAL_FORMS: readonly LegalForm[] = [
  ...suffix('generic', 'Company', 'Co.', 'Corporation', 'Corp.', 'Incorporated', 'Limited Company'),
  ...suffix('limited', 'Ltd', 'Ltd.', 'Limited', 'Co., Ltd.', 'Co. Ltd', 'Co Ltd', 'Company Limited', 'Co., Limited',
    'Ltd. Şti.', 'Şti.', 'Limited Şirketi'),
  ...suffix('plc', 'PLC', 'Public Limited Company', 'Public Company Limited', 'PCL', 'Public Company'),
  ...suffix('inc', 'Inc', 'Inc.'),
  ...either('llc', 'LLC', 'L.L.C.', 'Limited Liability Company'),
  ...suffix('llp', 'LLP', 'Limited Liability Partnership'),
  ...suffix('lp', 'LP', 'L.P.', 'Limited Partnership'),
  ...suffix('gmbh', 'GmbH', 'Gesellschaft mit beschränkter Haftung', 'GesmbH', 'Ges.m.b.H.', 'Gesellschaft m.b.H.',
    'Gesellschaft mbH', 'mbH', 'gGmbH', 'UG (haftungsbeschränkt)'),
  ...suffix('gmbh-co-kg', 'GmbH & Co. KG', 'GmbH und Co. KG', 'GmbH & Co KG', 'GmbH & Co. KGaA', 'AG & Co. KG', 'SE & Co. KG',
    'GesmbH & Co KG', 'Ges.m.b.H. & Co. KG', 'Gesellschaft m.b.H. & Co. KG', 'Gesellschaft mbH & Co. KG'),
  ...suffix('ag', 'AG', 'Aktiengesellschaft', 'KGaA'),
  ...suffix('kg', 'KG', 'Kommanditgesellschaft', 'OHG', 'oHG'),
  ...suffix('se', 'SE', 'Societas Europaea'),
  ...suffix('sa', 'S.A.', 'SA', 'S/A', 'Société Anonyme', 'Sociedad Anónima', 'Sociedade Anônima', 'S.A.U.', 'S.p.A.', 'SAIC',
    'S.A.I.C.', 'SAB', 'S.A.B.'),
  ...suffix('sa-de-cv', 'S.A. de C.V.', 'SA de CV', 'S.A.B. de C.V.', 'S. de R.L. de C.V.', 'S de RL de CV', 'S.A.P.I. de C.V.',
    'Sociedad Anónima de Capital Variable', 'Sociedad de Responsabilidad Limitada de Capital Variable'),
  ...suffix('sarl', 'SARL', 'S.à r.l.', 'S.à.r.l.', 'Société à responsabilité limitée'),
  ...suffix('sas', 'SAS', 'S.A.S.', 'SASU', 'Société par actions simplifiée'),
  ...suffix('srl', 'S.r.l.', 'SRL', 'S.R.L.', 'Società a responsabilità limitata', 'S.R.L.U.'),
  ...suffix('spa', 'SpA', 'S.p.A', 'Società per azioni'),
  ...suffix('ltda', 'Ltda', 'Ltda.', 'Limitada', 'EIRELI'),
  ...suffix('sl', 'S.L.', 'SL', 'S.L.U.', 'Sociedad Limitada'),
  ...suffix('eirl', 'EIRL', 'E.I.R.L.'),
  ...suffix('bv', 'B.V.', 'BV', 'Besloten Vennootschap'),
  ...suffix('nv', 'N.V.', 'NV', 'Naamloze Vennootschap'),
  ...suffix('ab', 'AB', 'Aktiebolag', '(publ)', 'AB (publ)'),
  ...suffix('as', 'AS', 'A/S', 'Aksjeselskap', 'Aktieselskab'),
  ...suffix('asa', 'ASA', 'Allmennaksjeselskap'),
  ...suffix('aps', 'ApS', 'Anpartsselskab'),
  ...suffix('oy', 'Oy', 'Osakeyhtiö'),
  ...suffix('oyj', 'Oyj', 'Julkinen osakeyhtiö'),
  ...suffix('sp-zoo', 'Sp. z o.o.', 'Sp. z o. o.', 'Sp. z.o.o.', 'Spółka z ograniczoną odpowiedzialnością', 'Sp.k.', 'Sp. j.'),
  ...suffix('sc', 'S.C.', 's.c.', 'Spółka cywilna'),
  ...suffix('sro', 's.r.o.', 'spol. s r.o.', 'a.s.', 'Kft', 'Kft.', 'Zrt.', 'Nyrt.'),
  ...suffix('doo', 'd.o.o.', 'd.d.'),
  ...suffix('bhd', 'Bhd', 'Bhd.', 'Berhad'),
  ...suffix('sdn-bhd', 'Sdn Bhd', 'Sdn. Bhd.', 'Sendirian Berhad'),
  ...suffix('pty-ltd', 'Pty Ltd', 'Pty. Ltd.', 'Pty Limited', 'Proprietary Limited', '(Pty) Ltd'),
  ...suffix('pvt-ltd', 'Pvt Ltd', 'Pvt. Ltd.', 'Private Limited', 'Pvt. Limited', 'Pte Ltd', 'Pte. Ltd.', 'Private Ltd'),
  ...either('jsc', 'JSC', 'OJSC', 'CJSC', 'PJSC', 'Joint Stock Company', 'Joint-Stock Company', 'Open Joint Stock Company',
    'Public Joint Stock Company', 'Closed Joint Stock Company', 'АО', 'ОАО', 'ЗАО', 'ПАО', 'AO', 'OAO', 'ZAO', 'PAO',
    'Акционерное общество', 'Открытое акционерное общество', 'Закрытое акционерное общество',
    'Публичное акционерное общество', 'Акціонерне товариство', 'Aktsionernoe obshchestvo'),
  // OOO (Russian), TOO (Kazakh) and TOV (Ukrainian) are limited liability companies: the same class as LLC.
  ...either('llc', 'OOO', 'ООО', 'TOO', 'ТОО', 'TOV', 'ТОВ', 'Общество с ограниченной ответственностью',
    'Товариство з обмеженою відповідальністю', 'Obshchestvo s ogranichennoy otvetstvennostyu'),
  ...either('nonprofit', 'НП', 'Некоммерческое партнерство', 'Некоммерческое партнёрство', 'Non-Commercial Partnership',
    'АНО', 'Автономная некоммерческая организация'),
  ...prefix('pt', 'PT', 'PT.'),
  ...suffix('tbk', 'Tbk', 'Tbk.'),
  ...suffix('kk', 'K.K.', 'KK', 'Kabushiki Kaisha', '株式会社'),
  ...prefix('kk', '株式会社', '㈱'),
  ...suffix('cjk-limited', '有限公司', '有限责任公司', '有限責任公司'),
  ...suffix('cjk-joint-stock', '股份有限公司', '股份公司'),
  ...suffix('cooperative', 'Cooperative', 'Co-op', 'eG', 'Coop.'),
];

let legalFormWordSet: ReadonlySet<string> | undefined;

/** Every word of every legal form, folded ("sp", "z", "oo", "gesellschaft"…). */
export function legalFormWords(): ReadonlySet<string> {
  legalFormWordSet ??= new Set(LEGAL_FORMS.flatMap((form) => foldWords(form.text)));
  return legalFormWordSet;
}
