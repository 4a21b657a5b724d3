#!/usr/bin/env node
// Takes the README's screenshots from the real extension: code-server + headless Chromium, as the in-editor tests run,
// driven through the keyboard as a writer would. Saves images/hover.png, images/quick-fix.png and images/outline.png.
// Each step waits for the widget it pictures, so a missing feature fails the script instead of saving an empty picture.
//
//   npm run screenshots        (builds first)
'use strict';
const fs = require('fs');
const path = require('path');
const harness = require('./editor-harness');

const IMAGES = path.join(harness.ROOT, 'images');
const WAIT_MS = 30000;

// A quiet, light workbench: no welcome page, tips, chat or minimap in the pictures.
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'editor.fontSize': 14,
  'window.commandCenter': false,
  // Widgets fade in: without this a picture can catch a hover half transparent.
  'workbench.reduceMotion': 'on',
};

async function openFile(page, name, expectedText) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: WAIT_MS });
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`, { timeout: WAIT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: expectedText }).first().waitFor({ timeout: WAIT_MS });
}

async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: WAIT_MS });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: WAIT_MS });
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: WAIT_MS });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Enter');
}

async function shoot(page, name) {
  const file = path.join(IMAGES, name);
  await page.screenshot({ path: file, animations: 'disabled' });
  console.log(`screenshots: wrote ${path.relative(harness.ROOT, file)} (${fs.statSync(file).size} bytes)`);
}

async function main() {
  harness.ensureDependencies();
  const dirs = harness.prepareRun();
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  let server;
  let browser;
  try {
    server = await harness.startCodeServer(dirs, process.env);
    browser = await harness.launchChromium();
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    await page.goto(harness.workbenchUrl(server.url, dirs.workspace, { extensionDevelopmentPath: harness.ROOT, skipWelcome: 'true' }));
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: WAIT_MS });

    // Hover over ⁴, whose note only says "See footnote 3": the hover follows the chain to note 1's source.
    await openFile(page, 'brief.md', 'Bus Lanes for Market Towns');
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: WAIT_MS });
    await goTo(page, 13, 77);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.locator('.monaco-hover', { hasText: 'Source: note 1' }).first().waitFor({ timeout: WAIT_MS });
    await shoot(page, 'hover.png');
    await page.keyboard.press('Escape');

    // The outline of the same brief, with one entry per endnote; the file list is folded away to give it room.
    await page.locator('.pane-header', { hasText: 'Workspace' }).first().click();
    await runCommand(page, 'Explorer: Focus on Outline View');
    await page.locator('.outline-pane .monaco-list-row', { hasText: 'Journey Times' }).first().waitFor({ timeout: WAIT_MS });
    await shoot(page, 'outline.png');

    // The quick fix on a marker cited out of order: renumber the footnotes.
    await openFile(page, 'renumber.md', 'Cycle Paths and School Runs');
    await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: WAIT_MS });
    await goTo(page, 7, 100);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget', { hasText: /Renumber/i }).first().waitFor({ timeout: WAIT_MS });
    await shoot(page, 'quick-fix.png');
    return 0;
  } catch (error) {
    console.error(`screenshots: FAILED: ${error.message}`);
    return 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
    fs.rmSync(dirs.tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
