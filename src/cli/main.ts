// Entry point of the bundled `tenderlens` CLI: runs the command line against the real process and exits with
// its code once output has been flushed. `match` reads a page's text on a second thread, from the page-text
// bundle built beside this one (see page-text-thread.ts); without it the text is read on this thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeIo } from './node-io';
import { enablePageTextThread, PAGE_TEXT_WORKER_FILE } from './page-text-thread';
import { runCli } from './run-cli';

// A reader that stops early (`tenderlens inspect page.html | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const pageTextWorker = new URL(PAGE_TEXT_WORKER_FILE, import.meta.url);
if (existsSync(fileURLToPath(pageTextWorker))) enablePageTextThread(pageTextWorker);
process.exitCode = await runCli(process.argv.slice(2), nodeIo());
