// Runs cross-origin fetch() cases in headless Chromium and reports what each page saw.
//
// Input (JSON on stdin):
//   { chromium, launchTimeoutMs, fetchTimeoutMs, overallTimeoutMs,
//     cases: [{ name, page, concurrent, steps: [{ url, method, headers, body,
//                                                 credentials, read, pauseMs }] }] }
// Output (JSON on stdout, one document):
//   { launchMs, runMs, results: [{ name, steps: [{ allowed, status, headers, body, error }],
//                                  console: [string] }] }
//
// The server's side of each exchange is not recorded here: the Rust test keeps its own
// request log, because Playwright's request events do not show preflights faithfully.
// Every failure ends with a non-zero exit and a message on stderr; the browser is always
// closed before the process exits.

import { chromium } from "playwright-core";

/** How long a blocked fetch may wait for Chromium's console line that explains it. */
const CONSOLE_WAIT_MS = 3000;

const input = JSON.parse(await readStdin());

let browser = null;
let exitCode = 0;
let shuttingDown = null;

// A hung browser must not hang the test: close it and exit after the overall limit.
const watchdog = setTimeout(() => {
  console.error(`driver: overall timeout of ${input.overallTimeoutMs} ms reached`);
  shutdown(124);
}, input.overallTimeoutMs);

// Closes the browser before leaving when the parent asks us to stop.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    console.error(`driver: received ${signal}, closing the browser`);
    shutdown(143);
  });
}

try {
  const t0 = performance.now();
  browser = await chromium.launch({
    executablePath: input.chromium,
    headless: true,
    timeout: input.launchTimeoutMs,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const context = await browser.newContext();
  const launchMs = Math.round(performance.now() - t0);

  const t1 = performance.now();
  const concurrent = input.cases
    .filter((c) => c.concurrent)
    .map(async (c) => runCase(c, await openTab(context, c.page)));
  // Reported through Promise.all below; this keeps an early failure from being "unhandled".
  for (const p of concurrent) p.catch(() => {});
  const tabs = new Map();
  const sequential = [];
  for (const c of input.cases.filter((c) => !c.concurrent)) {
    if (!tabs.has(c.page)) tabs.set(c.page, await openTab(context, c.page));
    sequential.push(await runCase(c, tabs.get(c.page)));
  }
  const byName = new Map(
    [...sequential, ...(await Promise.all(concurrent))].map((r) => [r.name, r]),
  );
  const results = input.cases.map((c) => byName.get(c.name));
  const runMs = Math.round(performance.now() - t1);
  process.stdout.write(JSON.stringify({ launchMs, runMs, results }) + "\n");
} catch (e) {
  console.error(`driver: ${e && e.stack ? e.stack : e}`);
  exitCode = 1;
} finally {
  await shutdown(exitCode);
}

/** Opens a tab on `url` and collects its console errors, where Chromium explains a block. */
async function openTab(context, url) {
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.goto(url, { timeout: input.launchTimeoutMs });
  return { page, consoleErrors };
}

/** Runs one case's steps in order in `tab`, with the console lines they produced. */
async function runCase(c, tab) {
  const from = tab.consoleErrors.length;
  const steps = [];
  for (const step of c.steps) {
    if (step.pauseMs) await tab.page.waitForTimeout(step.pauseMs);
    const seen = await tab.page.evaluate(fetchInPage, {
      ...step,
      timeoutMs: input.fetchTimeoutMs,
    });
    if (!seen.allowed) await awaitBlockReason(tab, from, step.url);
    steps.push(seen);
  }
  return { name: c.name, steps, console: tab.consoleErrors.slice(from) };
}

/**
 * Waits until the console explains the block of `url`. The line arrives shortly after the
 * rejected promise; waiting for it keeps it in this case's slice and out of the next case's.
 */
async function awaitBlockReason(tab, from, url) {
  const deadline = performance.now() + CONSOLE_WAIT_MS;
  const explained = () =>
    tab.consoleErrors.slice(from).some((l) => l.includes(url) && l.includes("CORS policy"));
  while (!explained() && performance.now() < deadline) await tab.page.waitForTimeout(20);
}

/** Runs in the page: one fetch(), reduced to what a script at that origin can observe. */
async function fetchInPage(s) {
  const init = { method: s.method, headers: s.headers, mode: "cors" };
  if (s.body !== null && s.body !== undefined) init.body = s.body;
  if (s.credentials) init.credentials = s.credentials;
  init.signal = AbortSignal.timeout(s.timeoutMs);
  try {
    const r = await fetch(s.url, init);
    const headers = {};
    for (const name of s.read) headers[name] = r.headers.get(name);
    const body = (await r.text()).slice(0, 2000);
    return { allowed: true, status: r.status, headers, body };
  } catch (e) {
    return { allowed: false, error: `${e.name}: ${e.message}` };
  }
}

/** Closes the browser (once, within a bounded time) and exits; the first caller's code wins. */
function shutdown(code) {
  shuttingDown ??= (async () => {
    clearTimeout(watchdog);
    if (browser) {
      await Promise.race([
        browser.close().catch((e) => console.error(`driver: closing the browser: ${e}`)),
        new Promise((resolve) => setTimeout(resolve, 5000)),
      ]);
    }
    process.exit(code);
  })();
  return shuttingDown;
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}
