// Entry point of the bundled `tenderlens` CLI: runs the command line against the real process and exits with
// its code once output has been flushed. Started as a worker by the CLI itself, it reads a page's text instead
// (see page-text-thread.ts).
import { nodeIo } from './node-io';
import { enablePageTextThread, isPageTextWorker, runPageTextWorker } from './page-text-thread';
import { runCli } from './run-cli';

if (isPageTextWorker()) {
  runPageTextWorker();
} else {
  // A reader that stops early (`tenderlens inspect page.html | head`) closes the pipe: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  enablePageTextThread(new URL(import.meta.url));
  process.exitCode = await runCli(process.argv.slice(2), nodeIo());
}
