//! Properties over random policies and random requests, through real actix-web services.
//!
//! Each case draws a policy (valid or not), builds it with `Policy::builder`, serves it with
//! `Cors::new` in front of a handler that sets hostile CORS headers of its own, and sends a
//! batch of random requests. Every answer is compared with the naive reference model in
//! `cors_test_support::reference`:
//!
//! - `Access-Control-Allow-Origin` only when the reference allows the origin, and then it is
//!   the request's own origin byte for byte, or `*` for the any-origin policy;
//! - never `*` together with `Access-Control-Allow-Credentials`;
//! - `Vary` lines are kept, and `Origin` is added exactly once when needed;
//! - a `204` preflight only when the origin, the method (the listed ones, else `GET`, `HEAD`
//!   and `POST`) and every requested header are allowed;
//! - a cross-origin write or WebSocket handshake from an origin the policy does not list is
//!   refused with a bare `403` before the handler runs, and every other request runs it
//!   (POLICY §4);
//! - what `validate()` accepts builds and serves each of its origins; what it rejects never
//!   builds.

use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::Service;
use actix_web::http::Method;
use actix_web::http::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_HEADERS,
    ACCESS_CONTROL_REQUEST_METHOD, HOST, HeaderMap, HeaderName, HeaderValue, ORIGIN, UPGRADE, VARY,
};
use actix_web::rt::System;
use actix_web::test::{TestRequest, init_service};
use actix_web::{App, HttpResponse, web};
use cors_policy::{DevOrigins, PolicySpec, ValidPolicy, compile, validate};
use cors_runtime::__private::engine;
use cors_runtime::Cors;
use cors_test_support::builder::build;
use cors_test_support::reference::{self, Acao};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

const CASES: u32 = 256;

// ---------------------------------------------------------------------------------------------
// Random policies: mostly plausible entries, with enough mistakes to be rejected often.
// ---------------------------------------------------------------------------------------------

fn origin_entry() -> impl Strategy<Value = String> {
    let label = select(vec!["a", "api", "app", "example", "com", "org", "io", "github", "xn--bcher-kva", "b-c", "x_y"]);
    let host = (prop::bool::weighted(0.3), prop::collection::vec(label, 1..=3)).prop_map(|(wild, labels)| {
        let h = labels.join(".");
        if wild { format!("*.{h}") } else { h }
    });
    let scheme = prop_oneof![6 => Just("https"), 2 => Just("http"), 1 => Just("tauri")];
    let port = prop_oneof![
        12 => Just(""),
        4 => Just(":8443"),
        2 => Just(":3000"),
        1 => Just(":443"),
        1 => Just(":*"),
        1 => Just(":0"),
    ];
    let built = (scheme, host, port).prop_map(|(s, h, p)| format!("{s}://{h}{p}"));
    let odd = select(vec![
        "null",
        "https://example.com/",
        "https://Example.com",
        "https://example.com.",
        "http://localhost:3000",
        "https://localhost:8443",
        "http://tauri.localhost",
        "https://127.0.0.1:8443",
        "https://*.github.io",
        "https://*.com",
        "https://*.internal",
        "https://192.0.2.1:8443",
        "https://[2001:db8::1]",
        "https://exa mple.com",
        "wss://example.com",
    ])
    .prop_map(String::from);
    prop_oneof![15 => built, 1 => odd]
}

fn dev_entry() -> impl Strategy<Value = String> {
    let host = prop_oneof![
        12 => select(vec!["localhost", "localhost", "*.localhost", "127.0.0.1", "[::1]", "app.localhost"]),
        // The developer's own network (POLICY §2).
        4 => select(vec!["192.168.1.20", "10.0.0.5", "[fd00::5]", "my-laptop.local", "*.local"]),
        1 => select(vec!["example.com", "8.8.8.8"]),
    ];
    let port = select(vec!["", ":3000", ":*", ":*"]);
    (select(vec!["http", "http", "https"]), host, port).prop_map(|(s, h, p)| format!("{s}://{h}{p}"))
}

