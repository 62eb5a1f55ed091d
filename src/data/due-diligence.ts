// What each kind of finding means for an award, and what to ask the supplier next: one entry per concern (the
// meaning of the list a supplier is on, or a high-risk product category). Drawn from what the shipped sources say
// of themselves: the UFLPA Entity List (goods of listed entities are presumed made with forced labour and barred
// from US import), the ILAB list of goods produced by child or forced labour, Norway's DFØ high-risk product list,
// and, for lists a user imports, the meaning the user chose. Plain data, in procurement officers' words.
import type { Concern } from '../core/types';

export interface DueDiligence {
  /** What the finding means for the award, in one or two sentences. */
  forTheAward: string;
  /** What to ask the supplier next. */
  askTheSupplier: readonly string[];
}

export const DUE_DILIGENCE: Readonly<Record<Concern, DueDiligence>> = {
  import_ban: {
    forTheAward:
      'The listing authority presumes that goods made by this company, wholly or in part, are made with forced labour, and bars them from import. Before award, establish whether this bidder, its products or its inputs come from the listed company.',
    askTheSupplier: [
      'Is the listed company your supplier, your parent, your subsidiary or one of your factories?',
      'Which of the goods you offer, or their parts and raw materials, come from the listed company or its region?',
      'Can you trace those goods back to their raw materials, with documents (purchase orders, invoices, transport papers)?',
      'Have any of your shipments been detained or refused at a border, and how was that resolved?',
    ],
  },
  forced_labour: {
    forTheAward:
      'The list says this company is linked to forced labour. This does not decide the award by itself; you need the bidder’s explanation and evidence before you rely on its offer.',
    askTheSupplier: [
      'What is your relationship with the listed company (supplier, owner, factory, none)?',
      'Which of your production sites make the goods offered, and who audited them last, when, with what findings?',
      'Do workers at those sites pay recruitment fees, hand over their passports, or face restrictions on leaving?',
      'What have you done to fix what audits found, and can you show it?',
    ],
  },
  child_labour: {
    forTheAward:
      'The list says this company is linked to child labour. Ask for the bidder’s explanation and evidence before you rely on its offer.',
    askTheSupplier: [
      'What is your relationship with the listed company (supplier, owner, factory, none)?',
      'How do you check workers’ ages at the sites that make the goods offered, and at their suppliers?',
      'Which audits covered child labour at those sites, when, and what did they find?',
      'What do you do when a child is found working, and has it happened?',
    ],
  },
  sanctions: {
    forTheAward:
      'The list is a sanctions list: contracting with a sanctioned company, or making funds available to it, may be prohibited. Check with your legal service before going further.',
    askTheSupplier: [
      'Is the sanctioned company your owner, one of your shareholders, your subsidiary or a subcontractor in this contract?',
      'Who are your ultimate beneficial owners?',
      'Will any payment under this contract reach the sanctioned company, directly or indirectly?',
    ],
  },
  watch: {
    forTheAward:
      'Being on a watch list says nothing by itself about this company. It is a reminder to look closer, not a reason to exclude.',
    askTheSupplier: [
      'Is this the same company as the one on the list (check its address, registration number and country)?',
      'Why might the company be on this list, according to the list’s publisher?',
    ],
  },
  high_risk_product: {
    forTheAward:
      'Products in this category are often made with child or forced labour in the countries named. This is a risk of the product, not a finding about any bidder: ask where the goods are made, and write the answers into the contract.',
    askTheSupplier: [
      'Where are the goods offered made: which factories, with their full addresses, and which countries do their main raw materials come from?',
      'Which of those factories have been audited for labour rights in the last two years, and what did the audits find?',
      'Will you tell us when a factory or a main raw-material source changes during the contract?',
      'Will you accept contract clauses on supply-chain transparency and remedy (for example, disclosure of production sites)?',
    ],
  },
};
