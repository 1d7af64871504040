//! Shared code of the fuzz targets: a line format for policies and requests, and the
//! invariants every answer of the engine must satisfy, checked against [`reference`](mod@reference).
//!
//! The text formats exist so that `seed_corpora.py` can write the conformance vectors as
//! seeds, and so that a crash input can be read by eye. The reference model and the builder
//! helper come from `cors-test-support`, which the property and attack tests use too.

pub use cors_test_support::builder::build;
pub use cors_test_support::reference;

use actix_web::body::{BodySize, MessageBody};
use actix_web::http::StatusCode;
use actix_web::http::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_HEADERS,
    ACCESS_CONTROL_REQUEST_METHOD, HeaderMap, HeaderName, HeaderValue, ORIGIN, VARY,
};
use cors_policy::{DevOrigins, PolicySpec, ValidPolicy, compile};
use cors_runtime::__private::engine;
use cors_runtime::Policy;

use reference::Acao;

/// Reads a policy written one key per line: `o:` origin, `d:` dev origin, `m:` method,
/// `r:` route method, `h:` request header, `e:` exposed header, `a:` max age (seconds, as the
/// builder takes them: a value that is not a number of seconds is left out), and the flags
/// `c` (credentials), `i` (insecure origins), `p` (public-suffix wildcards), `l` (loopback
/// origins) and `w` (cross-origin writes). Other lines are ignored, so that mutations keep
/// most of a policy intact.
pub fn parse_spec(text: &str) -> PolicySpec {
    let mut spec = PolicySpec::default();
    for line in text.lines() {
        match line.split_at_checked(2) {
            Some(("o:", v)) => spec.origins.get_or_insert_default().push(v.into()),
            Some(("d:", v)) => spec.dev_origins.push(v.into()),
            Some(("m:", v)) => spec.methods.get_or_insert_default().push(v.into()),
            Some(("r:", v)) => spec.route_methods.get_or_insert_default().push(v.into()),
            Some(("h:", v)) => spec.headers.push(v.into()),
            Some(("e:", v)) => spec.expose.push(v.into()),
            Some(("a:", v)) => {
                spec.max_age = v.trim().parse::<u64>().ok().map(|n| i64::try_from(n).unwrap_or(i64::MAX));
            }
            _ => match line {
                "c" => spec.credentials = true,
                "i" => spec.allow_insecure_origins = true,
                "p" => spec.allow_public_suffix_wildcards = true,
                "l" => spec.allow_loopback_origins = true,
                "w" => spec.accept_cross_origin_writes = true,
                _ => {}
            },
        }
    }
    spec
}

/// Builds a header map from `Name: value` lines; lines that are not a valid field are skipped.
pub fn header_map(lines: &[&[u8]]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for line in lines {
        let Some(colon) = line.iter().position(|&b| b == b':') else { continue };
        let value = line[colon + 1..].strip_prefix(b" ").unwrap_or(&line[colon + 1..]);
        if let (Ok(n), Ok(v)) = (HeaderName::from_bytes(&line[..colon]), HeaderValue::from_bytes(value)) {
            map.append(n, v);
        }
    }
    map
}

/// What the engine must do for one validated policy: everything the invariants need.
pub struct Expect<'s> {
    /// The origin entries in force (dev origins included when this build serves them).
    pub origins: Vec<&'s str>,
    /// The configured `headers`, `*` included.
    pub headers: &'s [String],
    /// The validated policy.
    pub valid: ValidPolicy,
    /// Its `Access-Control-Expose-Headers` value.
    pub expose: Option<String>,
    /// Its `Access-Control-Max-Age` value.
    pub max_age: Option<String>,
}

impl<'s> Expect<'s> {
    /// The expectations for `spec`, which `validate()` accepted as `valid`.
    pub fn new(spec: &'s PolicySpec, valid: ValidPolicy) -> Self {
        let mut origins: Vec<&str> = spec.origins.iter().flatten().map(String::as_str).collect();
        if cfg!(debug_assertions) {
            origins.extend(spec.dev_origins.iter().map(String::as_str));
        }
        let compiled = compile(&valid, DevOrigins::Leave);
        Expect { origins, headers: &spec.headers, valid, expose: compiled.expose, max_age: compiled.max_age }
    }

    /// Whether this is the any-origin policy, `"*"` (which POLICY §4 leaves unchecked).
    pub fn any_origin(&self) -> bool {
        self.origins.contains(&"*")
    }

