// Very common English and business words (and a few large place names and words for landscape features) that say little about which company
// a name means. A name made only of such words ("Top Group", "Global Trading") needs corroborating evidence.
// Folded spellings (lower case, no accents), as the tokeniser produces them.

const WORDS = `
a an the of and or for in on at to by with from as de la le les du des del der die das den und y e et da do di van von
new old big top best good great first one two three all star sun sunny golden gold silver royal prime grand super
high new united general national international global world universal central eastern western northern southern east
west north south asia asian pacific china chinese euro europe european america american africa african india indian
group holding holdings company companies co corp corporation enterprise enterprises industry industries industrial
trading trade traders commerce commercial business services service solutions solution systems system products product
technology technologies tech manufacturing manufacturer manufacturers factory works plant mill mills import export
imports exports supply supplies supplier logistics development developments investment investments capital partners
resources materials material energy power electric electronics electrical engineering construction medical health
healthcare care pharma pharmaceutical pharmaceuticals textile textiles garment garments apparel clothing fashion
cotton food foods agriculture agricultural farm farms chemical chemicals metal metals steel plastic plastics rubber
paper machinery equipment tools auto motor motors green blue red white black city county province state region
science sciences research network networks media digital smart life home office bank finance financial insurance
management consulting design art arts sport sports one stop point line plus max pro net web data info
xinjiang shanghai beijing guangdong zhejiang jiangsu shandong hong kong shenzhen guangzhou
coast coastal river valley mountain mountains lake bay island islands harbour harbor port sea ocean hill hills park
bridge forest field fields delta gulf cape mount monte mont val santo santa san saint ciudad villa puerto porto vila cidade
`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((word) => word.length > 0));

/** Words written in lower case inside a proper name without breaking its title case ("Bank of America"). */
export const MINOR_WORDS: ReadonlySet<string> = new Set(
  'a an the of and or for in on at to by with de la le les du des del der die das den und y e et da do di van von ve'.split(' '),
);

/**
 * Nouns that introduce a company by its role ("der Bieter Döhler", "le fournisseur Faberlic"). German capitalises
 * them, so a capitalised role noun before a name does not make the name part of a longer proper name.
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set(
  `bieter bieterin firma lieferant lieferantin auftragnehmer auftragnehmerin hersteller herstellerin unternehmen
  anbieter anbieterin konzern supplier contractor bidder manufacturer vendor fournisseur titulaire attributaire
  proveedor adjudicatario contratista empresa leverancier opdrachtnemer inschrijver wykonawca dostawca`.split(/\s+/),
);
