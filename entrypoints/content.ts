// Content script on the portals: annotates the page (see src/annotator/annotate-page.ts).
import { PORTAL_MATCHES } from '@/src/extension/portal-hosts';
import { startAnnotator } from '@/src/annotator/annotate-page';

export default defineContentScript({
  matches: PORTAL_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startAnnotator(ctx.signal);
  },
});
