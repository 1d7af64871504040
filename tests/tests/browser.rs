//! Real-browser conformance: headless Chromium calls `#[cors]` handlers cross-origin.
//!
//! The API, built only from annotated handlers, listens on `http://127.0.0.1:PORT`. A blank
//! page is served on another port and loaded as `http://localhost:PORT2` (and, for the
//! wildcard case, `http://app.localhost:PORT2`): a different origin, but loopback on both
//! sides, so Chromium asks for no local-network permission. `tests/browser/driver.mjs`
//! (playwright-core, Debian's `/usr/bin/chromium`) runs each case's steps in the page
//! (`fetch()` calls, `<form>` submissions, WebSockets) and reports what a script there, or
//! the tab, could observe. The API's own request log says what really reached the server,
//! preflights included, and whether the handler ran; every case is checked against both.
//!
//! The POLICY §4 cases (cross-origin writes and WebSocket handshakes) need sites, not just
//! origins: Chromium treats `listed.localhost`, `unlisted.localhost` and `localhost` as
//! different sites, and `127.0.0.1` on two ports as one site. So the page is also loaded as
//! `http://listed.localhost:PORT2`, `http://unlisted.localhost:PORT2` (cross-site),
//! `http://127.0.0.1:PORT2` (same-site) and, from the API server itself,
//! `http://127.0.0.1:PORT/page` (same-origin).
//!
//! The tenant-store cases (POLICY §6) take the API's origins from a real SQLite store, which
//! only holds `https` origins off loopback. So their page is `https://app.acme.example:PORT3`
//! and their API `https://127.0.0.1:PORT4`: the servers' second, TLS listeners, with a
//! certificate made for the run, and a Chromium told to resolve that name to 127.0.0.1 and to
//! accept the certificate.
//!
//! When Chromium, `node` or the driver's `node_modules` is missing the test prints one line
//! and passes, unless `CORS_BROWSER_REQUIRED=1` is set (as in CI), which makes it a failure.

use std::{
    env,
    fmt::{self, Write as _},
    io::{self, Read, Write},
    net::SocketAddr,
    path::{Path, PathBuf},
    process::{Child, Command, ExitStatus, Stdio},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
        mpsc,
    },
    thread,
    time::{Duration, Instant},
};

use actix_web::{
    App, HttpMessage, HttpRequest, HttpResponse, HttpServer, ResponseError, delete,
    dev::{ServerHandle, Service, ServiceResponse},
    get,
    http::{StatusCode, header::HeaderMap},
    patch, post, put, routes, web,
};
use actix_ws::Message;
use cors_runtime::tenant::TenantStores;
use cors_runtime::{Policy, cors, policy};
use cors_store::{SqliteStore, StoreOrigins};
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
const REQUIRED_VAR: &str = "CORS_BROWSER_REQUIRED";

/// Chromium's own start (and the first page load) gets this long.
const LAUNCH_TIMEOUT: Duration = Duration::from_secs(20);
/// A step (a `fetch()`, a form's navigation, a socket's echo) that takes longer than this is
/// abandoned and reported as such.
const STEP_TIMEOUT: Duration = Duration::from_secs(5);
/// The driver closes the browser and exits on its own after this long.
const DRIVER_TIMEOUT: Duration = Duration::from_secs(45);
/// The test kills the driver if it has not answered by then.
const DRIVER_KILL_AFTER: Duration = Duration::from_secs(50);
/// Longer than Chromium's 5 s default preflight lifetime, so only `max_age` explains a hit.
const MAX_AGE_PAUSE_MS: u64 = 6_000;

// ---------------------------------------------------------------------------------------------
// The API under test. Every policy names a real https origin (required, and not the page), so
// the page at http://localhost:PORT2 is let in only through `dev_origins`.
// ---------------------------------------------------------------------------------------------

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"])]
#[get("/simple")]
async fn simple() -> HttpResponse {
    HttpResponse::Ok().body("simple")
}

#[cors(origins = ["https://app.example.com"])]
#[get("/prod-only")]
async fn prod_only() -> HttpResponse {
    HttpResponse::Ok().body("prod-only")
}

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://127.0.0.1:*"])]
#[get("/loopback-ip-only")]
async fn loopback_ip_only() -> HttpResponse {
    HttpResponse::Ok().body("loopback-ip-only")
}

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"])]
#[post("/notes")]
async fn create_note(body: String) -> HttpResponse {
    HttpResponse::Created().body(format!("note of {} bytes", body.len()))
}

#[cors(
    origins = ["https://app.example.com"],
    dev_origins = ["http://localhost:*"],
    headers = ["content-type", "x-request-id", "authorization"],
)]
#[put("/items/{id}")]
async fn put_item(id: web::Path<u32>) -> HttpResponse {
    HttpResponse::Ok().body(format!("put {id}"))
}

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"])]
#[delete("/items/{id}")]
async fn delete_item(_id: web::Path<u32>) -> HttpResponse {
    HttpResponse::NoContent().finish()
}

#[cors(
    origins = ["https://app.example.com"],
    dev_origins = ["http://localhost:*"],
    headers = ["content-type"],
)]
#[patch("/items/{id}")]
async fn patch_item(id: web::Path<u32>) -> HttpResponse {
    HttpResponse::Ok().body(format!("patched {id}"))
}

/// A body that fails to parse never reaches the handler: actix answers 400 itself.
#[cors(
    origins = ["https://app.example.com"],
    dev_origins = ["http://localhost:*"],
    headers = ["content-type"],
)]
#[post("/items")]
async fn create_item(item: web::Json<Value>) -> HttpResponse {
    HttpResponse::Created().json(item.into_inner())
}

/// Serves four methods but lets cross-origin callers use only GET.
#[cors(
    origins = ["https://app.example.com"],
    dev_origins = ["http://localhost:*"],
    methods = [GET],
)]
#[routes]
#[get("/guarded")]
#[put("/guarded")]
#[patch("/guarded")]
#[delete("/guarded")]
async fn guarded() -> HttpResponse {
    HttpResponse::Ok().body("guarded")
}

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], headers = ["*"])]
#[put("/star")]
async fn star_headers() -> HttpResponse {
    HttpResponse::Ok().body("star")
}

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials)]
#[get("/me")]
async fn me() -> HttpResponse {
    HttpResponse::Ok().body("me")
}

#[cors(
    origins = ["https://app.example.com"],
    dev_origins = ["http://localhost:*"],
    headers = ["content-type"],
    credentials,
)]
#[put("/me")]
async fn put_me() -> HttpResponse {
    HttpResponse::Ok().body("me updated")
}

#[cors(
    origins = ["https://app.example.com"],
    dev_origins = ["http://localhost:*"],
    expose = ["x-total-count"],
)]
#[get("/list")]
async fn list() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("x-total-count", "42"))
        .insert_header(("x-internal-trace", "abc123"))
        .content_type("application/json")
        .body("[]")
}

/// A handler error whose response carries its own header, to show `expose` reaches errors.
#[derive(Debug)]
struct Locked;

impl fmt::Display for Locked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("item is locked")
    }
}

impl ResponseError for Locked {
    fn status_code(&self) -> StatusCode {
        StatusCode::CONFLICT
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::Conflict().insert_header(("x-error-code", "locked")).body(self.to_string())
    }
}

