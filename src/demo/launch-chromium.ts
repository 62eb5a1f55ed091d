// Starts Chromium with the built extension loaded (playwright-core driving the system's Chromium; it never
// downloads a browser), in a fresh profile. Headless unless a display is available and headless is not forced.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(`No Chromium found (looked at ${CANDIDATES.join(', ')}). Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * `lang`: the browser's interface language ("de"), which picks the extension's catalogue (Chromium's --lang).
 * `profileDir`: a profile to reuse (the knowledge base is then already stored); a fresh one by default.
 */
export async function launchWithExtension(
  extensionDir: string,
  options: { headless?: boolean; lang?: string; profileDir?: string } = {},
): Promise<ExtensionBrowser> {
  const absolute = path.resolve(extensionDir);
  if (!existsSync(path.join(absolute, 'manifest.json'))) {
    throw new Error(`${absolute} has no manifest.json: build the extension first (npm run build:local).`);
  }
  const headless = options.headless ?? !process.env.DISPLAY;
  const profile = options.profileDir ?? mkdtempSync(path.join(tmpdir(), 'tenderlens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${absolute}`,
      `--load-extension=${absolute}`,
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, worker, extensionId: new URL(worker.url()).host, close: () => context.close() };
}

/**
 * Chromium with the extension, driven over CDP without Playwright's per-page overrides: Playwright's focus
 * emulation keeps every page it drives "visible", so a background tab never becomes hidden. Here a tab behind
 * another one really is hidden (`document.visibilityState === 'hidden'`), as in a user's browser. Headless.
 */
export async function launchWithRealVisibility(extensionDir: string): Promise<ExtensionBrowser> {
  const absolute = path.resolve(extensionDir);
  if (!existsSync(path.join(absolute, 'manifest.json'))) {
    throw new Error(`${absolute} has no manifest.json: build the extension first (npm run build:local).`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'tenderlens-profile-'));
  const chromiumProcess = spawn(findChromium(), [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--no-default-browser-check', `--user-data-dir=${profile}`, '--remote-debugging-port=0',
    `--disable-extensions-except=${absolute}`, `--load-extension=${absolute}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools endpoint:\n${output.slice(-2000)}`)), 30_000);
    chromiumProcess.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    chromiumProcess.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint, { noDefaults: true });
  const context = browser.contexts()[0]!;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const close = async () => {
    await browser.close().catch(() => undefined);
    if (chromiumProcess.exitCode === null) {
      const exited = new Promise((resolve) => chromiumProcess.once('exit', resolve));
      chromiumProcess.kill();
      await exited;
    }
  };
  return { context, worker, extensionId: new URL(worker.url()).host, close };
}