/// Distinct picks from `valid`, and now and then one from `invalid` on top.
fn list(
    valid: Vec<&'static str>,
    invalid: Vec<&'static str>,
    size: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = Vec<String>> {
    (prop::sample::subsequence(valid, size), prop::option::weighted(0.1, select(invalid))).prop_map(|(mut v, bad)| {
        v.extend(bad);
        v.into_iter().map(String::from).collect()
    })
}

/// Whether an entry of `origins` has a loopback host over `http(s)`, which needs
/// `dangerously_allow_loopback_origins` (POLICY §2).
fn loopback_entry(entry: &str) -> bool {
    let Some(rest) = entry.strip_prefix("http://").or_else(|| entry.strip_prefix("https://")) else { return false };
    let rest = rest.strip_prefix("*.").unwrap_or(rest);
    let host = match rest.find(']') {
        Some(end) if rest.starts_with('[') => &rest[..=end],
        _ => rest.split(':').next().unwrap_or(rest),
    };
    host == "localhost" || host.ends_with(".localhost") || host.starts_with("127.") || host == "[::1]"
}

/// Whether a credentialed `*.` entry admits a public suffix, roughly: its base is one label
/// (a top-level domain, listed or not) or a well-known suffix. Only steers the generator
/// towards valid policies; `validate` and the builder are compared whatever it says.
fn public_suffix_entry(entry: &str) -> bool {
    let Some((_, base)) = entry.split_once("://*.") else { return false };
    let base = base.split(':').next().unwrap_or(base);
    !base.contains('.') || ["github.io", "com.org", "org.io"].contains(&base)
}

/// A policy as written. `origins` is `None` now and then, to test the "required" rule, and
/// `methods` too (a run-time policy then answers `GET`, `HEAD` and `POST`: POLICY §5). The
/// escape hatches are mostly set when an entry needs them, since an unneeded one is an error.
fn spec() -> impl Strategy<Value = PolicySpec> {
    let origins = prop_oneof![
        1 => Just(None),
        2 => Just(Some(vec!["*".to_string()])),
        20 => prop::collection::vec(origin_entry(), 1..=3).prop_map(Some),
    ];
    // A negative max age cannot be written through the builder, which takes a `Duration`.
    let max_age = prop_oneof![
        4 => Just(None),
        12 => select(vec![0i64, 600, 86_400]).prop_map(Some),
        1 => select(vec![86_401i64, 1 << 40]).prop_map(Some),
    ];
    let methods = prop_oneof![
        1 => Just(None),
        4 => list(vec!["GET", "PUT", "PATCH", "DELETE", "PURGE", "post"], vec!["patch", "TRACE", "*", "GE T", "GET"], 1..=3)
            .prop_map(Some),
    ];
    (
        origins,
        prop::collection::vec(dev_entry(), 0..=2),
        methods,
        list(
            vec!["content-type", "x-request-id", "authorization", "X-Custom"],
            vec!["cookie", "sec-fetch-mode", "access-control-allow-origin", "", "Content-Type"],
            0..=3,
        ),
        list(vec!["x-total-count", "x-request-id"], vec!["set-cookie", "content-type", "X-Total-Count"], 0..=2),
        (prop::bool::weighted(0.4), max_age, prop::bool::weighted(0.9), prop::bool::weighted(0.05)),
        (prop::bool::weighted(0.3), prop::bool::weighted(0.3), prop::bool::weighted(0.15)),
    )
        .prop_map(
            |(
                origins,
                dev,
                methods,
                mut headers,
                mut expose,
                (credentials, max_age, hatch, stray),
                (star_headers, star_expose, writes),
            )| {
                // `"*"` lists, mostly where they are allowed (without credentials).
                if star_headers && (!credentials || stray) {
                    headers.push("*".into());
                }
                if star_expose && (!credentials || stray) {
                    expose.push("*".into());
                }
                let has = |f: &dyn Fn(&str) -> bool| origins.iter().flatten().any(|o| f(o));
                let loopback = has(&loopback_entry);
                // The loopback hatch covers the `http` of a loopback origin too.
                let http = has(&|o| o.starts_with("http://") && !loopback_entry(o));
                let psl = credentials && has(&public_suffix_entry);
                let any = has(&|o| o == "*");
                PolicySpec {
                    origins,
                    origins_from_store: None,
                    dev_origins: dev,
                    methods,
                    route_methods: None,
                    headers,
                    expose,
                    credentials,
                    max_age,
                    allow_insecure_origins: if http { hatch } else { stray },
                    allow_public_suffix_wildcards: if psl { hatch } else { stray },
                    allow_loopback_origins: if loopback { hatch } else { stray },
                    // An error with `"*"`, which has nothing to check.
                    accept_cross_origin_writes: writes && (!any || stray),
                }
            },
        )
}

/// The origin entries a build serves: `dev_origins` only with debug assertions.
fn entries(spec: &PolicySpec) -> Vec<&str> {
    let mut e: Vec<&str> = spec.origins.iter().flatten().map(String::as_str).collect();
    if cfg!(debug_assertions) {
        e.extend(spec.dev_origins.iter().map(String::as_str));
    }
    e
}

/// An origin that `entry` admits: `*.` becomes `a.`, `:*` becomes `:5173`.
fn sample(entry: &str) -> Option<String> {
    (entry != "*").then(|| {
        let s = entry.replacen("://*.", "://a.", 1);
        match s.strip_suffix(":*") {
            Some(base) => format!("{base}:5173"),
            None => s,
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Random requests, resolved against the policy's own entries so that many are allowed.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum OriginPick {
    Absent,
    /// An origin admitted by entry `i` (modulo the number of entries).
    Own(usize),
    /// That origin with one byte inserted, removed or upper-cased at position `at`.
    Edited(usize, u8, usize, char),
    Raw(&'static str),
    /// Two `Origin` lines.
    Twice(usize, &'static str),
}

/// A requested method: one of the policy's (by index), or a fixed one.
#[derive(Clone, Debug)]
enum MethodPick {
    Policy(usize),
    Raw(&'static str),
}

/// One `Access-Control-Request-Headers` element: one of the policy's names (by index, with
/// its case and whitespace changed), or a fixed one.
#[derive(Clone, Debug)]
enum NamePick {
    Policy(usize, bool, &'static str),
    Raw(&'static str),
}

/// The request's own host, which POLICY §4 compares with `Origin`.
#[derive(Clone, Debug)]
enum HostPick {
    Absent,
    /// The `host[:port]` of the request's (first) origin: a same-origin request.
    OfOrigin,
    Raw(&'static str),
    /// Two `Host` lines, both the origin's.
    Twice,
}

#[derive(Clone, Debug)]
struct Req {
    method: &'static str,
    origin: OriginPick,
    acrm: Vec<MethodPick>,
    acrh: Vec<Vec<NamePick>>,
    site: Vec<&'static str>,
    host: HostPick,
    upgrade: Option<&'static str>,
}

/// A request as sent, once the picks are resolved against the policy.
#[derive(Debug)]
struct Sent {
    method: &'static str,
    origins: Vec<String>,
    acrm: Vec<String>,
    acrh: Vec<String>,
    site: Vec<&'static str>,
    host: Vec<String>,
    upgrade: Vec<&'static str>,
}

fn request() -> impl Strategy<Value = Req> {
    let raw = select(vec![
        "null",
        "https://evil.com",
        "https://example.com",
        "http://localhost:3000",
        "https://a.example.org",
    ]);
    let edit = select(vec!['a', '.', '-', ':', '/', '*', 'A', '1', '_', '@']);
    let origin = prop_oneof![
        1 => Just(OriginPick::Absent),
        5 => any::<usize>().prop_map(OriginPick::Own),
        4 => (any::<usize>(), 0u8..3, any::<usize>(), edit).prop_map(|(i, op, at, c)| OriginPick::Edited(i, op, at, c)),
        2 => raw.clone().prop_map(OriginPick::Raw),
        1 => (any::<usize>(), raw).prop_map(|(i, r)| OriginPick::Twice(i, r)),
    ];
    let method =
        select(vec!["OPTIONS", "OPTIONS", "OPTIONS", "GET", "GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "post"]);
    let one_method = prop_oneof![
        3 => any::<usize>().prop_map(MethodPick::Policy),
        1 => select(vec!["GET", "HEAD", "POST", "PUT", "PATCH", "PURGE", "put", "", "CONNECT"]).prop_map(MethodPick::Raw),
    ];
    let acrm = prop_oneof![1 => Just(vec![]), 6 => one_method.clone().prop_map(|m| vec![m]), 1 => prop::collection::vec(one_method, 2)];
    let name = prop_oneof![
        6 => (any::<usize>(), any::<bool>(), select(vec!["", "", "", " ", "\t", "  "])).prop_map(|(i, up, ows)| NamePick::Policy(i, up, ows)),
        1 => select(vec!["x-evil", "authorization", "", "   x-custom", "bad;name", "*", "content-type"]).prop_map(NamePick::Raw),
    ];
    let acrh = prop::collection::vec(prop::collection::vec(name, 0..=3), 0..=2);
    let one_site = select(vec!["same-origin", "same-site", "cross-site", "cross-site", "none", "SAME-ORIGIN"]);
    let site = prop_oneof![3 => Just(vec![]), 4 => one_site.clone().prop_map(|s| vec![s]), 1 => prop::collection::vec(one_site, 2)];
    let host = prop_oneof![
        3 => Just(HostPick::Absent),
        3 => Just(HostPick::OfOrigin),
        1 => select(vec!["evil.com", "example.com", "api.example.com:8443"]).prop_map(HostPick::Raw),
        1 => Just(HostPick::Twice),
    ];
    let upgrade = prop::option::weighted(0.25, select(vec!["websocket", "WebSocket", "h2c", "h2c, websocket"]));
    (method, origin, acrm, acrh, site, host, upgrade).prop_map(|(method, origin, acrm, acrh, site, host, upgrade)| {
        Req { method, origin, acrm, acrh, site, host, upgrade }
    })
}

impl Req {
    fn resolve(&self, entries: &[&str], valid: &ValidPolicy) -> Sent {
        let methods: Vec<&str> = match &valid.methods {
            Some(m) => m.iter().map(String::as_str).collect(),
            None => reference::DEFAULT_METHODS.to_vec(),
        };
        let acrm = self
            .acrm
            .iter()
            .map(|m| match m {
                MethodPick::Policy(i) => methods[i % methods.len()].to_owned(),
                MethodPick::Raw(r) => r.to_string(),
            })
            .collect();
        let names = &valid.headers.names;
        let element = |n: &NamePick| match n {
            NamePick::Policy(i, up, ows) if !names.is_empty() => {
                let name = &names[i % names.len()];
                let name = if *up { name.to_ascii_uppercase() } else { name.clone() };
                format!("{ows}{name}{ows}")
            }
            NamePick::Policy(..) => "x-unlisted".into(),
            NamePick::Raw(r) => r.to_string(),
        };
        let acrh = self.acrh.iter().map(|line| line.iter().map(element).collect::<Vec<_>>().join(",")).collect();
        let origins = resolve(&self.origin, entries);
        let own_host = origins.first().and_then(|o| o.split_once("://")).map(|(_, h)| h.to_owned());
        let host = match &self.host {
            HostPick::Absent => vec![],
            HostPick::OfOrigin => own_host.into_iter().collect(),
            HostPick::Raw(h) => vec![h.to_string()],
            HostPick::Twice => own_host.map(|h| vec![h.clone(), h]).unwrap_or_default(),
        };
        // POLICY §4 defines a WebSocket handshake as a `GET` with `Upgrade: websocket`, so
        // `Upgrade` goes on `GET` requests only. (On `HEAD` and `OPTIONS` the contract checks
        // nothing, while the runtime refuses them like handshakes: stricter, and left out.)
        let upgrade = self.upgrade.filter(|_| self.method == "GET").into_iter().collect();
        Sent { method: self.method, origins, acrm, acrh, site: self.site.clone(), host, upgrade }
    }
}

fn resolve(pick: &OriginPick, entries: &[&str]) -> Vec<String> {
    let samples: Vec<String> = entries.iter().filter_map(|e| sample(e)).collect();
    let own = |i: usize| (!samples.is_empty()).then(|| samples[i % samples.len()].clone());
    match pick {
        OriginPick::Absent => vec![],
        OriginPick::Own(i) => own(*i).into_iter().collect(),
        OriginPick::Edited(i, op, at, c) => own(*i)
            .map(|o| {
                let mut b = o.into_bytes();
                let at = at % (b.len() + 1);
                match op {
                    0 => b.insert(at, *c as u8),
                    1 if at < b.len() => drop(b.remove(at)),
                    _ if at < b.len() => b[at] = b[at].to_ascii_uppercase(),
                    _ => {}
                }
                String::from_utf8(b).expect("ASCII")
            })
            .into_iter()
            .collect(),
        OriginPick::Raw(r) => vec![r.to_string()],
        OriginPick::Twice(i, r) => own(*i).into_iter().chain([r.to_string()]).collect(),
    }
}

/// Hostile headers the handler sets on every response: CORS headers of its own and `Vary`.
#[derive(Clone, Debug)]
struct Hostile {
    acao: Option<&'static str>,
    acac: bool,
    aceh: bool,
    vary: Vec<&'static str>,
}

fn hostile() -> impl Strategy<Value = Hostile> {
    (
        prop::option::of(select(vec!["https://evil.com", "*", "null"])),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(select(vec!["Accept-Encoding", "Origin", "accept, origin", "*", "Cookie"]), 0..=2),
    )
        .prop_map(|(acao, acac, aceh, vary)| Hostile { acao, acac, aceh, vary })
}

impl Hostile {
    fn headers(&self) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(v) = self.acao {
            h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static(v));
        }
        if self.acac {
            h.insert(ACCESS_CONTROL_ALLOW_CREDENTIALS, HeaderValue::from_static("true"));
        }
        if self.aceh {
            h.insert(ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("x-secret"));
        }
        for v in &self.vary {
            h.append(VARY, HeaderValue::from_static(v));
        }
        h.insert(HeaderName::from_static("x-handler"), HeaderValue::from_static("ran"));
        h
    }
}

// ---------------------------------------------------------------------------------------------
// The checks.
// ---------------------------------------------------------------------------------------------

fn all<'a>(h: &'a HeaderMap, name: &HeaderName) -> Vec<&'a [u8]> {
    h.get_all(name).map(HeaderValue::as_bytes).collect()
}

/// The expected ACAO as header lines.
fn acao_lines(want: Acao<'_>) -> Vec<&[u8]> {
    match want {
        Acao::Star => vec![b"*"],
        Acao::Echo(o) => vec![o],
        Acao::Nothing => vec![],
    }
}

struct Checker<'a> {
    spec: &'a PolicySpec,
    valid: &'a ValidPolicy,
    entries: Vec<&'a str>,
    /// The policy's `Access-Control-Expose-Headers` and `Access-Control-Max-Age` values.
    expose: Option<String>,
    max_age: Option<String>,
}

impl Checker<'_> {
    fn any_origin(&self) -> bool {
        self.entries.contains(&"*")
    }

    /// Whether the reference refuses the request under POLICY §4.
    fn refused(&self, req: &Sent) -> bool {
        let lines = |name: &str| -> Vec<&[u8]> {
            match name {
                "origin" => req.origins.iter().map(String::as_bytes).collect(),
                "host" => req.host.iter().map(String::as_bytes).collect(),
                "sec-fetch-site" => req.site.iter().map(|s| s.as_bytes()).collect(),
                "upgrade" => req.upgrade.iter().map(|s| s.as_bytes()).collect(),
                _ => vec![],
            }
        };
        let allowed = self.acao(&req.origins) != Acao::Nothing;
        reference::expected_refusal(
            !self.any_origin(),
            self.spec.accept_cross_origin_writes,
            req.method.as_bytes(),
            lines,
            allowed,
        )
    }

    /// A request refused by POLICY §4: `403`, no body, no CORS header, `Vary: Origin`, and
    /// the handler never ran.
    fn refusal(&self, status: u16, h: &HeaderMap, body_len: usize) -> Vec<String> {
        let mut f = Vec::new();
        if status != 403 || body_len != 0 {
            f.push(format!("status {status} (body {body_len} bytes); the reference refuses the request: 403"));
        }
        if h.contains_key("x-handler") {
            f.push("the handler ran on a refused request".into());
        }
        if let Some(k) = h.keys().find(|k| k.as_str().starts_with("access-control-")) {
            f.push(format!("{k} on a refused request"));
        }
        if all(h, &VARY) != [b"Origin"] {
            f.push(format!("Vary {:?} on a refused request", all(h, &VARY)));
        }
        f
    }

    fn acao<'o>(&self, origins: &'o [String]) -> Acao<'o> {
        let lines: Vec<&[u8]> = origins.iter().map(String::as_bytes).collect();
        if lines.is_empty() && !self.any_origin() {
            return Acao::Nothing;
        }
        reference::expected_acao(&self.entries, &lines)
    }

    /// A preflight the policy answers itself.
    fn preflight(&self, req: &Sent, status: u16, h: &HeaderMap, body_len: usize) -> Vec<String> {
        let mut f = Vec::new();
        let want_acao = self.acao(&req.origins);
        let method_ok =
            matches!(&req.acrm[..], [m] if reference::method_answered(self.valid.methods.as_deref(), m.as_bytes()));
        let lines: Vec<&[u8]> = req.acrh.iter().map(String::as_bytes).collect();
        let names = reference::expected_acrh(&lines, |n| reference::header_allowed(&self.spec.headers, n));
        let ok = want_acao != Acao::Nothing && method_ok && names.is_some();
        if h.contains_key("x-handler") {
            f.push("the handler ran on a preflight the policy answers".into());
        }
        if status != if ok { 204 } else { 403 } || body_len != 0 {
            f.push(format!("status {status} (body {body_len} bytes); reference says {}", if ok { 204 } else { 403 }));
        }
        let vary = all(h, &VARY);
        let tokens: Vec<Vec<u8>> =
            reference::list_elements(vary.iter().copied()).iter().map(|t| t.to_ascii_lowercase()).collect();
        let mut sorted = tokens.clone();
        sorted.sort();
        if vary.len() != 1
            || sorted != [&b"access-control-request-headers"[..], b"access-control-request-method", b"origin"]
        {
            f.push(format!("preflight Vary {vary:?}"));
        }
        if !ok {
            if let Some(k) = h.keys().find(|k| k.as_str().starts_with("access-control-")) {
                f.push(format!("{k} on a refused preflight"));
            }
            return f;
        }
        let acao = all(h, &ACCESS_CONTROL_ALLOW_ORIGIN);
        if acao != acao_lines(want_acao) {
            f.push(format!("ACAO {acao:?}, reference {want_acao:?}"));
        }
        let acac = all(h, &ACCESS_CONTROL_ALLOW_CREDENTIALS);
        if acac != if self.valid.credentials { vec![&b"true"[..]] } else { vec![] } {
            f.push(format!("ACAC {acac:?}"));
        }
        if all(h, &ACCESS_CONTROL_ALLOW_METHODS) != [req.acrm[0].as_bytes()] {
            f.push(format!("ACAM {:?} for {:?}", all(h, &ACCESS_CONTROL_ALLOW_METHODS), req.acrm));
        }
        if all(h, &ACCESS_CONTROL_MAX_AGE) != self.max_age.iter().map(|s| s.as_bytes()).collect::<Vec<_>>() {
            f.push(format!("ACMA {:?}", all(h, &ACCESS_CONTROL_MAX_AGE)));
        }
        let names = names.unwrap_or_default();
        let acah = all(h, &ACCESS_CONTROL_ALLOW_HEADERS);
        let mut got: Vec<&[u8]> = acah.iter().flat_map(|v| v.split(|&b| b == b',')).collect();
        got.sort();
        let mut want: Vec<&[u8]> = names.iter().map(|n| n.as_bytes()).collect();
        want.sort();
        if acah.len() > 1 || got != want {
            f.push(format!("ACAH {acah:?}, requested names {names:?}"));
        }
        f
    }

    /// An actual (or non-CORS) response that the handler produced, decorated over its own
    /// headers.
    fn actual(&self, origins: &[String], status: u16, hostile: &HeaderMap, h: &HeaderMap) -> Vec<String> {
        let mut f = Vec::new();
        if status != 200 || h.get("x-handler").is_none_or(|v| v != "ran") {
            f.push(format!("status {status}: the reference lets the request through to the handler"));
        }
        let want = self.acao(origins);
        let acao = all(h, &ACCESS_CONTROL_ALLOW_ORIGIN);
        let acac = all(h, &ACCESS_CONTROL_ALLOW_CREDENTIALS);
        let aceh = all(h, &ACCESS_CONTROL_EXPOSE_HEADERS);
        if acao != acao_lines(want) {
            f.push(format!("ACAO {acao:?}, reference {want:?}"));
        }
        let allowed = want != Acao::Nothing;
        if acac != if allowed && self.valid.credentials { vec![&b"true"[..]] } else { vec![] } {
            f.push(format!("ACAC {acac:?}"));
        }
        let expose = self.expose.as_ref().filter(|_| allowed);
        if aceh != expose.iter().map(|s| s.as_bytes()).collect::<Vec<_>>() {
            f.push(format!("ACEH {aceh:?}, policy {expose:?}"));
        }
        if acao == [b"*"] && !acac.is_empty() {
            f.push("`*` with credentials".into());
        }
        let before = all(hostile, &VARY);
        let after = all(h, &VARY);
        let covered = reference::list_elements(before.iter().copied())
            .iter()
            .any(|t| t.eq_ignore_ascii_case(b"origin") || *t == b"*");
        let added = after.get(before.len()..).unwrap_or_default();
        let want_added: &[&[u8]] = if self.any_origin() || covered { &[] } else { &[b"Origin"] };
        if !after.starts_with(&before) || added != want_added {
            f.push(format!("Vary {before:?} -> {after:?}"));
        }
        f
    }
}

/// Every header line, for comparing whole maps.
fn pairs(h: &HeaderMap) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = h.iter().map(|(k, v)| (k.to_string(), v.as_bytes().to_vec())).collect();
    v.sort();
    v
}

fn to_request(req: &Sent) -> TestRequest {
    let mut t = TestRequest::default().method(Method::from_bytes(req.method.as_bytes()).expect("a method")).uri("/p");
    for o in &req.origins {
        t = t.append_header((ORIGIN, o.as_str()));
    }
    for m in &req.acrm {
        t = t.append_header((ACCESS_CONTROL_REQUEST_METHOD, m.as_str()));
    }
    for l in &req.acrh {
        t = t.append_header((ACCESS_CONTROL_REQUEST_HEADERS, l.as_str()));
    }
    for s in &req.site {
        t = t.append_header(("sec-fetch-site", *s));
    }
    for h in &req.host {
        t = t.append_header((HOST, h.as_str()));
    }
    for u in &req.upgrade {
        t = t.append_header((UPGRADE, *u));
    }
    t
}

#[derive(Default)]
struct Tally {
    valid: u32,
    invalid: u32,
    preflight_ok: u32,
    preflight_refused: u32,
    passed_on: u32,
    echoed: u32,
    denied: u32,
    /// Requests refused by POLICY §4.
    refused: u32,
    /// Requests POLICY §4 checks, let through (same origin, no browser, or a listed origin).
    written: u32,
}

/// Serves one random policy and sends it a batch of random requests.
async fn serve_case(spec: &PolicySpec, reqs: &[Req], hostile: &Hostile, tally: &mut Tally) -> Vec<String> {
    let mut f = Vec::new();
    let validated = validate(spec);
    let built = build(spec);
    let (valid, policy) = match (validated, built) {
        (Err(a), Err(b)) => {
            if a != b {
                f.push(format!("validate and the builder report different violations:\n{a}\n---\n{b}"));
            }
            tally.invalid += 1;
            return f;
        }
        (Ok(v), Ok(p)) => (v, p),
        (v, b) => return vec![format!("validate says {:?}, the builder {:?}", v.is_ok(), b.is_ok())],
    };
    tally.valid += 1;
    let compiled = compile(&valid, DevOrigins::Leave);
    let checker =
        Checker { spec, valid: &valid, entries: entries(spec), expose: compiled.expose, max_age: compiled.max_age };
    let preflight = |r: &Sent| r.method == "OPTIONS" && !r.acrm.is_empty() && !r.origins.is_empty();
    // The middleware takes the preflights whose (first) `Access-Control-Request-Method` line
    // names a method the policy lists, or one of `GET`, `HEAD` and `POST` when it lists none,
    // and answers them itself: `204`, or `403` when anything is wrong, several method lines
    // included (POLICY §3: exactly one line). Any other goes on to routing (§5).
    let answered =
        |r: &Sent| preflight(r) && reference::method_answered(valid.methods.as_deref(), r.acrm[0].as_bytes());
    let handler_headers = hostile.headers();
    let served = handler_headers.clone();
    let app = init_service(App::new().service(web::resource("/p").wrap(Cors::new(Arc::new(policy))).route(
        web::route().to(move || {
            let h = served.clone();
            async move {
                let mut res = HttpResponse::Ok().body("handler");
                for (k, v) in &h {
                    res.headers_mut().append(k.clone(), v.clone());
                }
                res
            }
        }),
    )))
    .await;

    // Every origin the policy lists is served.
    for entry in &checker.entries {
        let Some(o) = sample(entry) else { continue };
        let res = app.call(TestRequest::get().uri("/p").insert_header((ORIGIN, o.as_str())).to_request()).await;
        let res = res.expect("a response");
        let want = reference::expected_acao(&checker.entries, &[o.as_bytes()]);
        let got = all(res.headers(), &ACCESS_CONTROL_ALLOW_ORIGIN);
        if want == Acao::Nothing || got != acao_lines(want) {
            f.push(format!("{o}, admitted by `{entry}`, is not served: ACAO {got:?}, reference {want:?}"));
        }
    }

    for req in reqs {
        let req = req.resolve(&checker.entries, &valid);
        let res = app.call(to_request(&req).to_request()).await.expect("a response");
        let status = res.status().as_u16();
        let h = res.headers().clone();
        let body_len = res.into_body().try_into_bytes().map(|b| b.len()).unwrap_or(usize::MAX);
        let what = format!("{req:?}");
        let problems = if answered(&req) {
            if status == 204 {
                tally.preflight_ok += 1
            } else {
                tally.preflight_refused += 1
            }
            checker.preflight(&req, status, &h, body_len)
        } else if preflight(&req) {
            // A preflight for a method the policy does not list is passed on to the handler,
            // and its answer keeps the handler's headers except the CORS ones it must not set.
            tally.passed_on += 1;
            let cors_set = |k: &str| {
                [
                    "access-control-allow-origin",
                    "access-control-allow-credentials",
                    "access-control-expose-headers",
                    "vary",
                ]
                .contains(&k)
            };
            let kept = |m: &HeaderMap| pairs(m).into_iter().filter(|(k, _)| !cors_set(k)).collect::<Vec<_>>();
            let leaked =
                [&ACCESS_CONTROL_ALLOW_ORIGIN, &ACCESS_CONTROL_ALLOW_CREDENTIALS, &ACCESS_CONTROL_EXPOSE_HEADERS]
                    .into_iter()
                    .any(|n| h.contains_key(n));
            if leaked || kept(&h) != kept(&handler_headers) {
                vec![format!("a passed-on preflight kept CORS headers or lost others: {h:?}")]
            } else {
                vec![]
            }
        } else if checker.refused(&req) {
            tally.refused += 1;
            checker.refusal(status, &h, body_len)
        } else {
            if reference::write_checked(
                req.method.as_bytes(),
                &req.upgrade.iter().map(|u| u.as_bytes()).collect::<Vec<_>>(),
            ) && !checker.any_origin()
            {
                tally.written += 1;
            }
            if h.contains_key(ACCESS_CONTROL_ALLOW_ORIGIN) {
                tally.echoed += 1
            } else {
                tally.denied += 1
            }
            checker.actual(&req.origins, status, &handler_headers, &h)
        };
        f.extend(problems.into_iter().map(|p| format!("{what}: {p}")));
    }
    f
}

#[test]
fn random_policies_and_requests_through_a_real_service() {
    let system = System::new();
    let mut runner = TestRunner::new(Config { cases: CASES, failure_persistence: None, ..Config::default() });
    let tally = std::cell::RefCell::new(Tally::default());
    let strategy = (spec(), prop::collection::vec(request(), 2..=10), hostile());
    let result = runner.run(&strategy, |(spec, reqs, hostile)| {
        let failures = system.block_on(serve_case(&spec, &reqs, &hostile, &mut tally.borrow_mut()));
        if failures.is_empty() { Ok(()) } else { Err(TestCaseError::fail(failures.join("\n"))) }
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let t = tally.into_inner();
    println!(
        "properties: {} valid and {} rejected policies; {} preflights granted, {} refused, {} passed on; \
         {} actual responses with ACAO, {} without; {} cross-origin writes refused, {} checked ones let through",
        t.valid, t.invalid, t.preflight_ok, t.preflight_refused, t.passed_on, t.echoed, t.denied, t.refused, t.written
    );
    // The generator must keep producing both kinds of policy and of answer, or the properties
    // above hold vacuously. The counts include shrinking runs, so only lower bounds are safe.
    for (what, n) in [
        ("valid policies", t.valid),
        ("rejected policies", t.invalid),
        ("granted preflights", t.preflight_ok),
        ("refused preflights", t.preflight_refused),
        ("passed-on preflights", t.passed_on),
        ("echoed origins", t.echoed),
        ("denied origins", t.denied),
        ("refused writes", t.refused),
        ("checked writes let through", t.written),
    ] {
        assert!(n >= CASES / 32, "only {n} {what} in {CASES} cases");
    }
}

/// What the builder accepts is exactly what `validate()` accepts, with the same violations;
/// an accepted policy serves each of its own origins through the engine.
#[test]
fn builder_accepts_exactly_what_validate_accepts() {
    let mut runner = TestRunner::new(Config { cases: CASES * 4, failure_persistence: None, ..Config::default() });
    runner
        .run(&spec(), |spec| {
            match (validate(&spec), build(&spec)) {
                (Ok(_), Ok(policy)) => {
                    for entry in entries(&spec) {
                        let mut h = HeaderMap::new();
                        if let Some(o) = sample(entry) {
                            h.insert(ORIGIN, HeaderValue::from_str(&o).expect("a header value"));
                        }
                        let acao = engine::allow_origin(&policy, &h);
                        prop_assert!(acao.is_ok(), "`{entry}` accepted but its origin is refused: {acao:?}");
                    }
                }
                (Err(a), Err(b)) => prop_assert_eq!(a, b),
                (a, b) => prop_assert!(false, "validate: {a:?}\nbuilder: {:?}", b.map(|_| ())),
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The reference is written apart from the runtime, but its limits are the runtime's: one
/// changed without the other would make every comparison above wrong near the bounds.
#[test]
fn the_reference_has_the_runtime_s_limits() {
    use cors_runtime::__private::limits;
    assert_eq!(reference::MAX_OWS, limits::MAX_OWS);
    assert_eq!(reference::MAX_EMPTY, limits::MAX_EMPTY);
    assert_eq!(reference::MAX_NAMES, limits::MAX_NAMES);
    assert_eq!(reference::MAX_ECHO, limits::MAX_ECHO);
    assert_eq!(reference::MAX_ANY_HEADER_LEN, limits::MAX_ANY_HEADER_LEN);
    assert_eq!(reference::MAX_ORIGIN_LEN, limits::MAX_ORIGIN_LEN);
}
