// Content script on the portals, and on supplier sites the user chose (injected once, or registered for the site):
// annotates the page (see src/annotator/annotate-page.ts), once per page however often it is injected.
import { PORTAL_MATCHES } from '@/src/extension/portal-hosts';
import { startAnnotator } from '@/src/annotator/annotate-page';

export default defineContentScript({
  matches: PORTAL_MATCHES,
  // From the page's first byte: the background readies its matcher while the page arrives, a long page's top is
  // marked as soon as it is parsed, and the whole page right at DOMContentLoaded. Content a page renders later is
  // read when it changes (see annotate-page.ts).
  runAt: 'document_start',
  main(ctx) {
    const page = globalThis as { tenderlensAnnotating?: boolean };
    if (page.tenderlensAnnotating) return;
    page.tenderlensAnnotating = true;
    ctx.onInvalidated(() => (page.tenderlensAnnotating = false));
    startAnnotator(ctx.signal);
  },
});
