// Reads a saved page's text for `match` on a second thread while the main one imports and compiles the entities:
// the two are independent and the machine has more than one core, so the page's decoding and parsing no longer
// wait for the entities. The thread runs a bundle of its own beside the CLI's (page-text-worker.mjs, built from
// page-text-worker.ts), which loads only the decoder and the streaming parser: starting it with the whole CLI
// bundle cost the thread about a tenth of a second before it read a byte. Elsewhere (in-process tests, or a CLI
// bundle without it) the text is read on the calling thread, with the same result and the same errors.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { InputError } from './cli-io';
import { decodeHtml, htmlPageText } from './page-bytes';

/** The file name of the page-text thread's bundle, beside the CLI's bundle. */
export const PAGE_TEXT_WORKER_FILE = 'page-text-worker.mjs';

/** What a page-text worker is started with. */
interface PageTextTask {
  tenderlensTask: 'page-text';
  bytes: Uint8Array;
  source: string;
}

type PageTextResult = { text: string; warnings: string[] } | { inputError: string } | { error: string };

let workerScript: URL | undefined;

/** Lets readPageTextInParallel start `script` (the page-text bundle, see page-text-worker.ts) as its worker. */
export function enablePageTextThread(script: URL): void {
  workerScript = script;
}

/** True when this thread was started as a page-text worker. */
export function isPageTextWorker(): boolean {
  return !isMainThread && (workerData as PageTextTask | undefined)?.tenderlensTask === 'page-text';
}

/** The page's text and warnings, or the InputError it gets: the same on any thread. */
function readPageText(bytes: Uint8Array, source: string): PageTextResult {
  const warnings: string[] = [];
  try {
    const html = decodeHtml(bytes, source, (warning) => warnings.push(warning));
    if (/^\s*[{[]/.test(html)) throw new InputError(`${source}: looks like JSON, not an HTML page`);
    return { text: htmlPageText(html, source), warnings };
  } catch (error) {
    if (error instanceof InputError) return { inputError: error.message };
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs the task of a page-text worker and posts its result. */
export function runPageTextWorker(): void {
  const task = workerData as PageTextTask;
  parentPort!.postMessage(readPageText(task.bytes, task.source));
}

function settle(result: PageTextResult, warn: (warning: string) => void): string {
  if ('inputError' in result) throw new InputError(result.inputError);
  if ('error' in result) throw new Error(result.error);
  for (const warning of result.warnings) warn(warning);
  return result.text;
}

/** The visible text of a saved page's bytes, read on a worker thread when one can be started. */
export async function readPageTextInParallel(bytes: Uint8Array, source: string, warn: (warning: string) => void): Promise<string> {
  if (!workerScript) return settle(readPageText(bytes, source), warn);
  const copy = bytes.slice();
  const task: PageTextTask = { tenderlensTask: 'page-text', bytes: copy, source };
  const worker = new Worker(workerScript, { workerData: task, transferList: [copy.buffer as ArrayBuffer] });
  const result = await new Promise<PageTextResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the page-text thread stopped (exit code ${code})`)));
  });
  void worker.terminate();
  return settle(result, warn);
}
