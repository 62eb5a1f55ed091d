// The e-procurement portals TenderLens reads by default (least privilege: nothing else without the user's opt-in).
export const PORTAL_MATCHES = [
  'https://www.find-tender.service.gov.uk/*',
  'https://www.contractsfinder.service.gov.uk/*',
  'https://ted.europa.eu/*',
  'https://sam.gov/*',
  'https://www.publicprocurement.be/*',
  'https://www.mercadopublico.cl/*',
  'https://www.secop.gov.co/*',
  'https://community.secop.gov.co/*',
];

/** Local pages served by the demo and the browser tests; only in builds made with TENDERLENS_LOCAL_HOSTS=1. */
export const LOCAL_TEST_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/** Local test pages that stand for a supplier site the user has not opted into: the portal content script skips them. */
export const LOCAL_SUPPLIER_SITE_MATCHES = ['http://127.0.0.1/supplier-site/*'];

/** Hosts a subscribed feed may live on: optional, each one granted by the user when subscribing to a feed there. */
export const OPTIONAL_FEED_MATCHES = ['http://*/*', 'https://*/*'];
