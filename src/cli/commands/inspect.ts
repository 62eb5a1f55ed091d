// `tenderlens inspect`: reads a saved page (or standard input) as the extension would — portal adapter, page
// text, shared analysis against the default knowledge base — and prints what it found, for people or as JSON.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readNotice } from '../../adapters';
import { decodeNoticeData } from '../../adapters/decode-notice-data';
import { analysePage } from '../../core/analyse-page';
import { extractPageText } from '../../page-text/extract';
import { InputError, UsageError, EXIT_OK, type CliIo } from '../cli-io';
import type { Command } from '../command';
import { formatAnalysis } from '../format-analysis';
import { referencesOfShipped } from '../entity-references';
import { withEntityReferences } from '../../publish/entity-references';
import { decodeHtml, parseHtmlDocument } from '../html-document';
import { DEFAULT_KNOWLEDGE_PATH, loadKnowledgeFromFile } from '../knowledge-file';
import { parseArgs, type OptionSpec } from '../parse-args';
import { looksLikeData, readNoticeDataInput } from '../notice-data-input';

const NAME = 'inspect';

const OPTIONS: OptionSpec[] = [
  { name: 'url', value: 'URL', description: 'the address the page was saved from; chooses the portal reader (default: file://<path>)' },
  { name: 'json', description: 'print the full analysis as JSON instead of a report' },
  { name: 'data', value: 'FILE', description: 'knowledge base to check against (default: public/data/defaults.json)' },
];

function parseUrlOption(value: string): string {
  try {
    return new URL(value).href;
  } catch {
    throw new UsageError(`--url: "${value}" is not a valid URL (for example https://www.find-tender.service.gov.uk/Notice/008624-2023)`, NAME);
  }
}

async function loadKnowledge(file: string) {
  try {
    return await loadKnowledgeFromFile(file);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(message.includes(file) ? message : `${file}: ${message}`);
  }
}

/** True when the bytes start like notice data (JSON or XML) rather than a page, in whatever encoding. */
function isNoticeData(bytes: Uint8Array): boolean {
  return looksLikeData(decodeNoticeData(bytes.subarray(0, 4096)).text);
}

/** Notice data in the encoding its publisher used; a file that is not UTF-8 is said so on standard error. */
function decodeData(bytes: Uint8Array, source: string, io: CliIo): string {
  const { text, encoding } = decodeNoticeData(bytes);
  if (encoding !== 'utf-8' && encoding !== 'utf-8-bom') io.stderr(`tenderlens: note: ${source}: not UTF-8; read as ${encoding === 'windows-1252' ? 'Windows-1252 (ISO-8859-1)' : encoding}\n`);
  return text;
}

async function runInspect(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, OPTIONS, NAME);
  if (parsed.positionals.length !== 1) {
    throw new UsageError(parsed.positionals.length === 0 ? 'inspect needs a page: a saved .html file, or - for standard input' : `inspect takes one page, got ${parsed.positionals.length}`, NAME);
  }
  const input = parsed.positionals[0]!;
  const urlOption = parsed.options.get('url');
  const dataOption = parsed.options.get('data');
  const url = typeof urlOption === 'string'
    ? parseUrlOption(urlOption)
    : input === '-' ? 'stdin:' : pathToFileURL(resolve(io.cwd(), input)).href;
  const dataFile = typeof dataOption === 'string' ? resolve(io.cwd(), dataOption) : DEFAULT_KNOWLEDGE_PATH;

  const source = input === '-' ? 'standard input' : input;
  const bytes = input === '-' ? await io.readStdin() : await io.readFile(input);
  const data = isNoticeData(bytes) ? readNoticeDataInput(decodeData(bytes, source, io), source, url) : undefined;
  const doc = data ? undefined : parseHtmlDocument(decodeHtml(bytes, source, (warning) => io.stderr(`tenderlens: warning: ${warning}\n`)), source);
  const reading = data?.reading ?? readNotice(doc!, url);
  const text = data?.text ?? extractPageText(doc!.querySelector('body') ?? doc!).text;

  const knowledge = await loadKnowledge(dataFile);
  const analysis = analysePage(knowledge, { url, text, reading });
  const json = () => withEntityReferences(analysis, referencesOfShipped((id) => knowledge.entity(id)));
  io.stdout(parsed.options.has('json') ? `${JSON.stringify(json(), null, 2)}\n` : formatAnalysis(analysis));
  return EXIT_OK;
}

export const inspectCommand: Command = {
  name: NAME,
  summary: 'read a saved notice or supplier page, or notice data (TED XML, OCDS, SAM.gov), and report the risks known about it',
  usage: 'tenderlens inspect <file.html|file.xml|file.json|-> [--url URL] [--json] [--data FILE]',
  description: `
Reads the page in <file.html> (or standard input when the file is "-") the way the browser extension does:
the portal's own reader when the page comes from a known portal (Find a Tender, Contracts Finder, TED, SAM.gov,
SECOP II, Belgian e-Procurement, Mercado Público), otherwise the generic reader, then matches the page text and its CPV codes against the knowledge base.
A TED notice's XML (eForms or R2.0.9), OCDS JSON (a release, a release package or a record package) or a SAM.gov
opportunity record is read as data: buyer, classifications, tenderers and winners, with the same findings.

Prints the portal, title, buyer, CPV codes with their risk categories, suppliers with their identifiers, and
every finding with its sources. When nothing is found it says so: no information is not the same as no risk.
With --json, a listed entity is named by "entityId", its own FollowTheMoney id as written in its file, and
"list", the list it came from.

The page's address defaults to file://<path>; give --url to read a saved page as the portal page it came from.
Exit codes: 0 when the page was read (whatever it contains), 1 when a file cannot be used, 2 for usage errors.`,
  options: OPTIONS,
  run: runInspect,
};
