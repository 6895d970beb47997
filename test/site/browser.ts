// Headless Debian chromium through playwright-core, with a fresh profile per launch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export function assertChromium(): void {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: the site tests need it ` +
        '(`apt-get update && apt-get install -y chromium`, or set CHROMIUM_PATH).',
    );
  }
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Browser> {
  assertChromium();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-docs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
