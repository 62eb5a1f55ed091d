// Preact as the extension bundles it: after the build step, its dangerouslySetInnerHTML branch writes text, never
// markup, so no extension page can receive HTML through it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeTextForInnerHtml } from '@/src/build/no-inner-html-in-preact';

const preact = readFileSync(fileURLToPath(new URL('../../../node_modules/preact/dist/preact.mjs', import.meta.url)), 'utf8');
const innerHtmlWrite = /\.innerHTML\s*=(?!=)/g;

describe('Preact without innerHTML writes', () => {
  it('finds the one write in the library as published, and none after the build step', () => {
    expect(preact.match(innerHtmlWrite)).toHaveLength(1);
    const cleaned = writeTextForInnerHtml(preact);
    expect(cleaned.match(innerHtmlWrite)).toBeNull();
    expect(cleaned).toContain('.textContent=');
    expect(cleaned.length).toBe(preact.length + 'textContent'.length - 'innerHTML'.length);
  });
});