#[cors(
    origins = ["https://app.example.com"],
    dev_origins = ["http://localhost:*"],
    expose = ["x-error-code"],
)]
#[get("/fail")]
async fn fail() -> Result<HttpResponse, Locked> {
    Err(Locked)
}

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], max_age = 600)]
#[put("/cached/{id}")]
async fn put_cached(_id: web::Path<u32>) -> HttpResponse {
    HttpResponse::Ok().body("cached")
}

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], max_age = 0)]
#[put("/uncached/{id}")]
async fn put_uncached(_id: web::Path<u32>) -> HttpResponse {
    HttpResponse::Ok().body("uncached")
}

/// Same path as [`delete_shared`], different policy: the page may read, not delete.
#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"])]
#[get("/shared")]
async fn get_shared() -> HttpResponse {
    HttpResponse::Ok().body("shared")
}

#[cors(origins = ["https://app.example.com"])]
#[delete("/shared")]
async fn delete_shared() -> HttpResponse {
    HttpResponse::NoContent().finish()
}

#[cors(origins = ["https://app.example.com"], dev_origins = ["http://*.localhost:*"])]
#[get("/tenant")]
async fn tenant() -> HttpResponse {
    HttpResponse::Ok().body("tenant")
}

#[cors(
    origins = ["https://app.example.com"],
    dev_origins = ["http://*.localhost:*"],
    headers = ["content-type"],
)]
#[put("/tenant")]
async fn put_tenant() -> HttpResponse {
    HttpResponse::Ok().body("tenant updated")
}

// POLICY §4. These handlers report that they ran (`+ran` in the log), so a refusal is seen
// to happen before them.

/// Put in every request's extensions by the request log; a handler that reports itself sets it.
struct HandlerRan(Arc<AtomicBool>);

fn mark_ran(req: &HttpRequest) {
    if let Some(HandlerRan(ran)) = req.extensions().get::<HandlerRan>() {
        ran.store(true, Ordering::SeqCst);
    }
}

/// A write with the user's cookies: what a cross-site form or `no-cors` fetch would forge.
#[cors(origins = ["https://bank.example.com"], dev_origins = ["http://listed.localhost:*"], credentials)]
#[post("/transfer")]
async fn transfer(req: HttpRequest, body: String) -> HttpResponse {
    mark_ran(&req);
    HttpResponse::Ok().body(format!("transferred {body}"))
}

/// An echo socket. Browsers apply no CORS to the handshake, so only §4 keeps other sites out.
#[cors(origins = ["https://chat.example.com"], dev_origins = ["http://listed.localhost:*"], credentials)]
#[get("/ws")]
async fn socket(req: HttpRequest, body: web::Payload) -> actix_web::Result<HttpResponse> {
    mark_ran(&req);
    let (response, mut session, mut messages) = actix_ws::handle(&req, body)?;
    actix_web::rt::spawn(async move {
        while let Some(Ok(msg)) = messages.recv().await {
            let sent = match msg {
                Message::Text(text) => session.text(text).await,
                Message::Ping(bytes) => session.pong(&bytes).await,
                Message::Close(_) => break,
                _ => Ok(()),
            };
            if sent.is_err() {
                return;
            }
        }
        let _ = session.close(None).await;
    });
    Ok(response)
}

// POLICY §6: origins from a store, per tenant. `acme`'s page origin is stored for `acme`, and
// `globex` has an origin of its own (see `Servers::start`).

/// The tenant routes' policy: the origins are the request's tenant's, from the store `"tenants"`.
static TENANTS: Policy = policy!(origins_from_store = "tenants", headers = ["content-type"], credentials);

/// The host of the tenant `acme`'s page; Chromium resolves it to 127.0.0.1 (see [`chromium`]).
const ACME_HOST: &str = "app.acme.example";
/// The origin stored for `globex`: not the page's.
const GLOBEX_ORIGIN: &str = "https://portal.globex.example";

#[cors(TENANTS)]
#[get("/t/{tenant}/me")]
async fn tenant_me(name: web::Path<String>) -> HttpResponse {
    HttpResponse::Ok().body(format!("me at {name}"))
}

/// A write: reports that it ran, so a refusal is seen to happen before it.
#[cors(TENANTS)]
#[post("/t/{tenant}/notes")]
async fn tenant_note(req: HttpRequest, name: web::Path<String>, body: String) -> HttpResponse {
    mark_ran(&req);
    HttpResponse::Created().body(format!("note for {name}: {body}"))
}

/// The request's tenant, for the store: the `{tenant}` segment of the path.
fn tenant_of(req: &HttpRequest) -> Option<&str> {
    req.match_info().get("tenant")
}

fn api_services(cfg: &mut web::ServiceConfig) {
    cfg.service(simple)
        .service(prod_only)
        .service(loopback_ip_only)
        .service(create_note)
        .service(put_item)
        .service(delete_item)
        .service(patch_item)
        .service(create_item)
        .service(guarded)
        .service(star_headers)
        .service(me)
        .service(put_me)
        .service(list)
        .service(fail)
        .service(put_cached)
        .service(put_uncached)
        .service(get_shared)
        .service(delete_shared)
        .service(tenant)
        .service(put_tenant)
        .service(transfer)
        .service(socket)
        .service(tenant_me)
        .service(tenant_note);
}

// ---------------------------------------------------------------------------------------------
// The cases.
// ---------------------------------------------------------------------------------------------

/// The servers' ports, of which the page origins and URLs are made.
#[derive(Clone, Copy, Debug)]
struct Ports {
    api: u16,
    page: u16,
    /// The TLS listeners of the same two servers, for the tenant-store cases.
    api_tls: u16,
    page_tls: u16,
}

/// Which page origin runs a case.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum PageHost {
    /// `http://localhost:PORT2`, the origin most policies admit through `dev_origins`.
    Localhost,
    /// `http://app.localhost:PORT2`, a subdomain for the wildcard policy.
    AppLocalhost,
    /// `http://listed.localhost:PORT2`: another site, in the §4 policies' `dev_origins`.
    Listed,
    /// `http://unlisted.localhost:PORT2`: another site, in no policy.
    Unlisted,
    /// `http://127.0.0.1:PORT2`: the API's host on another port, so the same site but
    /// another origin.
    SameSite,
    /// `http://127.0.0.1:PORT/page`, served by the API server itself.
    SameOrigin,
    /// `https://app.acme.example:PORT3`: the tenant `acme`'s page, whose origin is stored for
    /// `acme` only. Its cases call the API over `https` (`https://127.0.0.1:PORT4`): a form
    /// from an `https` page to an `http` URL would send `Origin: null`.
    Acme,
}

impl PageHost {
    fn origin(self, ports: Ports) -> String {
        let Ports { api, page, page_tls, .. } = ports;
        match self {
            PageHost::Localhost => format!("http://localhost:{page}"),
            PageHost::AppLocalhost => format!("http://app.localhost:{page}"),
            PageHost::Listed => format!("http://listed.localhost:{page}"),
            PageHost::Unlisted => format!("http://unlisted.localhost:{page}"),
            PageHost::SameSite => format!("http://127.0.0.1:{page}"),
            PageHost::SameOrigin => format!("http://127.0.0.1:{api}"),
            PageHost::Acme => format!("https://{ACME_HOST}:{page_tls}"),
        }
    }

    /// The API as this page's cases call it.
    fn api(self, ports: Ports) -> String {
        match self {
            PageHost::Acme => format!("https://127.0.0.1:{}", ports.api_tls),
            _ => format!("http://127.0.0.1:{}", ports.api),
        }
    }

