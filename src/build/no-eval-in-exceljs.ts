// A build step for the spreadsheet library (exceljs): its bundled polyfills reach for the Function constructor in
// three fallbacks that never run in a browser extension (finding the global object when neither `self` nor
// `globalThis` exists, installing regeneratorRuntime without `globalThis`, and `setImmediate` given a string of
// code). Each is replaced by what the extension's strict CSP allows, so the built extension contains no eval.
import type { Plugin } from 'vite';

const REPLACEMENTS: readonly [RegExp, string][] = [
  [/Function\((["'`])return this\1\)\(\)/g, 'globalThis'],
  [/Function\((["'`])r\1\s*,\s*(["'`])regeneratorRuntime = r\2\)\(([A-Za-z_$][\w$]*)\)/g, '(globalThis.regeneratorRuntime=$3)'],
  [/Function\((["'`])\1\s*\+\s*([A-Za-z_$][\w$]*)\)/g, '(function(){throw new TypeError("setImmediate needs a function")})'],
];

export function removeEvalFromExceljs(code: string): string {
  return REPLACEMENTS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), code);
}

export function noEvalInExceljs(): Plugin {
  const isExceljs = (name: string) => name.includes('exceljs');
  return {
    name: 'tenderlens-no-eval-in-exceljs',
    transform: (code, id) => (id.includes('/node_modules/exceljs/') ? { code: removeEvalFromExceljs(code), map: null } : null),
    renderChunk: (code, chunk) => (isExceljs(chunk.fileName) ? { code: removeEvalFromExceljs(code), map: null } : null),
  };
}
