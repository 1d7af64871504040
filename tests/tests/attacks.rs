//! The origin attacks from the literature, sent to real `App`s.
//!
//! For each example policy (exact, credentialed, wildcard subdomain, any origin, dev
//! origins, unusual schemes and hosts) and each origin it allows, this generates CORScanner's
//! families (reflection, prefix, suffix, unescaped dot, substring, `null`, scheme downgrade,
//! any subdomain, special characters, third-party hosts) plus every one-character insertion,
//! deletion and case change. Each is sent as an actual request, as a preflight and as a
//! cross-site `POST`, to a `#[cors]` handler and to the same policy built with
//! `Policy::builder` behind a handler that reflects `Origin` (the classic bug the policy must
//! override). Nothing may be echoed that the naive reference matcher does not allow, and
//! everything it allows must be echoed byte for byte; a write the reference refuses (POLICY §4)
//! never reaches the handler.

use std::collections::BTreeSet;
use std::sync::Arc;

use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, HeaderMap,
    HeaderValue, ORIGIN,
};
use actix_web::test::{TestRequest, init_service};
use actix_web::{App, HttpRequest, HttpResponse, route, web};
use cors_runtime::{Cors, Policy, cors};
use cors_test_support::reference::{self, Acao};

/// One example policy, as the `#[cors]` handler at `/m/{name}` spells it.
struct Example {
    name: &'static str,
    origins: &'static [&'static str],
    dev_origins: &'static [&'static str],
    credentials: bool,
    expose: &'static [&'static str],
    /// Origins the policy allows, one per entry (a `*.` or `:*` entry gets a concrete one).
    samples: &'static [&'static str],
}

const EXAMPLES: [Example; 6] = [
    Example {
        name: "exact",
        origins: &["https://www.example.com"],
        dev_origins: &[],
        credentials: false,
        expose: &[],
        samples: &["https://www.example.com"],
    },
    Example {
        name: "credentialed",
        origins: &["https://app.example.com", "https://admin.example.com:8443"],
        dev_origins: &[],
        credentials: true,
        expose: &["x-request-id"],
        samples: &["https://app.example.com", "https://admin.example.com:8443"],
    },
    Example {
        name: "wildcard",
        origins: &["https://*.example.com"],
        dev_origins: &[],
        credentials: true,
        expose: &[],
        samples: &["https://api.example.com"],
    },
    Example {
        name: "any",
        origins: &["*"],
        dev_origins: &[],
        credentials: false,
        expose: &[],
        samples: &["https://client.example"],
    },
    Example {
        name: "dev",
        origins: &["https://app.example.com"],
        dev_origins: &["http://localhost:*", "http://127.0.0.1:3000", "http://[::1]:*"],
        credentials: true,
        expose: &[],
        samples: &["https://app.example.com", "http://localhost:5173", "http://127.0.0.1:3000", "http://[::1]:8080"],
    },
    Example {
        name: "schemes",
        origins: &["tauri://localhost", "https://xn--bcher-kva.example", "https://example.com."],
        dev_origins: &[],
        credentials: false,
        expose: &[],
        samples: &["tauri://localhost", "https://xn--bcher-kva.example", "https://example.com."],
    },
];

#[cors(origins = ["https://www.example.com"])]
#[route("/m/exact", method = "GET", method = "POST")]
async fn m_exact() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(
    origins = ["https://app.example.com", "https://admin.example.com:8443"],
    credentials,
    expose = ["x-request-id"]
)]
#[route("/m/credentialed", method = "GET", method = "POST")]
async fn m_credentialed() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["https://*.example.com"], credentials)]
#[route("/m/wildcard", method = "GET", method = "POST")]
async fn m_wildcard() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["*"])]
#[route("/m/any", method = "GET", method = "POST")]
async fn m_any() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(
    origins = ["https://app.example.com"],
    dev_origins = ["http://localhost:*", "http://127.0.0.1:3000", "http://[::1]:*"],
    credentials
)]
#[route("/m/dev", method = "GET", method = "POST")]
async fn m_dev() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

