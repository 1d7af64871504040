// Runs cross-origin cases in headless Chromium and reports what each page saw.
//
// Input (JSON on stdin):
//   { chromium, launchTimeoutMs, stepTimeoutMs, overallTimeoutMs,
//     cases: [{ name, page, concurrent, steps: [step] }] }
//   step: { kind: "fetch", url, method, mode, headers, body, credentials, read, pauseMs }
//       | { kind: "form", url, method, fields, pauseMs }
//       | { kind: "websocket", url, send, pauseMs }
// Output (JSON on stdout, one document):
//   { launchMs, runMs, results: [{ name, steps: [result], console: [string] }] }
//   result for "fetch":     { kind, allowed, type, status, headers, body, error }
//   result for "form":      { kind, navigated, status, url, body, error }
//                           (error: why the landing page did not load, if it did not)
//   result for "websocket": { kind, opened, echoed, closeCode, error }
//
// See README.md for what each kind does. The server's side of each exchange is not recorded
// here: the Rust test keeps its own request log, because Playwright's request events do not
// show preflights faithfully. Every failure ends with a non-zero exit and a message on stderr;
// the browser is always closed before the process exits.

import { chromium } from "playwright-core";

/** How long a failed step may wait for Chromium's console line that explains it. */
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
    .map(async (c) => runCase(context, c, await openTab(context, c.page)));
  // Reported through Promise.all below; this keeps an early failure from being "unhandled".
  for (const p of concurrent) p.catch(() => {});
  const tabs = new Map();
  const sequential = [];
  for (const c of input.cases.filter((c) => !c.concurrent)) {
    if (!tabs.has(c.page)) tabs.set(c.page, await openTab(context, c.page));
    sequential.push(await runCase(context, c, tabs.get(c.page)));
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
async function runCase(context, c, tab) {
  const from = tab.consoleErrors.length;
  // Console lines of the tabs that form steps open and close.
  const formConsole = [];
  const steps = [];
  for (const step of c.steps) {
    if (step.pauseMs) await tab.page.waitForTimeout(step.pauseMs);
    const s = { ...step, timeoutMs: input.stepTimeoutMs };
    let seen;
    switch (step.kind) {
      case "fetch":
        seen = await tab.page.evaluate(fetchInPage, s);
        if (!seen.allowed) await awaitConsole(tab, from, step.url, "CORS policy");
        break;
      case "websocket":
        seen = await tab.page.evaluate(socketInPage, s);
        if (!seen.opened) await awaitConsole(tab, from, step.url, "WebSocket connection");
        break;
      case "form":
        seen = await submitForm(context, c.page, s, formConsole);
        break;
      default:
        throw new Error(`case ${c.name}: unknown step kind ${JSON.stringify(step.kind)}`);
    }
    steps.push({ kind: step.kind, ...seen });
  }
  return { name: c.name, steps, console: [...tab.consoleErrors.slice(from), ...formConsole] };
}

/**
 * Waits until the console has a line about `url` containing `marker`. The line arrives
 * shortly after the failure is reported to the script; waiting for it keeps it in this
 * case's slice and out of the next case's.
 */
async function awaitConsole(tab, from, url, marker) {
  const deadline = performance.now() + CONSOLE_WAIT_MS;
  const explained = () =>
    tab.consoleErrors.slice(from).some((l) => l.includes(url) && l.includes(marker));
  while (!explained() && performance.now() < deadline) await tab.page.waitForTimeout(20);
}

/**
 * Submits a `<form>` from a page at `pageUrl` and reports the response the tab navigated to.
 * The submission navigates away, so it runs in a tab of its own, closed afterwards; its
 * console lines go to `sink`. An error response with an empty body does not load: Chromium
 * shows its own error page, the navigation fails with `error`, and `body` is null (the
 * status is still known).
 */
async function submitForm(context, pageUrl, s, sink) {
  const tab = await openTab(context, pageUrl);
  try {
    const responded = tab.page.waitForResponse(
      (r) => r.request().isNavigationRequest() && r.url() === s.url,
      { timeout: s.timeoutMs },
    );
    // Awaited below; this keeps a rejection before then from being "unhandled".
    responded.catch(() => {});
    const loaded = tab.page.waitForNavigation({ timeout: s.timeoutMs }).then(
      () => null,
      (e) => e.message.split("\n")[0],
    );
    await tab.page.evaluate(formInPage, s);
    const response = await responded;
    const error = await loaded;
    // After a failed load Playwright gives Chromium's error page as the body: report none.
    const body = error
      ? null
      : await response.text().then(
          (t) => t.slice(0, 2000),
          () => null,
        );
    return { navigated: true, status: response.status(), url: response.url(), body, error };
  } catch (e) {
    return { navigated: false, error: `${e.name}: ${e.message}` };
  } finally {
    sink.push(...tab.consoleErrors);
    await tab.page.close();
  }
}

/** Runs in the page: builds the form and submits it, as a user's click would. */
function formInPage(s) {
  const form = document.createElement("form");
  form.method = s.method;
  form.action = s.url;
  for (const [name, value] of Object.entries(s.fields)) {
    const field = document.createElement("input");
    field.type = "hidden";
    field.name = name;
    field.value = value;
    form.append(field);
  }
  document.body.append(form);
  form.submit();
}

/** Runs in the page: one fetch(), reduced to what a script at that origin can observe. */
async function fetchInPage(s) {
  const init = { method: s.method, headers: s.headers, mode: s.mode };
  if (s.body !== null && s.body !== undefined) init.body = s.body;
  if (s.credentials) init.credentials = s.credentials;
  init.signal = AbortSignal.timeout(s.timeoutMs);
  try {
    const r = await fetch(s.url, init);
    const headers = {};
    for (const name of s.read) headers[name] = r.headers.get(name);
    const body = (await r.text()).slice(0, 2000);
    // `type` is "opaque" for a no-cors response: status 0, no headers, no body.
    return { allowed: true, type: r.type, status: r.status, headers, body };
  } catch (e) {
    return { allowed: false, error: `${e.name}: ${e.message}` };
  }
}

/**
 * Runs in the page: opens a WebSocket, sends one message and waits for it to come back.
 * A refused handshake gives the script only an `error` event and close code 1006; the
 * status is in the console.
 */
function socketInPage(s) {
  return new Promise((resolve) => {
    let opened = false;
    let settled = false;
    const ws = new WebSocket(s.url);
    const finish = (r) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ opened, echoed: null, ...r });
    };
    const timer = setTimeout(() => {
      finish({ error: `no echo or close within ${s.timeoutMs} ms` });
      ws.close();
    }, s.timeoutMs);
    ws.onopen = () => {
      opened = true;
      ws.send(s.send);
    };
    ws.onmessage = (e) => {
      finish({ echoed: String(e.data) });
      ws.close(1000);
    };
    ws.onclose = (e) => finish({ closeCode: e.code });
  });
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
