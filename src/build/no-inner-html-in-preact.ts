// A build step for Preact: its one `innerHTML` write (for the `dangerouslySetInnerHTML` prop, which TenderLens never
// uses; `npm run lint:firefox` checks the sources) writes text instead, so no extension page can ever receive markup
// through it, and Firefox's linter finds no unsafe assignment in the bundle.
import type { Plugin } from 'vite';

const INNER_HTML_WRITE = /\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/g;

export function writeTextForInnerHtml(code: string): string {
  return code.replace(INNER_HTML_WRITE, '($1.textContent=$2.__html)');
}

export function noInnerHtmlInPreact(): Plugin {
  return {
    name: 'tenderlens-no-inner-html-in-preact',
    transform: (code, id) => (/\/node_modules\/preact\/dist\//.test(id) ? { code: writeTextForInnerHtml(code), map: null } : null),
  };
}
