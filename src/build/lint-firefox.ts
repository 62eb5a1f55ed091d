// Lints the Firefox build (.output/firefox-mv2) with Mozilla's web-ext and fails on any error or warning. First it
// checks that no source file sets innerHTML (the build steps in src/build, which remove the libraries' own uses, are
// the exception). Run by `npm run lint:firefox` after `build:firefox`.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, '.output/firefox-mv2');

interface LintMessage {
  code: string;
  file?: string;
  message: string;
  description?: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const usesInnerHtml = [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'entrypoints'))].filter((f) => !f.startsWith(path.join(root, 'src/build') + path.sep)).filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=/.test(readFileSync(f, 'utf8')));
if (usesInnerHtml.length) {
  console.error(`These files set innerHTML: ${usesInnerHtml.map((f) => path.relative(root, f)).join(', ')}`);
  process.exit(1);
}

let output: string;
try {
  output = execFileSync(path.join(root, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', outDir, '--output', 'json', '--no-input'], { encoding: 'utf8' });
} catch (error) {
  output = (error as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(output) as { errors: LintMessage[]; warnings: LintMessage[] };
const problems = [...report.errors, ...report.warnings];
for (const m of problems) console.error(`${m.code} ${m.file ?? ''}: ${m.message}`);
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings.`);
process.exit(problems.length ? 1 : 0);
