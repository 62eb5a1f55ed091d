// The supplier matcher's public API: compile entities, serialise and load the compiled form, find mentions in
// page text, plus the name normaliser and identifier validators.

export { compileMatcher, MAX_NAMES_PER_ENTITY, type MatcherEntity } from './compile';
export type { CompiledMatcher } from './compiled';
export { serializeMatcher, loadMatcher } from './serialise';
export { findMentions, type Mention, type MatchContext } from './find-mentions';
export { normaliseName } from './normalise';
export {
  isValidLei, isValidEuVat, isValidUkCompanyNumber, isValidUei, isValidCage, isValidDuns, isValidOsId,
  canonicalIdentifier, IDENTIFIER_VALIDATORS,
} from './identifiers';
