// Entry point of the page-text thread of `tenderlens match`, bundled on its own beside the CLI (see
// page-text-thread.ts): reads the page's text from the bytes it was started with and posts it back.
import { isPageTextWorker, runPageTextWorker } from './page-text-thread';

if (isPageTextWorker()) runPageTextWorker();