    /// The ACAO the reference owes this request.
    pub fn acao<'h>(&self, headers: &'h HeaderMap) -> Acao<'h> {
        let lines: Vec<&[u8]> = headers.get_all(ORIGIN).map(HeaderValue::as_bytes).collect();
        if lines.is_empty() && !self.any_origin() {
            return Acao::Nothing;
        }
        reference::expected_acao(&self.origins, &lines)
    }

    /// The engine's origin check agrees with the reference.
    pub fn check_allow_origin(&self, policy: &Policy, headers: &HeaderMap) {
        let got = engine::allow_origin(policy, headers);
        match (self.acao(headers), &got) {
            (Acao::Star, Ok(v)) => assert_eq!(v.as_bytes(), b"*"),
            (Acao::Echo(o), Ok(v)) => assert_eq!(v.as_bytes(), o, "ACAO must be the request's own origin"),
            (Acao::Nothing, Err(_)) => {}
            (want, got) => panic!("origin {:?}: reference says {want:?}, engine says {got:?}", headers.get_all(ORIGIN)),
        }
    }

    /// The preflight answer for the policy's own methods (the listed ones, else `GET`, `HEAD`
    /// and `POST`) agrees with the reference, header by header.
    pub fn check_preflight(&self, policy: &Policy, headers: &HeaderMap) {
        let res = engine::preflight_response(policy, headers);
        let ok = engine::check_preflight(policy, headers).is_ok();
        assert_eq!(ok, res.status() == StatusCode::NO_CONTENT, "check_preflight and preflight_response disagree");
        assert_eq!(res.body().size(), BodySize::Sized(0), "a preflight answer has no body");
        self.check_preflight_answer(headers, res.status(), res.headers(), true);
    }

    /// A preflight answered for the policy's own methods, by the engine or by the `Cors`
    /// middleware: `status`, `h` and whether the body was empty, against the reference.
    pub fn check_preflight_answer(&self, headers: &HeaderMap, status: StatusCode, h: &HeaderMap, empty_body: bool) {
        let ok = status == StatusCode::NO_CONTENT;
        let acrm: Vec<&HeaderValue> = headers.get_all(ACCESS_CONTROL_REQUEST_METHOD).collect();
        let method_ok =
            matches!(acrm[..], [m] if reference::method_answered(self.valid.methods.as_deref(), m.as_bytes()));
        let acrh: Vec<&[u8]> = headers.get_all(ACCESS_CONTROL_REQUEST_HEADERS).map(HeaderValue::as_bytes).collect();
        let names = reference::expected_acrh(&acrh, |n| reference::header_allowed(self.headers, n));
        let acao = self.acao(headers);
        let want_ok = acao != Acao::Nothing && method_ok && names.is_some();
        assert_eq!(
            want_ok, ok,
            "preflight: reference says {want_ok} (origin {acao:?}, method {method_ok}, headers {names:?}), got {status}"
        );
        check_vary_preflight(h);
        assert!(empty_body, "a preflight answer has no body");
        if !ok {
            assert_eq!(status, StatusCode::FORBIDDEN);
            assert!(
                h.keys().all(|k| !k.as_str().starts_with("access-control-")),
                "a refused preflight carries no CORS headers"
            );
            return;
        }
        let one = |name: &HeaderName| {
            let v: Vec<&HeaderValue> = h.get_all(name).collect();
            assert!(v.len() <= 1, "{name} sent {} times", v.len());
            v.first().map(|v| v.as_bytes())
        };
        match acao {
            Acao::Star => assert_eq!(one(&ACCESS_CONTROL_ALLOW_ORIGIN), Some(&b"*"[..])),
            Acao::Echo(o) => assert_eq!(one(&ACCESS_CONTROL_ALLOW_ORIGIN), Some(o)),
            Acao::Nothing => unreachable!(),
        }
        let acac = one(&ACCESS_CONTROL_ALLOW_CREDENTIALS);
        assert_eq!(acac, self.valid.credentials.then_some(&b"true"[..]));
        assert!(!(acac.is_some() && acao == Acao::Star), "`*` with credentials");
        assert_eq!(one(&ACCESS_CONTROL_ALLOW_METHODS), Some(acrm[0].as_bytes()));
        assert_eq!(one(&ACCESS_CONTROL_MAX_AGE), self.max_age.as_deref().map(str::as_bytes));
        assert_eq!(one(&ACCESS_CONTROL_EXPOSE_HEADERS), None, "no ACEH on preflights");
        let names = names.unwrap_or_default();
        match one(&ACCESS_CONTROL_ALLOW_HEADERS) {
            None => assert!(names.is_empty(), "requested {names:?}, no ACAH sent"),
            Some(v) => {
                let mut got: Vec<&[u8]> = v.split(|&b| b == b',').collect();
                assert!(got.iter().all(|n| !n.is_empty() && !n.iter().any(u8::is_ascii_uppercase)), "ACAH {v:?}");
                let len = got.len();
                got.sort();
                got.dedup();
                assert_eq!(got.len(), len, "duplicate names in ACAH {v:?}");
                let mut want: Vec<&[u8]> = names.iter().map(|n| n.as_bytes()).collect();
                want.sort();
                assert_eq!(got, want, "ACAH must list exactly the requested names");
            }
        }
    }

    /// `apply_actual` on a response whose handler set `handler_headers` follows the policy.
    pub fn check_actual(&self, policy: &Policy, request: &HeaderMap, handler_headers: &HeaderMap) {
        let acao = engine::allow_origin(policy, request).ok();
        let mut h = handler_headers.clone();
        engine::apply_actual(policy, acao.clone(), &mut h);
        self.check_actual_headers(acao.as_ref(), handler_headers, &h);
    }

    /// The headers of an actual response after the policy was applied (`after`), given what
    /// the handler had set (`before`) and the ACAO the origin check produced.
    pub fn check_actual_headers(&self, acao: Option<&HeaderValue>, before: &HeaderMap, after: &HeaderMap) {
        let all = |name: &HeaderName| after.get_all(name).map(HeaderValue::as_bytes).collect::<Vec<_>>();
        match acao {
            Some(v) => {
                assert_eq!(all(&ACCESS_CONTROL_ALLOW_ORIGIN), [v.as_bytes()], "the policy's ACAO, once");
                let want_acac: &[&[u8]] = if self.valid.credentials { &[b"true"] } else { &[] };
                assert_eq!(all(&ACCESS_CONTROL_ALLOW_CREDENTIALS), want_acac);
                let expose = self.expose.as_deref().map(str::as_bytes);
                assert_eq!(all(&ACCESS_CONTROL_EXPOSE_HEADERS), expose.into_iter().collect::<Vec<_>>());
            }
            None => {
                for n in
                    [&ACCESS_CONTROL_ALLOW_ORIGIN, &ACCESS_CONTROL_ALLOW_CREDENTIALS, &ACCESS_CONTROL_EXPOSE_HEADERS]
                {
                    assert!(all(n).is_empty(), "{n} on a response to a disallowed or absent origin");
                }
            }
        }
        assert!(
            all(&ACCESS_CONTROL_ALLOW_ORIGIN) != [b"*"] || all(&ACCESS_CONTROL_ALLOW_CREDENTIALS).is_empty(),
            "`*` with credentials"
        );
        check_vary_actual(self.any_origin(), before, after);
    }
}

