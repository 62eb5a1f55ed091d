import { PORTAL_MATCHES } from '@/src/extension/portal-hosts';
export default defineContentScript({
  matches: PORTAL_MATCHES,
  main() {},
});
