// Entry point of the bundled `tenderlens` CLI: runs the command line against the real process and exits with
// its code once output has been flushed.
import { nodeIo } from './node-io';
import { runCli } from './run-cli';

// A reader that stops early (`tenderlens inspect page.html | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