#[cors(origins = ["tauri://localhost", "https://xn--bcher-kva.example", "https://example.com."])]
#[route("/m/schemes", method = "GET", method = "POST")]
async fn m_schemes() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

/// The handler behind the builder policies: it reflects any `Origin` with credentials, as
/// hand-written CORS code too often does. The policy must win.
async fn reflecting(req: HttpRequest) -> HttpResponse {
    let mut res = HttpResponse::Ok();
    if let Some(origin) = req.headers().get(ORIGIN) {
        res.insert_header((ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone()));
        res.insert_header((ACCESS_CONTROL_ALLOW_CREDENTIALS, "true"));
        res.insert_header((ACCESS_CONTROL_EXPOSE_HEADERS, "x-secret"));
    }
    res.body("ok")
}

fn builder_policy(e: &Example) -> Policy {
    Policy::builder()
        .origins(e.origins.iter().copied())
        .dev_origins(e.dev_origins.iter().copied())
        .methods(["GET"])
        .credentials(e.credentials)
        .expose(e.expose.iter().copied())
        .build()
        .unwrap_or_else(|v| panic!("{}: {v}", e.name))
}

/// CORScanner's `special_characters_bypass` characters, sent literally (`%60` and `%0b` too).
const SPECIAL: [&str; 24] = [
    "_", "-", "\"", "{", "}", "+", "^", "%60", "!", "~", "`", ";", "|", "&", "'", "(", ")", "*", ",", "$", "=", "+",
    "%0b", "@",
];

/// CORScanner's `custom_third_parties`: shared hosting anyone can publish on.
const THIRD_PARTIES: [&str; 6] = [
    "https://whatever.github.io",
    "http://jsbin.com",
    "https://codepen.io",
    "https://jsfiddle.net",
    "http://www.webdevout.net",
    "https://repl.it",
];

/// The attack origins derived from one allowed origin, by family.
fn attacks(allowed: &str) -> Vec<(&'static str, String)> {
    let (scheme, rest) = allowed.split_once("://").expect("scheme://host");
    let (host, port) = match rest.strip_prefix('[') {
        Some(_) => rest.split_at(rest.find(']').expect("]") + 1),
        None => rest.split_at(rest.find(':').unwrap_or(rest.len())),
    };
    let o = |h: &str| format!("{scheme}://{h}{port}");
    let labels: Vec<&str> = host.trim_end_matches('.').split('.').collect();
    let registered = labels[labels.len().saturating_sub(2)..].join(".");
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let mut add = |family: &'static str, s: String| out.push((family, s));

    for evil in ["https://evil.com", "https://attacker.example", "http://evil.com", "https://evil.com:8443"] {
        add("reflection", evil.into());
    }
    add("prefix", o(&format!("{host}.evil.com")));
    add("prefix", format!("{allowed}.evil.com"));
    add("prefix", format!("{allowed}evil.com"));
    add("suffix", o(&format!("evil{registered}")));
    add("suffix", o(&format!("evil{host}")));
    add("suffix", o(&format!("evil-{host}")));
    for (i, _) in host.match_indices('.') {
        add("unescaped dot", o(&format!("{}a{}", &host[..i], &host[i + 1..])));
        add("unescaped dot", o(&format!("{}-{}", &host[..i], &host[i + 1..])));
    }
    for s in [&host[1..], &host[..host.len() - 1], &registered[1..], &registered[..registered.len() - 1]] {
        add("substring", o(s));
    }
    add("null", "null".into());
    add("null", "Null".into());
    for other in ["http", "https", "ws", "wss", "file"] {
        if other != scheme {
            add("downgrade", format!("{other}://{host}{port}"));
        }
    }
    add("any subdomain", o(&format!("evil.{host}")));
    add("any subdomain", o(&format!("evil.{registered}")));
    for c in SPECIAL {
        add("special characters", o(&format!("{host}{c}.evil.com")));
        add("special characters", format!("{allowed}{c}.evil.com"));
    }
    for t in THIRD_PARTIES {
        add("third party", t.into());
    }
    for variant in [
        format!("{allowed}/"),
        format!("{allowed}."),
        format!("{allowed}:443"),
        format!("{allowed}:80"),
        format!(" {allowed}"),
        format!("{allowed}, https://evil.com"),
        format!("{scheme}://user@{host}{port}"),
        format!("{scheme}://evil.com@{host}{port}"),
        format!("{scheme}://{host}{port}@evil.com"),
    ] {
        add("malformed", variant);
    }
    let bytes = allowed.as_bytes();
    for i in 0..=bytes.len() {
        for c in (b' '..=b'~').chain([b'\t']) {
            let mut s = bytes.to_vec();
            s.insert(i, c);
            add("insertion", String::from_utf8(s).expect("ASCII"));
        }
    }
    for i in 0..bytes.len() {
        let mut s = bytes.to_vec();
        s.remove(i);
        add("deletion", String::from_utf8(s).expect("ASCII"));
        if bytes[i].is_ascii_alphabetic() {
            let mut s = bytes.to_vec();
            s[i] = s[i].to_ascii_uppercase();
            add("case change", String::from_utf8(s).expect("ASCII"));
        }
    }
    out
}