/// `Vary` on an actual response: the handler's lines kept in order, and `Origin` appended
/// exactly when the policy varies by origin and no line already covers it.
pub fn check_vary_actual(any_origin: bool, before: &HeaderMap, after: &HeaderMap) {
    let old: Vec<&[u8]> = before.get_all(VARY).map(HeaderValue::as_bytes).collect();
    let new: Vec<&[u8]> = after.get_all(VARY).map(HeaderValue::as_bytes).collect();
    assert!(new.starts_with(&old), "Vary lines dropped or reordered: {old:?} -> {new:?}");
    let covered =
        reference::list_elements(old.iter().copied()).iter().any(|t| t.eq_ignore_ascii_case(b"origin") || *t == b"*");
    let added = &new[old.len()..];
    if any_origin || covered {
        assert!(added.is_empty(), "Vary duplicated: {old:?} -> {new:?}");
    } else {
        assert_eq!(added, [b"Origin"], "Vary: Origin dropped: {old:?} -> {new:?}");
    }
}

/// A preflight answer varies by all three request headers, in one line.
pub fn check_vary_preflight(headers: &HeaderMap) {
    let vary: Vec<&[u8]> = headers.get_all(VARY).map(HeaderValue::as_bytes).collect();
    assert_eq!(vary.len(), 1, "one Vary line on a preflight answer");
    let mut tokens: Vec<Vec<u8>> = reference::list_elements(vary).iter().map(|t| t.to_ascii_lowercase()).collect();
    tokens.sort();
    assert_eq!(
        tokens,
        [&b"access-control-request-headers"[..], b"access-control-request-method", b"origin"],
        "preflight Vary"
    );
}

/// An input of the request-level targets: a policy, a request and a handler's response, in
/// sections of [`lines`] separated by `--` lines (a missing section is empty).
pub struct Input<'a> {
    /// The policy, as [`parse_spec`] reads it, with no route methods: the targets serve the
    /// request's own method.
    pub spec: PolicySpec,
    /// The request method, then `Name: value` header lines.
    pub request: Vec<&'a [u8]>,
    /// The handler's `Name: value` header lines.
    pub response: Vec<&'a [u8]>,
}

impl<'a> Input<'a> {
    /// Reads `data`; every input reads as something, so that mutations are never wasted.
    pub fn read(data: &'a [u8]) -> Input<'a> {
        let all = lines(data);
        let mut sections = all.split(|l| *l == b"--");
        let spec_lines = sections.next().unwrap_or_default();
        let text = spec_lines.iter().map(|l| String::from_utf8_lossy(l)).collect::<Vec<_>>().join("\n");
        let mut spec = parse_spec(&text);
        spec.route_methods = None;
        Input {
            spec,
            request: sections.next().unwrap_or_default().to_vec(),
            response: sections.next().unwrap_or_default().to_vec(),
        }
    }
}

/// Splits `data` at `\n`; a trailing `\r` is kept, so that invalid field values stay invalid.
pub fn lines(data: &[u8]) -> Vec<&[u8]> {
    data.split(|&b| b == b'\n').collect()
}
