// Reads a saved page's text for `match` on a second thread while the main one imports and compiles the entities:
// the two are independent and the machine has more than one core, so the page's decoding and parsing no longer
// wait for the entities. The bundled CLI runs its own file as the worker (see main.ts); elsewhere (in-process
// tests) the text is read on the calling thread, with the same result and the same errors.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { InputError } from './cli-io';
import { decodeHtml, htmlPageText } from './html-document';

/** What a page-text worker is started with. */
interface PageTextTask {
  tenderlensTask: 'page-text';
  bytes: Uint8Array;
  source: string;
}

type PageTextResult = { text: string; warnings: string[] } | { inputError: string } | { error: string };

let workerScript: URL | undefined;

/** Lets readPageTextInParallel start `script` (the running CLI bundle) as its worker. */
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