/// How an attack origin is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A `GET`: the handler runs, and only the CORS headers differ.
    Get,
    /// A preflight for `GET`.
    Preflight,
    /// A cross-site `POST` (POLICY §4).
    Post,
}

/// The CORS headers of a response match what the reference owes its origin. Exposed headers
/// belong on allowed actual responses only, never on preflights.
fn check(e: &Example, headers: &HeaderMap, want: Acao<'_>, preflight: bool, what: &str) -> Result<(), String> {
    let all = |n| headers.get_all(n).map(HeaderValue::as_bytes).collect::<Vec<_>>();
    let (acao, acac, aceh) =
        (all(ACCESS_CONTROL_ALLOW_ORIGIN), all(ACCESS_CONTROL_ALLOW_CREDENTIALS), all(ACCESS_CONTROL_EXPOSE_HEADERS));
    let expose = e.expose.join(",");
    let want_aceh: Vec<&[u8]> =
        if preflight || want == Acao::Nothing || e.expose.is_empty() { vec![] } else { vec![expose.as_bytes()] };
    let ok = aceh == want_aceh
        && match want {
            Acao::Star => acao == [b"*"] && acac.is_empty(),
            Acao::Echo(o) => acao == [o] && acac == if e.credentials { vec![&b"true"[..]] } else { vec![] },
            Acao::Nothing => acao.is_empty() && acac.is_empty(),
        };
    if ok { Ok(()) } else { Err(format!("{what}: expected {want:?}, got ACAO {acao:?} ACAC {acac:?} ACEH {aceh:?}")) }
}

