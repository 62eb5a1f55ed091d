// Stands in for Node's http, https, url and stream in the extension's bundle: the feed parser requires them for
// fetching by itself (parseURL) and for streams, neither of which TenderLens uses; it fetches with fetch and parses
// strings. The XML parser checks `require('stream').Stream` and falls back when it is missing.
export default {};
