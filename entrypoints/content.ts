// Content script on the portals, and on supplier sites the user chose (injected once, or registered for the site):
// annotates the page (see src/annotator/annotate-page.ts), once per page however often it is injected.
import { PORTAL_MATCHES } from '@/src/extension/portal-hosts';
import { startAnnotator } from '@/src/annotator/annotate-page';

export default defineContentScript({
  matches: PORTAL_MATCHES,
  // As soon as the page's DOM is complete, not when the browser is next idle: marks come right after DOMContentLoaded.
  // Content a page renders later is read when it changes (see annotate-page.ts).
  runAt: 'document_end',
  main(ctx) {
    const page = globalThis as { tenderlensAnnotating?: boolean };
    if (page.tenderlensAnnotating) return;
    page.tenderlensAnnotating = true;
    ctx.onInvalidated(() => (page.tenderlensAnnotating = false));
    startAnnotator(ctx.signal);
  },
});