    fn url(self, ports: Ports) -> String {
        let path = if self == PageHost::SameOrigin { SAME_ORIGIN_PAGE } else { "/" };
        format!("{}{path}", self.origin(ports))
    }
}

/// Where the API serves the same-origin page (outside the request log, like its favicon).
const SAME_ORIGIN_PAGE: &str = "/page";

/// How a step reaches the API.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// `fetch()`, in `cors` mode unless `no_cors`.
    Fetch { no_cors: bool },
    /// A `<form>` submitted from the page: the tab navigates to the response.
    Form,
    /// `new WebSocket()`: the body is sent once the socket opens, and its echo awaited.
    WebSocket,
}

/// What the page (or the tab) should observe for one step.
#[derive(Debug)]
enum Saw {
    /// The response reached the script: its status, readable headers (`None` = hidden) and a
    /// part of its body.
    Allowed { status: u16, headers: Vec<(&'static str, Option<&'static str>)>, body: Option<&'static str> },
    /// `fetch()` rejected; Chromium's console names the reason, of which this is a part.
    Blocked { reason: &'static str },
    /// A `no-cors` `fetch()` resolved with an opaque response: status 0, nothing readable, so
    /// the page cannot tell a refusal from success.
    Opaque,
    /// The form's navigation landed on a response with this status (and part of its body).
    Landed { status: u16, body: Option<&'static str> },
    /// The socket opened and its message came back.
    Echoed,
    /// The socket never opened (close code 1006); Chromium's console line has this part.
    SocketFailed { reason: &'static str },
}

const NO_ACAO: &str = "No 'Access-Control-Allow-Origin' header is present";
/// Chromium's words for a refused preflight, whatever the detail (status or missing ACAO).
const PREFLIGHT_REFUSED: &str = "Response to preflight request doesn't pass access control check";
const NO_ACAC: &str = "Access-Control-Allow-Credentials";
/// Chromium's words for a handshake answered with 403 (the script only sees code 1006).
const HANDSHAKE_403: &str = "Unexpected response code: 403";

struct Step {
    kind: Kind,
    method: &'static str,
    path: &'static str,
    headers: Vec<(&'static str, &'static str)>,
    /// The request body; for a WebSocket, the message sent.
    body: Option<&'static str>,
    /// A form's fields.
    fields: Vec<(&'static str, &'static str)>,
    credentials: bool,
    pause_ms: u64,
    expect: Saw,
}

impl Step {
    fn new(method: &'static str, path: &'static str) -> Self {
        Step {
            kind: Kind::Fetch { no_cors: false },
            method,
            path,
            headers: Vec::new(),
            body: None,
            fields: Vec::new(),
            credentials: false,
            pause_ms: 0,
            expect: Saw::Blocked { reason: "" },
        }
    }

    /// A `<form method="post">` to `path`: a top-level navigation, as a submit button makes.
    fn form(path: &'static str) -> Self {
        Step { kind: Kind::Form, ..Step::new("POST", path) }
    }

    /// A WebSocket to `path` that sends `message` and expects it back.
    fn socket(path: &'static str, message: &'static str) -> Self {
        Step { kind: Kind::WebSocket, body: Some(message), ..Step::new("GET", path) }
    }

    fn header(mut self, name: &'static str, value: &'static str) -> Self {
        self.headers.push((name, value));
        self
    }

    fn json(self, body: &'static str) -> Self {
        let mut s = self.header("content-type", "application/json");
        s.body = Some(body);
        s
    }

    /// A body that keeps the request CORS-safelisted (no preflight).
    fn text(self, body: &'static str) -> Self {
        let mut s = self.header("content-type", "text/plain;charset=utf-8");
        s.body = Some(body);
        s
    }

    /// A bare body: a `no-cors` fetch sends it as `text/plain;charset=UTF-8`.
    fn body(mut self, body: &'static str) -> Self {
        self.body = Some(body);
        self
    }

    fn field(mut self, name: &'static str, value: &'static str) -> Self {
        self.fields.push((name, value));
        self
    }

    fn no_cors(mut self) -> Self {
        self.kind = Kind::Fetch { no_cors: true };
        self
    }

    fn credentials(mut self) -> Self {
        self.credentials = true;
        self
    }

    fn after_ms(mut self, ms: u64) -> Self {
        self.pause_ms = ms;
        self
    }

    fn allowed(mut self, status: u16) -> Self {
        self.expect = Saw::Allowed { status, headers: Vec::new(), body: None };
        self
    }

    fn reads(mut self, name: &'static str, value: Option<&'static str>) -> Self {
        match &mut self.expect {
            Saw::Allowed { headers, .. } => headers.push((name, value)),
            _ => panic!("`reads` needs `allowed` first"),
        }
        self
    }

    fn body_has(mut self, part: &'static str) -> Self {
        match &mut self.expect {
            Saw::Allowed { body, .. } | Saw::Landed { body, .. } => *body = Some(part),
            _ => panic!("`body_has` needs `allowed` or `lands` first"),
        }
        self
    }

    fn blocked(mut self, reason: &'static str) -> Self {
        self.expect = Saw::Blocked { reason };
        self
    }

    fn opaque(mut self) -> Self {
        self.expect = Saw::Opaque;
        self
    }

    fn lands(mut self, status: u16) -> Self {
        self.expect = Saw::Landed { status, body: None };
        self
    }

    fn echoes(mut self) -> Self {
        self.expect = Saw::Echoed;
        self
    }

    fn socket_fails(mut self, reason: &'static str) -> Self {
        self.expect = Saw::SocketFailed { reason };
        self
    }

    /// Whether the page should see this step fail, with an explanation in the console.
    fn expects_failure(&self) -> bool {
        matches!(self.expect, Saw::Blocked { .. } | Saw::SocketFailed { .. })
    }
}

struct Case {
    name: &'static str,
    page: PageHost,
    /// Runs in its own tab alongside the others (for the case that has to wait).
    concurrent: bool,
    steps: Vec<Step>,
    /// The API's log for this case, one line per request: method, then `upgrade=` when sent,
    /// `sfs=` (the `Sec-Fetch-Site` of a request POLICY §4 checks) when sent, `acrm=`/`acrh=`
    /// when sent, `-> status`, then `+acao` (echoed the origin), `+acac` (credentials
    /// allowed), `+upgrade` (answered `Upgrade: websocket`) and `+ran` (a handler that
    /// reports itself ran).
    server: Vec<&'static str>,
}

fn case(name: &'static str, steps: Vec<Step>, server: Vec<&'static str>) -> Case {
    Case { name, page: PageHost::Localhost, concurrent: false, steps, server }
}

fn cases() -> Vec<Case> {
    let get = |path| Step::new("GET", path);
    let put = |path| Step::new("PUT", path);
    vec![
        // Started first: it waits out Chromium's default preflight lifetime in its own tab.
        Case {
            concurrent: true,
            ..case(
                "max-age-600-second-put-sends-no-preflight",
                vec![put("/cached/1").allowed(200), put("/cached/1").after_ms(MAX_AGE_PAUSE_MS).allowed(200)],
                vec![
                    "OPTIONS acrm=PUT -> 204 +acao",
                    "PUT sfs=cross-site -> 200 +acao",
                    "PUT sfs=cross-site -> 200 +acao",
                ],
            )
        },
        case("simple-get-allowed", vec![get("/simple").allowed(200).body_has("simple")], vec!["GET -> 200 +acao"]),
        case("simple-get-blocked-origin-not-listed", vec![get("/prod-only").blocked(NO_ACAO)], vec!["GET -> 200"]),
        case(
            "dev-origin-other-loopback-host-blocked",
            vec![get("/loopback-ip-only").blocked(NO_ACAO)],
            vec!["GET -> 200"],
        ),
        case(
            "simple-post-text-plain-not-preflighted",
            vec![Step::new("POST", "/notes").text("hello").allowed(201).body_has("note of 5 bytes")],
            vec!["POST sfs=cross-site -> 201 +acao"],
        ),
        case(
            "put-preflighted-allowed",
            vec![put("/items/7").json("{}").allowed(200).body_has("put 7")],
            vec!["OPTIONS acrm=PUT acrh=content-type -> 204 +acao", "PUT sfs=cross-site -> 200 +acao"],
        ),
        // A preflight for a method the handler serves but `methods` leaves out: the annotated
        // route answers it and refuses it (403), with no CORS headers and no actual request.
        case(
            "put-blocked-by-method",
            vec![put("/guarded").blocked(PREFLIGHT_REFUSED)],
            vec!["OPTIONS acrm=PUT -> 403"],
        ),
        case(
            "delete-preflighted-allowed",
            vec![Step::new("DELETE", "/items/7").allowed(204)],
            vec!["OPTIONS acrm=DELETE -> 204 +acao", "DELETE sfs=cross-site -> 204 +acao"],
        ),
        case(
            "delete-blocked-by-method",
            vec![Step::new("DELETE", "/guarded").blocked(PREFLIGHT_REFUSED)],
            vec!["OPTIONS acrm=DELETE -> 403"],
        ),
        case(
            "delete-without-handler-falls-through-404",
            vec![Step::new("DELETE", "/simple").blocked(PREFLIGHT_REFUSED)],
            vec!["OPTIONS acrm=DELETE -> 404"],
        ),
        case(
            "patch-preflighted-allowed",
            vec![Step::new("PATCH", "/items/7").json(r#"{"name":"x"}"#).allowed(200).body_has("patched 7")],
            vec!["OPTIONS acrm=PATCH acrh=content-type -> 204 +acao", "PATCH sfs=cross-site -> 200 +acao"],
        ),
        case(
            "patch-blocked-by-method",
            vec![Step::new("PATCH", "/guarded").blocked(PREFLIGHT_REFUSED)],
            vec!["OPTIONS acrm=PATCH -> 403"],
        ),
        case(
            "lowercase-patch-blocked",
            vec![Step::new("patch", "/items/7").blocked(PREFLIGHT_REFUSED)],
            vec!["OPTIONS acrm=patch -> 404"],
        ),
        case(
            "request-header-allowed",
            vec![put("/items/7").json("{}").header("X-Request-Id", "r-1").allowed(200)],
            vec!["OPTIONS acrm=PUT acrh=content-type,x-request-id -> 204 +acao", "PUT sfs=cross-site -> 200 +acao"],
        ),
        case(
            "request-header-denied",
            vec![put("/items/7").json("{}").header("X-Debug", "1").blocked(PREFLIGHT_REFUSED)],
            vec!["OPTIONS acrm=PUT acrh=content-type,x-debug -> 403"],
        ),
        case(
            "authorization-listed-by-name-allowed",
            vec![put("/items/7").header("Authorization", "Bearer t0k3n").allowed(200)],
            vec!["OPTIONS acrm=PUT acrh=authorization -> 204 +acao", "PUT sfs=cross-site -> 200 +acao"],
        ),
        case(
            "star-headers-custom-header-allowed",
            vec![put("/star").header("X-Anything", "1").allowed(200)],
            vec!["OPTIONS acrm=PUT acrh=x-anything -> 204 +acao", "PUT sfs=cross-site -> 200 +acao"],
        ),
        case(
            "star-headers-authorization-refused",
            vec![put("/star").header("Authorization", "Bearer t0k3n").blocked(PREFLIGHT_REFUSED)],
            vec!["OPTIONS acrm=PUT acrh=authorization -> 403"],
        ),
        case(
            "credentials-include-allowed",
            vec![get("/me").credentials().allowed(200).body_has("me")],
            vec!["GET -> 200 +acao +acac"],
        ),
        case(
            "credentials-include-preflighted-allowed",
            vec![put("/me").credentials().json("{}").allowed(200)],
            vec!["OPTIONS acrm=PUT acrh=content-type -> 204 +acao +acac", "PUT sfs=cross-site -> 200 +acao +acac"],
        ),
        case(
            "credentials-include-blocked-without-flag",
            vec![get("/simple").credentials().blocked(NO_ACAC)],
            vec!["GET -> 200 +acao"],
        ),
        case(
            "exposed-header-readable",
            vec![get("/list").allowed(200).reads("x-total-count", Some("42"))],
            vec!["GET -> 200 +acao"],
        ),
        case(
            "unexposed-header-hidden",
            vec![
                get("/list")
                    .allowed(200)
                    .reads("x-internal-trace", None)
                    .reads("content-type", Some("application/json")),
            ],
            vec!["GET -> 200 +acao"],
        ),
        case(
            "post-json-created",
            vec![Step::new("POST", "/items").json(r#"{"name":"x"}"#).allowed(201).body_has(r#"{"name":"x"}"#)],
            vec!["OPTIONS acrm=POST acrh=content-type -> 204 +acao", "POST sfs=cross-site -> 201 +acao"],
        ),
        case(
            "extractor-error-readable",
            vec![Step::new("POST", "/items").json("{not json").allowed(400)],
            vec!["OPTIONS acrm=POST acrh=content-type -> 204 +acao", "POST sfs=cross-site -> 400 +acao"],
        ),
        case(
            "handler-error-readable",
            vec![get("/fail").allowed(409).body_has("item is locked").reads("x-error-code", Some("locked"))],
            vec!["GET -> 409 +acao"],
        ),
        case(
            "max-age-0-preflights-every-time",
            vec![put("/uncached/1").allowed(200), put("/uncached/1").allowed(200)],
            vec![
                "OPTIONS acrm=PUT -> 204 +acao",
                "PUT sfs=cross-site -> 200 +acao",
                "OPTIONS acrm=PUT -> 204 +acao",
                "PUT sfs=cross-site -> 200 +acao",
            ],
        ),
        case(
            "same-path-get-policy-allows",
            vec![get("/shared").allowed(200).body_has("shared")],
            vec!["GET -> 200 +acao"],
        ),
        case(
            "same-path-delete-policy-refuses",
            vec![Step::new("DELETE", "/shared").blocked(PREFLIGHT_REFUSED)],
            vec!["OPTIONS acrm=DELETE -> 403"],
        ),
        Case {
            page: PageHost::AppLocalhost,
            ..case(
                "wildcard-subdomain-allowed",
                vec![get("/tenant").allowed(200).body_has("tenant")],
                vec!["GET -> 200 +acao"],
            )
        },
        Case {
            page: PageHost::AppLocalhost,
            ..case(
                "wildcard-subdomain-preflighted-allowed",
                vec![put("/tenant").json("{}").allowed(200)],
                vec!["OPTIONS acrm=PUT acrh=content-type -> 204 +acao", "PUT sfs=cross-site -> 200 +acao"],
            )
        },
        case("wildcard-subdomain-apex-blocked", vec![get("/tenant").blocked(NO_ACAO)], vec!["GET -> 200"]),
        // POLICY §4: cross-origin writes. `/transfer` is credentialed and lists only
        // `listed.localhost` (through `dev_origins`).
        Case {
            page: PageHost::Unlisted,
            ..case(
                "form-post-unlisted-origin-refused",
                vec![Step::form("/transfer").field("amount", "100").lands(403)],
                vec!["POST sfs=cross-site -> 403"],
            )
        },
        Case {
            page: PageHost::Listed,
            ..case(
                "form-post-listed-origin-runs",
                vec![Step::form("/transfer").field("amount", "100").lands(200).body_has("transferred amount=100")],
                vec!["POST sfs=cross-site -> 200 +acao +acac +ran"],
            )
        },
        // The page cannot tell (the response is opaque either way); only the log can.
        Case {
            page: PageHost::Unlisted,
            ..case(
                "no-cors-post-unlisted-origin-refused",
                vec![Step::new("POST", "/transfer").no_cors().credentials().body("x").opaque()],
                vec!["POST sfs=cross-site -> 403"],
            )
        },
        Case {
            page: PageHost::SameOrigin,
            ..case(
                "same-origin-form-post-runs",
                vec![Step::form("/transfer").field("amount", "5").lands(200).body_has("transferred amount=5")],
                vec!["POST sfs=same-origin -> 200 +ran"],
            )
        },
        Case {
            page: PageHost::SameOrigin,
            ..case(
                "same-origin-fetch-post-runs",
                vec![Step::new("POST", "/transfer").text("x").allowed(200).body_has("transferred x")],
                vec!["POST sfs=same-origin -> 200 +ran"],
            )
        },
        // Same site is not same origin: another port of the API's host is refused.
        Case {
            page: PageHost::SameSite,
            ..case(
                "same-site-other-port-post-refused",
                vec![Step::new("POST", "/transfer").text("x").blocked(NO_ACAO)],
                vec!["POST sfs=same-site -> 403"],
            )
        },
        // WebSocket handshakes: no CORS, no `Sec-Fetch-Site`; `Origin` decides.
        Case {
            page: PageHost::Listed,
            ..case(
                "websocket-listed-origin-echoes",
                vec![Step::socket("/ws", "hello").echoes()],
                vec!["GET upgrade=websocket -> 101 +acao +acac +upgrade +ran"],
            )
        },
        // Recognised by `Origin` against `Host`: the page's origin is in no policy.
        Case {
            page: PageHost::SameOrigin,
            ..case(
                "websocket-same-origin-echoes",
                vec![Step::socket("/ws", "hello").echoes()],
                vec!["GET upgrade=websocket -> 101 +upgrade +ran"],
            )
        },
        Case {
            page: PageHost::Unlisted,
            ..case(
                "websocket-unlisted-origin-refused",
                vec![Step::socket("/ws", "hello").socket_fails(HANDSHAKE_403)],
                vec!["GET upgrade=websocket -> 403"],
            )
        },
        // `Origin` is `127.0.0.1:PORT2`, `Host` is `127.0.0.1:PORT`: the port tells them apart.
        Case {
            page: PageHost::SameSite,
            ..case(
                "websocket-same-site-other-port-refused",
                vec![Step::socket("/ws", "hello").socket_fails(HANDSHAKE_403)],
                vec!["GET upgrade=websocket -> 403"],
            )
        },
        // POLICY §6: origins from the tenant store. The page is `acme`'s, stored for `acme`.
        Case {
            page: PageHost::Acme,
            ..case(
                "tenant-store-own-tenant-readable",
                vec![get("/t/acme/me").credentials().allowed(200).body_has("me at acme")],
                vec!["GET -> 200 +acao +acac"],
            )
        },
        Case {
            page: PageHost::Acme,
            ..case(
                "tenant-store-other-tenant-blocked",
                vec![get("/t/globex/me").credentials().blocked(NO_ACAO)],
                vec!["GET -> 200"],
            )
        },
        Case {
            page: PageHost::Acme,
            ..case(
                "tenant-store-other-tenant-form-post-refused",
                vec![Step::form("/t/globex/notes").field("text", "hi").lands(403)],
                vec!["POST sfs=cross-site -> 403"],
            )
        },
        Case {
            page: PageHost::Acme,
            ..case(
                "tenant-store-own-tenant-json-post-created",
                vec![
                    Step::new("POST", "/t/acme/notes")
                        .credentials()
                        .json(r#"{"text":"hi"}"#)
                        .allowed(201)
                        .body_has(r#"note for acme: {"text":"hi"}"#),
                ],
                vec![
                    "OPTIONS acrm=POST acrh=content-type -> 204 +acao +acac",
                    "POST sfs=cross-site -> 201 +acao +acac +ran",
                ],
            )
        },
    ]
}

// ---------------------------------------------------------------------------------------------
// The test.
// ---------------------------------------------------------------------------------------------

#[test]
fn browser_conformance() {
    let Some(node_dir) = prerequisites() else {
        return;
    };
    let started = Instant::now();
    // The tenant store's database and the Chromium launcher; removed when the test ends.
    let scratch = tempfile::tempdir().expect("a temporary directory");
    let servers = Servers::start(scratch.path());
    let cases = cases();
    let input = driver_input(&cases, &servers, &chromium(scratch.path()));
    let output = run_driver(&node_dir, &input);
    let outcome: Value =
        serde_json::from_str(&output).unwrap_or_else(|e| panic!("driver printed no valid JSON ({e}):\n{output}"));
    let log = servers.log.lock().unwrap().clone();
    drop(servers);

    let mut report = String::new();
    let mut failures = Vec::new();
    let results = outcome["results"].as_array().expect("driver results");
    assert_eq!(results.len(), cases.len(), "one result per case");
    for (case, result) in cases.iter().zip(results) {
        let origin = case.page.origin(input.ports);
        let seen = server_lines(&log, case.name, &origin);
        let problems = check_case(case, result, &seen, &case.page.api(input.ports));
        let _ = writeln!(
            report,
            "{} {}\n  browser: {}\n  server:  {}",
            if problems.is_empty() { "ok  " } else { "FAIL" },
            case.name,
            describe_browser(result),
            seen.join(" | "),
        );
        if let Some(reason) = block_reason(result) {
            let _ = writeln!(report, "  reason:  {reason}");
        }
        for p in problems {
            failures.push(format!("{}: {p}", case.name));
        }
    }
    for s in &log {
        if !cases.iter().any(|c| s.case.as_deref() == Some(c.name)) {
            failures.push(format!("request outside any case reached the API: {s:?}"));
        }
    }
    let summary = format!(
        "browser suite: {} cases, {} check(s) failed; browser launch {} ms, cases {} ms, total {:.1} s",
        cases.len(),
        failures.len(),
        outcome["launchMs"],
        outcome["runMs"],
        started.elapsed().as_secs_f64(),
    );
    assert!(failures.is_empty(), "{summary}\n{}\n\n{report}", failures.join("\n"));
    println!("{report}{summary}");
}

/// Finds the driver's folder, or says why the suite cannot run. `None` means skip.
fn prerequisites() -> Option<PathBuf> {
    if cfg!(not(debug_assertions)) {
        // `dev_origins` are compiled out of release builds, so every loopback page would be
        // refused. Not a missing tool: skip even when the suite is required.
        skip("release build: dev_origins are not compiled in, and the page origin needs them");
        return None;
    }
    let required = env::var(REQUIRED_VAR).is_ok_and(|v| v == "1");
    let node_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("browser");
    let missing = if !Path::new(CHROMIUM).exists() {
        format!("{CHROMIUM} not found (apt-get install chromium)")
    } else if !node_dir.join("node_modules/playwright-core").is_dir() {
        format!(
            "{} not found (run `npm ci` in {})",
            node_dir.join("node_modules/playwright-core").display(),
            node_dir.display()
        )
    } else if !Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
    {
        "`node` is not on PATH".to_owned()
    } else {
        return Some(node_dir);
    };
    if required {
        panic!("{REQUIRED_VAR}=1 but the browser suite cannot run: {missing}");
    }
    skip(&format!("{missing}; set {REQUIRED_VAR}=1 to make this a failure"));
    None
}

/// Writes past the test harness's output capture, so a skip is visible in `cargo test`.
fn skip(why: &str) {
    let _ = writeln!(io::stderr(), "browser_conformance: SKIPPED: {why}");
}

// ---------------------------------------------------------------------------------------------
// Servers: the API (with its request log) and the page, in one background actix system.
// ---------------------------------------------------------------------------------------------

/// One request as the API saw it, recorded by middleware around the whole app.
#[derive(Clone, Debug)]
struct Seen {
    method: String,
    /// The `case` query parameter, which ties a request to the case that sent it.
    case: Option<String>,
    origin: Option<String>,
    /// The request's `Upgrade` and `Sec-Fetch-Site`.
    upgrade: Option<String>,
    sfs: Option<String>,
    acrm: Option<String>,
    acrh: Option<String>,
    status: u16,
    acao: Option<String>,
    acac: Option<String>,
    /// The response's `Upgrade`: present only when the connection switched protocols.
    upgraded: Option<String>,
    /// Whether a handler that reports itself ran.
    ran: bool,
}

type Log = Arc<Mutex<Vec<Seen>>>;

struct Servers {
    ports: Ports,
    log: Log,
    handles: Vec<ServerHandle>,
    stopped: mpsc::Receiver<()>,
}

impl Servers {
    /// Starts both servers, with the tenant store's database in `dir`.
    fn start(dir: &Path) -> Servers {
        let db = dir.join("tenants.db");
        let tls = tls_config();
        let log = Log::default();
        let (ready_tx, ready_rx) = mpsc::channel();
        let (stopped_tx, stopped) = mpsc::channel();
        let thread_log = log.clone();
        let failed_tx = ready_tx.clone();
        thread::spawn(move || {
            let result = actix_web::rt::System::new().block_on(async move {
                let store = SqliteStore::open(&db).await.map_err(io::Error::other)?;
                let origins =
                    StoreOrigins::builder("tenants", store, tenant_of).credentials(TENANTS.credentials()).build();
                let stores = TenantStores::new().with(origins.clone());
                let api = HttpServer::new(move || {
                    let log = thread_log.clone();
                    App::new()
                        .app_data(stores.clone())
                        .wrap_fn(move |req, srv| {
                            let h = req.headers();
                            let mut seen = Seen {
                                method: req.method().to_string(),
                                case: query_param(req.query_string(), "case"),
                                origin: header(h, "origin"),
                                upgrade: header(h, "upgrade"),
                                sfs: header(h, "sec-fetch-site"),
                                acrm: header(h, "access-control-request-method"),
                                acrh: header(h, "access-control-request-headers"),
                                status: 0,
                                acao: None,
                                acac: None,
                                upgraded: None,
                                ran: false,
                            };
                            // The same-origin page and the favicon Chromium asks for after a
                            // navigation to the API belong to no case.
                            let record = !matches!(req.path(), SAME_ORIGIN_PAGE | "/favicon.ico");
                            let ran = Arc::new(AtomicBool::new(false));
                            req.extensions_mut().insert(HandlerRan(ran.clone()));
                            let log = log.clone();
                            let fut = srv.call(req);
                            async move {
                                let res: Result<ServiceResponse, _> = fut.await;
                                let (status, h) = match &res {
                                    Ok(r) => (r.status(), r.headers().clone()),
                                    Err(e) => {
                                        let r = e.error_response();
                                        (r.status(), r.headers().clone())
                                    }
                                };
                                seen.status = status.as_u16();
                                seen.acao = header(&h, "access-control-allow-origin");
                                seen.acac = header(&h, "access-control-allow-credentials");
                                seen.upgraded = header(&h, "upgrade");
                                seen.ran = ran.load(Ordering::SeqCst);
                                if record {
                                    log.lock().unwrap().push(seen);
                                }
                                res
                            }
                        })
                        .configure(api_services)
                        .route(SAME_ORIGIN_PAGE, web::get().to(blank_page))
                        .route("/favicon.ico", web::get().to(no_favicon))
                })
                .workers(1)
                .disable_signals()
                .shutdown_timeout(1)
                .bind(("127.0.0.1", 0))?
                .bind_rustls_0_23(("127.0.0.1", 0), tls.clone())?;
                let page = HttpServer::new(|| {
                    App::new().route("/", web::get().to(blank_page)).route("/favicon.ico", web::get().to(no_favicon))
                })
                .workers(1)
                .disable_signals()
                .shutdown_timeout(1)
                .bind(("127.0.0.1", 0))?
                .bind_rustls_0_23(("127.0.0.1", 0), tls)?;
                // Each server's addresses, in the order bound: plain, then TLS.
                let (api_addrs, page_addrs) = (api.addrs(), page.addrs());
                let ports = Ports {
                    api: port_of(&api_addrs, 0),
                    page: port_of(&page_addrs, 0),
                    api_tls: port_of(&api_addrs, 1),
                    page_tls: port_of(&page_addrs, 1),
                };
                // Checked like any write to the store, and again when loaded.
                origins.add("acme", &PageHost::Acme.origin(ports)).await.map_err(io::Error::other)?;
                origins.add("globex", GLOBEX_ORIGIN).await.map_err(io::Error::other)?;
                let (api, page) = (api.run(), page.run());
                let _ = ready_tx.send(Ok((ports, vec![api.handle(), page.handle()])));
                let page = actix_web::rt::spawn(page);
                api.await?;
                page.await.map_err(io::Error::other)?
            });
            if let Err(e) = result {
                let _ = failed_tx.send(Err(e));
            }
            let _ = stopped_tx.send(());
        });
        let (ports, handles) = ready_rx
            .recv_timeout(Duration::from_secs(10))
            .expect("servers did not start within 10 s")
            .expect("servers failed to start");
        Servers { ports, log, handles, stopped }
    }
}

impl Drop for Servers {
    fn drop(&mut self) {
        for h in &self.handles {
            // The stop command is sent when `stop` is called; the returned future only
            // waits for completion, which the timeout below covers instead.
            drop(h.stop(false));
        }
        if self.stopped.recv_timeout(Duration::from_secs(5)).is_err() {
            let _ = writeln!(io::stderr(), "browser_conformance: servers did not stop in 5 s");
        }
    }
}

async fn blank_page() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body("<!doctype html><meta charset=utf-8><title>page</title>")
}

/// Answered so that its 404 does not show among a case's console lines.
async fn no_favicon() -> HttpResponse {
    HttpResponse::NoContent().finish()
}

fn port_of(addrs: &[SocketAddr], i: usize) -> u16 {
    addrs.get(i).expect("bound address").port()
}

/// The TLS listeners' settings: a self-signed certificate for [`ACME_HOST`] and 127.0.0.1,
/// made for this run (Chromium is told to accept it).
fn tls_config() -> rustls::ServerConfig {
    let rcgen::CertifiedKey { cert, signing_key } =
        rcgen::generate_simple_self_signed([ACME_HOST.to_owned(), "127.0.0.1".to_owned()]).expect("a certificate");
    let key = rustls::pki_types::PrivatePkcs8KeyDer::from(signing_key.serialize_der());
    rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![cert.der().clone()], key.into())
        .expect("a TLS configuration")
}

fn header(h: &HeaderMap, name: &str) -> Option<String> {
    h.get(name).map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
}

fn query_param(query: &str, key: &str) -> Option<String> {
    query.split('&').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == key).map(|(_, v)| v.to_owned())
}

/// The log lines of one case, in the notation of [`Case::server`]. A request from any other
/// origin than the case's page is shown with its origin, so it cannot pass unnoticed.
fn server_lines(log: &[Seen], case: &str, origin: &str) -> Vec<String> {
    log.iter()
        .filter(|s| s.case.as_deref() == Some(case))
        .map(|s| {
            let mut line = s.method.clone();
            if s.origin.as_deref() != Some(origin) {
                let _ = write!(line, " origin={:?}", s.origin);
            }
            if let Some(u) = &s.upgrade {
                let _ = write!(line, " upgrade={u}");
            }
            let checked = !matches!(s.method.as_str(), "GET" | "HEAD" | "OPTIONS") || s.upgrade.is_some();
            if let Some(site) = s.sfs.as_ref().filter(|_| checked) {
                let _ = write!(line, " sfs={site}");
            }
            if let Some(m) = &s.acrm {
                let _ = write!(line, " acrm={m}");
            }
            if let Some(h) = &s.acrh {
                let _ = write!(line, " acrh={h}");
            }
            let _ = write!(line, " -> {}", s.status);
            match &s.acao {
                Some(v) if v == origin => line.push_str(" +acao"),
                Some(v) => {
                    let _ = write!(line, " acao={v:?}");
                }
                None => {}
            }
            match s.acac.as_deref() {
                Some("true") => line.push_str(" +acac"),
                Some(v) => {
                    let _ = write!(line, " acac={v:?}");
                }
                None => {}
            }
            match s.upgraded.as_deref() {
                Some("websocket") if s.status == 101 => line.push_str(" +upgrade"),
                Some(v) => {
                    let _ = write!(line, " upgraded={v:?}");
                }
                None => {}
            }
            if s.ran {
                line.push_str(" +ran");
            }
            line
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The driver: a node child process, stopped by PID when the test ends.
// ---------------------------------------------------------------------------------------------

struct DriverInput {
    ports: Ports,
    json: String,
}

fn driver_input(cases: &[Case], servers: &Servers, chromium: &Path) -> DriverInput {
    let cases: Vec<Value> = cases
        .iter()
        .map(|c| {
            let api = c.page.api(servers.ports);
            let steps: Vec<Value> = c.steps.iter().map(|s| step_json(s, &step_url(&api, s, c.name))).collect();
            json!({
                "name": c.name,
                "page": c.page.url(servers.ports),
                "concurrent": c.concurrent,
                "steps": steps,
            })
        })
        .collect();
    let json = json!({
        "chromium": chromium,
        "launchTimeoutMs": LAUNCH_TIMEOUT.as_millis() as u64,
        "stepTimeoutMs": STEP_TIMEOUT.as_millis() as u64,
        "overallTimeoutMs": DRIVER_TIMEOUT.as_millis() as u64,
        "cases": cases,
    })
    .to_string();
    DriverInput { ports: servers.ports, json }
}

/// A launcher for [`CHROMIUM`] that resolves [`ACME_HOST`] to 127.0.0.1 and accepts the
/// self-signed certificate of the TLS listeners, written in `dir`; the driver starts it as its
/// browser. Both flags concern only `https` pages and that one name: the other cases' pages
/// are plain `http` on loopback names.
fn chromium(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt as _;
    let path = dir.join("chromium");
    let script = format!(
        "#!/bin/sh\nexec {CHROMIUM} '--host-resolver-rules=MAP {ACME_HOST} 127.0.0.1' --ignore-certificate-errors \"$@\"\n"
    );
    std::fs::write(&path, script).expect("write the Chromium launcher");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("make the launcher executable");
    path
}

/// One step in the driver's protocol (tests/browser/README.md).
fn step_json(s: &Step, url: &str) -> Value {
    match s.kind {
        Kind::Fetch { no_cors } => {
            let headers: serde_json::Map<String, Value> =
                s.headers.iter().map(|(k, v)| ((*k).to_owned(), json!(v))).collect();
            let read: Vec<&str> = match &s.expect {
                Saw::Allowed { headers, .. } => headers.iter().map(|(n, _)| *n).collect(),
                _ => Vec::new(),
            };
            json!({
                "kind": "fetch",
                "url": url,
                "method": s.method,
                "mode": if no_cors { "no-cors" } else { "cors" },
                "headers": headers,
                "body": s.body,
                "credentials": if s.credentials { Some("include") } else { None },
                "read": read,
                "pauseMs": s.pause_ms,
            })
        }
        Kind::Form => {
            let fields: serde_json::Map<String, Value> =
                s.fields.iter().map(|(k, v)| ((*k).to_owned(), json!(v))).collect();
            json!({ "kind": "form", "url": url, "method": s.method, "fields": fields, "pauseMs": s.pause_ms })
        }
        Kind::WebSocket => json!({ "kind": "websocket", "url": url, "send": s.body, "pauseMs": s.pause_ms }),
    }
}

/// Every request names its case, to split the server log and to keep preflight-cache entries
/// apart.
fn step_url(api: &str, step: &Step, case: &str) -> String {
    let base = match step.kind {
        Kind::WebSocket => api.replacen("http://", "ws://", 1),
        _ => api.to_owned(),
    };
    format!("{base}{}?case={case}", step.path)
}

/// Owns the node process: on drop it is asked to stop (SIGTERM, so it closes Chromium), then
/// killed if it is still there.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        if matches!(self.0.try_wait(), Ok(None)) {
            let _ = Command::new("kill").args(["-TERM", &self.0.id().to_string()]).status();
            if wait_timeout(&mut self.0, Duration::from_secs(8)).is_none() {
                let _ = self.0.kill();
                let _ = self.0.wait();
            }
        }
    }
}

fn wait_timeout(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + limit;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        if Instant::now() >= deadline {
            return None;
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// Runs the driver on `input` and returns its stdout; panics with its stderr on any failure.
fn run_driver(node_dir: &Path, input: &DriverInput) -> String {
    let mut driver = Driver(
        Command::new("node")
            .arg("driver.mjs")
            .current_dir(node_dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start node"),
    );
    let mut stdin = driver.0.stdin.take().expect("driver stdin");
    stdin.write_all(input.json.as_bytes()).expect("write cases to the driver");
    drop(stdin);
    let stdout = read_all_in_background(driver.0.stdout.take().expect("driver stdout"));
    let stderr = read_all_in_background(driver.0.stderr.take().expect("driver stderr"));

    let out = stdout.recv_timeout(DRIVER_KILL_AFTER);
    let status = match out {
        Ok(_) => wait_timeout(&mut driver.0, Duration::from_secs(10)),
        Err(_) => None,
    };
    drop(driver);
    let err = stderr.recv_timeout(Duration::from_secs(2)).unwrap_or_default();
    match (out, status) {
        (Ok(out), Some(status)) if status.success() => out,
        (Ok(out), status) => {
            panic!("driver failed ({status:?}):\n--- stderr\n{err}\n--- stdout\n{out}")
        }
        (Err(_), _) => {
            panic!("driver gave no answer within {} s and was stopped:\n--- stderr\n{err}", DRIVER_KILL_AFTER.as_secs())
        }
    }
}

fn read_all_in_background(mut r: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut s = String::new();
        let _ = r.read_to_string(&mut s);
        let _ = tx.send(s);
    });
    rx
}

// ---------------------------------------------------------------------------------------------
// Checks.
// ---------------------------------------------------------------------------------------------

/// Compares one case's browser result and server log with the expectations; returns the
/// differences.
fn check_case(case: &Case, result: &Value, seen: &[String], api: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if result["name"] != case.name {
        problems.push(format!("driver answered for {}", result["name"]));
        return problems;
    }
    let steps = result["steps"].as_array().cloned().unwrap_or_default();
    if steps.len() != case.steps.len() {
        problems.push(format!("{} step results for {} steps", steps.len(), case.steps.len()));
    }
    let console = result["console"]
        .as_array()
        .map(|lines| lines.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n"))
        .unwrap_or_default();
    for (i, (step, got)) in case.steps.iter().zip(&steps).enumerate() {
        let kind = match step.kind {
            Kind::Fetch { no_cors: false } => "fetch",
            Kind::Fetch { no_cors: true } => "no-cors fetch",
            Kind::Form => "form",
            Kind::WebSocket => "websocket",
        };
        let at = format!("step {} ({kind} {} {})", i + 1, step.method, step.path);
        let allowed = got["allowed"].as_bool();
        match &step.expect {
            Saw::Allowed { status, headers, body } => {
                if allowed != Some(true) {
                    problems
                        .push(format!("{at}: expected the page to read the response, got {got}; console: {console}"));
                    continue;
                }
                if got["status"] != *status {
                    problems.push(format!("{at}: status {} instead of {status}", got["status"]));
                }
                for (name, want) in headers {
                    let have = got["headers"][name].as_str();
                    if have != *want {
                        problems.push(format!("{at}: header {name} read as {have:?}, expected {want:?}"));
                    }
                }
                if let Some(part) = body {
                    let have = got["body"].as_str().unwrap_or_default();
                    if !have.contains(part) {
                        problems.push(format!("{at}: body {have:?} lacks {part:?}"));
                    }
                }
            }
            Saw::Blocked { reason } => {
                if allowed != Some(false) {
                    problems.push(format!("{at}: expected a CORS block, page read {got}"));
                    continue;
                }
                let error = got["error"].as_str().unwrap_or_default();
                if !error.contains("Failed to fetch") {
                    problems.push(format!("{at}: rejected with {error:?}, not a network error"));
                }
                let url = step_url(api, step, case.name);
                let explained = console.lines().any(|l| l.contains(&url) && l.contains(reason));
                if !explained {
                    problems.push(format!("{at}: console does not give the reason {reason:?}: {console:?}"));
                }
            }
            Saw::Opaque => {
                if allowed != Some(true) || got["type"] != "opaque" || got["status"] != 0 {
                    problems.push(format!("{at}: expected an opaque response (status 0), got {got}"));
                }
            }
            Saw::Landed { status, body } => {
                if got["navigated"] != true {
                    problems.push(format!("{at}: expected the form to navigate, got {got}"));
                    continue;
                }
                if got["status"] != *status {
                    problems.push(format!("{at}: the tab landed on status {} instead of {status}", got["status"]));
                }
                let have = got["body"].as_str().unwrap_or_default();
                match body {
                    Some(part) if !have.contains(part) => {
                        problems.push(format!("{at}: landing page {have:?} lacks {part:?}"));
                    }
                    // Nothing of the server's in the tab: a refusal's body is empty, and the
                    // driver reports none when Chromium shows its error page instead.
                    None if !have.is_empty() => problems.push(format!("{at}: landing page has a body: {have:?}")),
                    _ => {}
                }
            }
            Saw::Echoed => {
                if got["opened"] != true || got["echoed"].as_str() != step.body {
                    problems.push(format!("{at}: expected the socket to open and echo {:?}, got {got}", step.body));
                }
            }
            Saw::SocketFailed { reason } => {
                if got["opened"] != false || got["closeCode"] != 1006 {
                    problems.push(format!("{at}: expected the handshake to fail (close code 1006), got {got}"));
                    continue;
                }
                let url = step_url(api, step, case.name);
                let explained = console.lines().any(|l| l.contains(&url) && l.contains(reason));
                if !explained {
                    problems.push(format!("{at}: console does not give the reason {reason:?}: {console:?}"));
                }
            }
        }
    }
    // Chromium also logs every 4xx/5xx it loads; only CORS and WebSocket complaints matter.
    let complains = console.contains("CORS policy") || console.contains("WebSocket connection");
    if !case.steps.iter().any(Step::expects_failure) && complains {
        problems.push(format!("CORS or WebSocket complaint on a case with no failure: {console:?}"));
    }
    let matches = seen.len() == case.server.len() && seen.iter().zip(&case.server).all(|(s, e)| s == e);
    if !matches {
        problems.push(format!("server saw [{}], expected [{}]", seen.join(" | "), case.server.join(" | ")));
    }
    problems
}

/// Chromium's explanation of the first block or failed handshake in a case, without the URL
/// and origin.
fn block_reason(result: &Value) -> Option<&str> {
    result["console"].as_array()?.iter().filter_map(Value::as_str).find_map(|line| {
        let mark = if line.starts_with("WebSocket connection") { "failed: " } else { "blocked by CORS policy: " };
        line.split_once(mark).map(|(_, reason)| reason)
    })
}

/// One line per case for the report: what the page observed, step by step.
fn describe_browser(result: &Value) -> String {
    let steps = result["steps"].as_array().cloned().unwrap_or_default();
    steps
        .iter()
        .map(|s| match s["kind"].as_str() {
            Some("form") if s["navigated"] == true => match s["error"].as_str() {
                Some(e) => format!("form landed on {}, not loaded ({e})", s["status"]),
                None => format!("form landed on {}", s["status"]),
            },
            Some("form") => format!("form did not navigate ({})", s["error"].as_str().unwrap_or("?")),
            Some("websocket") if s["opened"] == true => format!("socket opened, echo {}", s["echoed"]),
            Some("websocket") => format!("socket failed (close code {})", s["closeCode"]),
            _ if s["allowed"] == true && s["type"] == "opaque" => "opaque response".to_owned(),
            _ if s["allowed"] == true => {
                let headers: Vec<String> = s["headers"]
                    .as_object()
                    .map(|m| m.iter().map(|(k, v)| format!("{k}={v}")).collect())
                    .unwrap_or_default();
                if headers.is_empty() {
                    format!("allowed {}", s["status"])
                } else {
                    format!("allowed {} [{}]", s["status"], headers.join(", "))
                }
            }
            _ => format!("blocked ({})", s["error"].as_str().unwrap_or("?")),
        })
        .collect::<Vec<_>>()
        .join("; ")
}