#[actix_web::test]
async fn attack_origins_are_never_echoed_unless_allowed() {
    let mut app = App::new()
        .service(m_exact)
        .service(m_credentialed)
        .service(m_wildcard)
        .service(m_any)
        .service(m_dev)
        .service(m_schemes);
    for e in &EXAMPLES {
        let policy = Arc::new(builder_policy(e));
        app = app.service(
            web::resource(format!("/b/{}", e.name))
                .wrap(Cors::new(policy))
                .route(web::get().to(reflecting))
                .route(web::post().to(reflecting)),
        );
    }
    let app = init_service(app).await;

    let mut total: BTreeSet<(&str, String)> = BTreeSet::new();
    let (mut allowed, mut requests, mut refusals) = (0usize, 0usize, 0usize);
    let mut families: BTreeSet<&str> = BTreeSet::new();
    let mut failures: Vec<String> = Vec::new();
    for e in &EXAMPLES {
        let mut entries: Vec<&str> = e.origins.to_vec();
        if cfg!(debug_assertions) {
            entries.extend(e.dev_origins);
        }
        let mut origins: BTreeSet<String> = BTreeSet::new();
        for sample in e.samples {
            assert!(
                reference::expected_acao(&entries, &[sample.as_bytes()]) != Acao::Nothing || !cfg!(debug_assertions),
                "{}: sample {sample} must be allowed",
                e.name
            );
            for (family, o) in attacks(sample) {
                families.insert(family);
                origins.insert(o);
            }
        }
        for origin in &origins {
            let want = reference::expected_acao(&entries, &[origin.as_bytes()]);
            allowed += usize::from(want != Acao::Nothing);
            for prefix in ["/m/", "/b/"] {
                let uri = format!("{prefix}{}", e.name);
                for kind in [Kind::Get, Kind::Preflight, Kind::Post] {
                    let mut req = TestRequest::get().uri(&uri).insert_header((ORIGIN, origin.as_str()));
                    match kind {
                        Kind::Get => {}
                        Kind::Preflight => {
                            req = req.method(Method::OPTIONS).insert_header(("Access-Control-Request-Method", "GET"));
                        }
                        // A form or `no-cors` POST from the attacker's page, as a browser sends it.
                        Kind::Post => req = req.method(Method::POST).insert_header(("Sec-Fetch-Site", "cross-site")),
                    }
                    let res: ServiceResponse = app.call(req.to_request()).await.expect("a response");
                    requests += 1;
                    let what = format!("{uri} {kind:?} {origin:?}");
                    let status = res.status().as_u16();
                    // POLICY §4: a write from an origin a listing policy does not allow is
                    // refused before the handler runs.
                    let refused = kind == Kind::Post
                        && reference::expected_refusal(
                            e.origins != ["*"],
                            false,
                            b"POST",
                            |name| match name {
                                "origin" => vec![origin.as_bytes()],
                                "sec-fetch-site" => vec![&b"cross-site"[..]],
                                _ => vec![],
                            },
                            want != Acao::Nothing,
                        );
                    refusals += usize::from(refused);
                    let expected_status = match (kind, want) {
                        (Kind::Post, _) if refused => 403,
                        (Kind::Get | Kind::Post, _) => 200,
                        (Kind::Preflight, Acao::Nothing) => 403,
                        (Kind::Preflight, _) => 204,
                    };
                    if status != expected_status {
                        failures.push(format!("{what}: status {status}, expected {expected_status}"));
                    }
                    let want = if refused { Acao::Nothing } else { want };
                    if let Err(f) = check(e, res.headers(), want, kind == Kind::Preflight, &what) {
                        failures.push(f);
                    }
                }
            }
            total.insert((e.name, origin.clone()));
        }
    }
    println!(
        "attack suite: {} generated origins ({} allowed by the reference), {} families, {} requests, \
         {} cross-origin writes refused",
        total.len(),
        allowed,
        families.len(),
        requests,
        refusals
    );
    assert!(
        failures.is_empty(),
        "{} wrong answers, first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
    let expected = [
        "any subdomain",
        "case change",
        "deletion",
        "downgrade",
        "insertion",
        "malformed",
        "null",
        "prefix",
        "reflection",
        "special characters",
        "substring",
        "suffix",
        "third party",
        "unescaped dot",
    ];
    assert_eq!(families.into_iter().collect::<Vec<_>>(), expected, "every family is generated");
    assert!(total.len() >= 20_000, "the suite shrank to {} origins", total.len());
    assert!(refusals > total.len(), "{refusals} writes refused: the §4 check lost its edge");
    assert!(
        allowed > 0 && allowed < total.len() / 4,
        "{allowed} of {} allowed: the generator lost its edge",
        total.len()
    );
}

#[actix_web::test]
async fn repeated_origin_lines_are_never_echoed() {
    let app = init_service(App::new().service(m_credentialed).service(m_any)).await;
    for (uri, want) in [("/m/credentialed", None), ("/m/any", Some("*"))] {
        for second in ["https://evil.com", "https://app.example.com"] {
            let req = TestRequest::get()
                .uri(uri)
                .append_header((ORIGIN, "https://app.example.com"))
                .append_header((ORIGIN, second))
                .to_request();
            let res = app.call(req).await.expect("a response");
            let acao = res.headers().get(ACCESS_CONTROL_ALLOW_ORIGIN).map(|v| v.to_str().unwrap());
            assert_eq!(acao, want, "{uri} with two Origin lines (second {second})");
        }
    }
}
