//! The engine and the middleware under input no browser sends: obs-text, tabs, repeated lines,
//! empty and 1 MiB values, `null`, comma-joined lists, upper case.
//!
//! Every such request must end in a clear refusal (origin denied; preflight `403` with no CORS
//! headers) and never in a panic. Each group also has a well-formed control, so that a policy
//! that refuses everything would fail. The 1 MiB cases assert the precise reason, which shows
//! where the scan stopped; their cost is measured by the benchmarks, not here.

use std::sync::Arc;
use std::time::Duration;

use actix_web::http::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_HEADERS,
    ACCESS_CONTROL_REQUEST_METHOD, HOST, HeaderMap, HeaderName, HeaderValue, ORIGIN, VARY,
};
use actix_web::http::{Method, StatusCode};
use actix_web::test::{TestRequest, call_service, init_service, read_body};
use actix_web::{App, HttpResponse, web};
use cors_runtime::__private::engine::{allow_origin, apply_actual, check_preflight, preflight_response};
use cors_runtime::__private::limits::{MAX_ECHO, MAX_EMPTY, MAX_NAMES, MAX_ORIGIN_LEN};
use cors_runtime::__private::{AcrhError, OriginDenied, PreflightError};
use cors_runtime::{Cors, Policy};

const APP: &str = "https://app.example.com";
/// Allowed through the `https://*.example.org` pattern.
const SUB: &str = "https://a.example.org";
const PUT: &[u8] = b"PUT";
const MIB: usize = 1 << 20;
const VARY_PREFLIGHT: &str = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

const CORS_RESPONSE_HEADERS: [HeaderName; 6] = [
    ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_ALLOW_CREDENTIALS,
    ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_HEADERS,
    ACCESS_CONTROL_MAX_AGE,
    ACCESS_CONTROL_EXPOSE_HEADERS,
];

/// A credentialed policy with one exact origin, one wildcard, two methods and two headers.
fn policy() -> Policy {
    Policy::builder()
        .origins([APP, "https://*.example.org"])
        .methods(["GET", "PUT"])
        .headers(["content-type", "x-request-id"])
        .expose(["x-total-count"])
        .credentials(true)
        .max_age(Duration::from_secs(600))
        .build()
        .expect("a valid policy")
}

/// `headers = ["*"]`: names are capped in length rather than compared with a list.
fn any_header_policy() -> Policy {
    Policy::builder().origins([APP]).methods(["PUT"]).headers(["*"]).build().expect("a valid policy")
}

/// `origins = ["*"]`.
fn any_origin_policy() -> Policy {
    Policy::builder().origins(["*"]).methods(["PUT"]).headers(["content-type"]).build().expect("a valid policy")
}

fn hv(bytes: &[u8]) -> HeaderValue {
    HeaderValue::from_bytes(bytes).unwrap_or_else(|e| panic!("{:?} is not a header value: {e}", lossy(bytes)))
}

/// A short, printable form of a test value for assertion messages.
fn lossy(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(&bytes[..bytes.len().min(48)]).into_owned();
    if bytes.len() > 48 { format!("{s}… ({} bytes)", bytes.len()) } else { s }
}

fn map(lines: &[(HeaderName, &[u8])]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (name, value) in lines {
        h.append(name.clone(), hv(value));
    }
    h
}

fn origin(value: &[u8]) -> HeaderMap {
    map(&[(ORIGIN, value)])
}

fn preflight(origin: &[u8], acrm: &[u8], acrh: Option<&[u8]>) -> HeaderMap {
    let mut h = map(&[(ORIGIN, origin), (ACCESS_CONTROL_REQUEST_METHOD, acrm)]);
    if let Some(v) = acrh {
        h.append(ACCESS_CONTROL_REQUEST_HEADERS, hv(v));
    }
    h
}

#[track_caller]
fn assert_no_cors(headers: &HeaderMap, what: &str) {
    for name in &CORS_RESPONSE_HEADERS {
        assert!(!headers.contains_key(name), "{what}: unexpected {name}: {:?}", headers.get(name));
    }
}

fn vary(headers: &HeaderMap) -> Vec<&[u8]> {
    headers.get_all(VARY).map(HeaderValue::as_bytes).collect()
}

/// Asserts that the preflight is refused with a bare `403`, and returns why.
#[track_caller]
fn refused(policy: &Policy, headers: &HeaderMap, what: &str) -> PreflightError {
    let reason = match check_preflight(policy, headers) {
        Ok(()) => panic!("{what}: preflight accepted"),
        Err(e) => e,
    };
    let res = preflight_response(policy, headers);
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "{what}");
    assert_no_cors(res.headers(), what);
    assert_eq!(vary(res.headers()), [VARY_PREFLIGHT.as_bytes()], "{what}");
    reason
}

/// Asserts that the preflight is answered with `204`, and returns the response's headers.
#[track_caller]
fn granted(policy: &Policy, headers: &HeaderMap, what: &str) -> HeaderMap {
    if let Err(e) = check_preflight(policy, headers) {
        panic!("{what}: preflight refused: {e:?}");
    }
    let res = preflight_response(policy, headers);
    assert_eq!(res.status(), StatusCode::NO_CONTENT, "{what}");
    res.headers().clone()
}

/// Origin values no browser sends for an allowed page, and why each is refused.
fn bad_origins() -> Vec<(Vec<u8>, OriginDenied)> {
    use OriginDenied::{NotAllowed, TooLong};
    let mut cases: Vec<(Vec<u8>, OriginDenied)> = [
        &b""[..],
        b"null",
        b"NULL",
        b"*",
        b"https://app.example.com\xff",
        b"https://\xe1pp.example.com",
        b"\x80\x81\x82",
        b"https://app.example.com\t",
        b"\thttps://app.example.com",
        b"https://app.\texample.com",
        b"https://app.example.com, https://evil.example",
        b"https://app.example.com,https://app.example.com",
        b"https://evil.example, https://app.example.com",
        b"https://app.example.com https://app.example.com",
        b"HTTPS://APP.EXAMPLE.COM",
        b"https://App.example.com",
        b"Https://app.example.com",
        b"https://A.example.org",
        b"https://a.EXAMPLE.ORG",
        b"https://app.example.com/",
        b"https://app.example.com.",
        b"https://app.example.com:443",
        b"https://app.example.com:0443",
        b"http://app.example.com",
        b"https://user@app.example.com",
        b"app.example.com",
        b"https://example.org",
        b"https://.example.org",
        b"https://a..example.org",
        b"https://a.example.org.evil.example",
        b"https://evil-example.org",
        b"https://*.example.org",
        b"https://a.example.org:8443",
        b"https://a.example.org:",
        b"https://a.example.org:65536",
    ]
    .iter()
    .map(|v| (v.to_vec(), NotAllowed))
    .collect();
    cases.push((format!("https://{}.example.org", "a".repeat(MAX_ORIGIN_LEN)).into_bytes(), TooLong));
    cases.push((vec![b'a'; MAX_ORIGIN_LEN + 1], TooLong));
    cases.push((vec![b'a'; MIB], TooLong));
    cases.push((vec![b','; MIB], TooLong));
    cases.push((vec![b' '; MIB], TooLong));
    cases.push((vec![0xff; MIB], TooLong));
    cases.push((format!("{APP},").repeat(MIB / (APP.len() + 1)).into_bytes(), TooLong));
    cases
}

// ---------------------------------------------------------------------------------------------
// Origin

#[test]
fn allowed_origins_are_echoed() {
    let p = policy();
    assert_eq!(allow_origin(&p, &origin(APP.as_bytes())), Ok(HeaderValue::from_static(APP)));
    assert_eq!(allow_origin(&p, &origin(SUB.as_bytes())), Ok(HeaderValue::from_static(SUB)));
    let deep = "https://a.b.example.org";
    assert_eq!(allow_origin(&p, &origin(deep.as_bytes())), Ok(HeaderValue::from_static(deep)));
    assert_eq!(allow_origin(&p, &HeaderMap::new()), Err(OriginDenied::Missing));
}

#[test]
fn bad_origins_are_denied() {
    let p = policy();
    for (value, why) in bad_origins() {
        assert_eq!(allow_origin(&p, &origin(&value)), Err(why), "{}", lossy(&value));
    }
}

#[test]
fn longest_origin_is_matched_and_one_byte_more_is_too_long() {
    // A 64-byte scheme, a 253-byte host under the wildcard and a 5-digit port: 326 bytes.
    let scheme = format!("x{}", "s".repeat(63));
    let p = Policy::builder()
        .origins([format!("{scheme}://*.example.org:65535")])
        .methods(["GET"])
        .build()
        .expect("a valid policy");
    let labels = format!("{}.{}.{}.", "a".repeat(63), "b".repeat(63), "c".repeat(63));
    let host = format!("{labels}{}.example.org", "d".repeat(253 - labels.len() - ".example.org".len()));
    let longest = format!("{scheme}://{host}:65535");
    assert_eq!(longest.len(), MAX_ORIGIN_LEN);
    assert_eq!(allow_origin(&p, &origin(longest.as_bytes())).map(|v| v.as_bytes().len()), Ok(MAX_ORIGIN_LEN));
    let over = format!("{scheme}://{host}.:65535");
    assert_eq!(allow_origin(&p, &origin(over.as_bytes())), Err(OriginDenied::TooLong));
}

#[test]
fn one_stray_byte_anywhere_is_denied() {
    let p = policy();
    // Not before the host of `SUB`: `https://xa.example.org` is another allowed subdomain.
    let (scheme, host) = APP.split_at("https://".len());
    for b in 0..=u8::MAX {
        let mut variants = vec![[scheme.as_bytes(), &[b], host.as_bytes()].concat()];
        for good in [APP, SUB] {
            variants.push([good.as_bytes(), &[b]].concat());
            variants.push([&[b], good.as_bytes()].concat());
            variants.push([&good.as_bytes()[..good.len() - 3], &[b], &good.as_bytes()[good.len() - 3..]].concat());
        }
        for v in variants {
            // Only tab and obs-text get past `HeaderValue`; every other control byte is refused there.
            let Ok(value) = HeaderValue::from_bytes(&v) else { continue };
            let mut h = HeaderMap::new();
            h.insert(ORIGIN, value);
            assert!(allow_origin(&p, &h).is_err(), "{:?} was allowed", lossy(&v));
        }
    }
}

#[test]
fn repeated_origin_lines_are_denied() {
    let p = policy();
    for lines in [[APP, APP], [APP, "https://evil.example"], ["https://evil.example", APP], ["", APP], [APP, SUB]] {
        let h = map(&[(ORIGIN, lines[0].as_bytes()), (ORIGIN, lines[1].as_bytes())]);
        assert_eq!(allow_origin(&p, &h), Err(OriginDenied::Repeated), "{lines:?}");
    }
    let mut h = HeaderMap::new();
    for _ in 0..10_000 {
        h.append(ORIGIN, HeaderValue::from_static(APP));
    }
    assert_eq!(allow_origin(&p, &h), Err(OriginDenied::Repeated));
}

#[test]
fn any_origin_policy_answers_star_to_everyone() {
    let p = any_origin_policy();
    for (value, _) in bad_origins() {
        assert_eq!(allow_origin(&p, &origin(&value)), Ok(HeaderValue::from_static("*")), "{}", lossy(&value));
    }
    let h = granted(&p, &preflight(b"null", b"PUT", None), "null under \"*\"");
    assert_eq!(h.get(ACCESS_CONTROL_ALLOW_ORIGIN).unwrap(), "*");
    // The origin is not the only check: a hostile header list is still refused.
    let h = preflight(b"null", b"PUT", Some(&vec![b','; MIB]));
    assert_eq!(refused(&p, &h, "1 MiB of commas under \"*\""), PreflightError::Headers(AcrhError::TooManyEmpty));
}

// ---------------------------------------------------------------------------------------------
// Preflight: origin and method

#[test]
fn well_formed_preflight_is_granted() {
    let p = policy();
    let h = granted(&p, &preflight(APP.as_bytes(), b"PUT", Some(b"content-type,x-request-id")), "control");
    assert_eq!(h.get(ACCESS_CONTROL_ALLOW_ORIGIN).unwrap(), APP);
    assert_eq!(h.get(ACCESS_CONTROL_ALLOW_CREDENTIALS).unwrap(), "true");
    assert_eq!(h.get(ACCESS_CONTROL_ALLOW_METHODS).unwrap(), "PUT");
    assert_eq!(h.get(ACCESS_CONTROL_ALLOW_HEADERS).unwrap(), "content-type,x-request-id");
    assert_eq!(h.get(ACCESS_CONTROL_MAX_AGE).unwrap(), "600");
    assert_eq!(vary(&h), [VARY_PREFLIGHT.as_bytes()]);
    let h = granted(&p, &preflight(SUB.as_bytes(), b"GET", None), "control without headers");
    assert_eq!(h.get(ACCESS_CONTROL_ALLOW_ORIGIN).unwrap(), SUB);
    assert!(!h.contains_key(ACCESS_CONTROL_ALLOW_HEADERS));
}

#[test]
fn preflight_with_bad_origin_is_refused() {
    let p = policy();
    for (value, why) in bad_origins() {
        let h = preflight(&value, b"PUT", Some(b"content-type"));
        assert_eq!(refused(&p, &h, &lossy(&value)), PreflightError::Origin(why), "{}", lossy(&value));
    }
    let h = map(&[(ORIGIN, APP.as_bytes()), (ORIGIN, APP.as_bytes()), (ACCESS_CONTROL_REQUEST_METHOD, PUT)]);
    assert_eq!(refused(&p, &h, "two Origin lines"), PreflightError::Origin(OriginDenied::Repeated));
}

#[test]
fn preflight_with_bad_method_is_refused() {
    let p = policy();
    let mut cases: Vec<Vec<u8>> = [
        &b""[..],
        b"put",
        b"Put",
        b"PUT\xff",
        b"\xffPUT",
        b"\xe9",
        b"PUT\t",
        b"\tPUT",
        b"P\tUT",
        b"PUT, GET",
        b"PUT,PUT",
        b"PUT ",
        b"POST",
        b"*",
        b"CONNECT",
        b"null",
    ]
    .iter()
    .map(|v| v.to_vec())
    .collect();
    cases.push(vec![b'P'; MIB]);
    cases.push(b"PUT,".repeat(MIB / 4));
    cases.push([b"PUT".as_slice(), &vec![b' '; MIB]].concat());
    cases.push(vec![0x80; MIB]);
    for acrm in cases {
        let h = preflight(APP.as_bytes(), &acrm, None);
        assert_eq!(refused(&p, &h, &lossy(&acrm)), PreflightError::Method, "{}", lossy(&acrm));
    }
}

#[test]
fn preflight_with_repeated_or_missing_method_is_refused() {
    let p = policy();
    for lines in [[&b"PUT"[..], b"PUT"], [b"PUT", b"GET"], [b"PUT", b""], [b"", b"PUT"], [b"PUT", b"\xff"]] {
        let h = map(&[
            (ORIGIN, APP.as_bytes()),
            (ACCESS_CONTROL_REQUEST_METHOD, lines[0]),
            (ACCESS_CONTROL_REQUEST_METHOD, lines[1]),
        ]);
        assert_eq!(refused(&p, &h, &format!("{lines:?}")), PreflightError::MethodLines);
    }
    assert_eq!(refused(&p, &origin(APP.as_bytes()), "no method"), PreflightError::MethodLines);
}

// ---------------------------------------------------------------------------------------------
// Preflight: Access-Control-Request-Headers

#[test]
fn bad_request_headers_are_refused() {
    use AcrhError::*;
    let p = policy();
    let cases: Vec<(Vec<u8>, AcrhError)> = vec![
        (b"content-type,\xff".to_vec(), NotAToken),
        (b"content-type\xff".to_vec(), NotAToken),
        (b"\xffcontent-type".to_vec(), NotAToken),
        (b"x-r\xe9quest-id".to_vec(), NotAToken),
        (b"content-type;q=1".to_vec(), NotAToken),
        (b"content\ttype".to_vec(), NotAToken),
        (b"content type".to_vec(), NotAToken),
        (b"\"content-type\"".to_vec(), NotAToken),
        (b"content-type, x-evil".to_vec(), NotAllowed),
        (b"authorization".to_vec(), NotAllowed),
        (b"cookie".to_vec(), NotAllowed),
        (b"   content-type".to_vec(), TooMuchWhitespace),
        (b"content-type \t ".to_vec(), TooMuchWhitespace),
        (b" content-type\t\t".to_vec(), TooMuchWhitespace),
        (b",".repeat(MAX_EMPTY + 1), TooManyEmpty),
        (vec!["content-type"; MAX_NAMES + 1].join(",").into_bytes(), TooManyNames),
        // 1 MiB, in every shape: each is refused at the first breach.
        (vec![b','; MIB], TooManyEmpty),
        (b", ".repeat(MIB / 2), TooManyEmpty),
        (vec![b' '; MIB], TooMuchWhitespace),
        (vec![b'\t'; MIB], TooMuchWhitespace),
        (b"content-type,".repeat(MIB / 13), TooManyNames),
        (b"x-request-id, ".repeat(MIB / 14), TooManyNames),
        (vec![b'a'; MIB], NotAllowed),
        (b"content-type".repeat(MIB / 12), NotAllowed),
        (b"x-request-id;".repeat(MIB / 13), NotAToken),
        (vec![0x80; MIB], NotAToken),
    ];
    for (value, why) in cases {
        let h = preflight(APP.as_bytes(), b"PUT", Some(&value));
        assert_eq!(refused(&p, &h, &lossy(&value)), PreflightError::Headers(why), "{}", lossy(&value));
    }
}

#[test]
fn request_headers_limits_have_two_sides() {
    let p = policy();
    let ok = |v: &[u8]| granted(&p, &preflight(APP.as_bytes(), b"PUT", Some(v)), &lossy(v));
    assert!(!ok(&b",".repeat(MAX_EMPTY - 1)).contains_key(ACCESS_CONTROL_ALLOW_HEADERS));
    let names = vec!["Content-Type"; MAX_NAMES].join(",");
    assert_eq!(ok(names.as_bytes()).get(ACCESS_CONTROL_ALLOW_HEADERS).unwrap(), "content-type");
    // Up to two bytes of whitespace per element, on either side.
    let spaced = b"\tcontent-type ,  X-Request-Id,x-request-id\t\t";
    assert_eq!(ok(spaced).get(ACCESS_CONTROL_ALLOW_HEADERS).unwrap(), "content-type,x-request-id");
    assert!(!ok(b"").contains_key(ACCESS_CONTROL_ALLOW_HEADERS));
}

#[test]
fn request_headers_over_many_lines_are_refused() {
    let p = policy();
    let lines = |n: usize, v: &'static str| {
        let mut h = preflight(APP.as_bytes(), b"PUT", None);
        for _ in 0..n {
            h.append(ACCESS_CONTROL_REQUEST_HEADERS, HeaderValue::from_static(v));
        }
        h
    };
    let tme = PreflightError::Headers(AcrhError::TooManyEmpty);
    let tmn = PreflightError::Headers(AcrhError::TooManyNames);
    assert_eq!(refused(&p, &lines(MAX_EMPTY + 1, ""), "17 empty lines"), tme);
    assert_eq!(refused(&p, &lines(100_000, ""), "100 000 empty lines"), tme);
    assert_eq!(refused(&p, &lines(MAX_NAMES + 1, "content-type"), "65 lines"), tmn);
    assert_eq!(refused(&p, &lines(100_000, "x-request-id"), "100 000 lines"), tmn);
    // Controls: at the limits, several lines are joined and answered.
    granted(&p, &lines(MAX_EMPTY, ""), "16 empty lines");
    let h = granted(&p, &lines(MAX_NAMES, "x-request-id"), "64 lines");
    assert_eq!(h.get(ACCESS_CONTROL_ALLOW_HEADERS).unwrap(), "x-request-id");
}

#[test]
fn one_stray_byte_in_request_headers() {
    let p = policy();
    for b in 0..=u8::MAX {
        for v in [[b"content-type".as_slice(), &[b]].concat(), [&[b], b"content-type".as_slice()].concat()] {
            let Ok(value) = HeaderValue::from_bytes(&v) else { continue };
            let mut h = preflight(APP.as_bytes(), b"PUT", None);
            h.insert(ACCESS_CONTROL_REQUEST_HEADERS, value);
            // A separator or whitespace leaves `content-type` intact; anything else spoils it.
            if matches!(b, b',' | b' ' | b'\t') {
                let res = granted(&p, &h, &lossy(&v));
                assert_eq!(res.get(ACCESS_CONTROL_ALLOW_HEADERS).unwrap(), "content-type");
            } else {
                refused(&p, &h, &lossy(&v));
            }
        }
    }
}

#[test]
fn any_header_policy_caps_name_length() {
    let p = any_header_policy();
    let ask = |v: &[u8]| preflight(APP.as_bytes(), b"PUT", Some(v));
    let long = vec![b'a'; 1024];
    let h = granted(&p, &ask(&long), "a 1024-byte name");
    assert_eq!(h.get(ACCESS_CONTROL_ALLOW_HEADERS).unwrap().as_bytes(), &long[..]);
    for (value, why) in [
        (vec![b'a'; 1025], AcrhError::NotAllowed),
        (vec![b'a'; MIB], AcrhError::NotAllowed),
        (b"a,".repeat(MIB / 2), AcrhError::TooManyNames),
        (vec![b','; MIB], AcrhError::TooManyEmpty),
        (vec![0xfe; MIB], AcrhError::NotAToken),
        // `*` never covers `authorization`.
        (b"x-a,Authorization".to_vec(), AcrhError::NotAllowed),
    ] {
        assert_eq!(refused(&p, &ask(&value), &lossy(&value)), PreflightError::Headers(why), "{}", lossy(&value));
    }
}

/// What a preflight may make the server echo is bounded: [`MAX_ECHO`] bytes of names as
/// received, commas and repeated names included, and not one byte more.
#[test]
fn echoed_names_are_bounded_with_two_sides() {
    let p = any_header_policy();
    let ask = |v: &[u8]| preflight(APP.as_bytes(), b"PUT", Some(v));
    // Three 1,024-byte names and one that brings the list, commas included, to the bound.
    let names = |last: usize| {
        let mut list: Vec<String> =
            (b'a'..=b'c').map(|c| format!("x-{}", (c as char).to_string().repeat(1022))).collect();
        list.push(format!("x-{}", "d".repeat(last - 2)));
        list.join(",")
    };
    let at = names(MAX_ECHO - 3 * 1025);
    assert_eq!(at.len(), MAX_ECHO);
    let h = granted(&p, &ask(at.as_bytes()), "names at the bound");
    assert_eq!(h.get(ACCESS_CONTROL_ALLOW_HEADERS).unwrap().as_bytes(), at.as_bytes());
    let over = names(MAX_ECHO - 3 * 1025 + 1);
    assert_eq!(refused(&p, &ask(over.as_bytes()), "one byte over"), PreflightError::Headers(AcrhError::TooLong));
    // Repeats count as received, though the answer lists each name once.
    let repeated = vec!["x-".to_owned() + &"r".repeat(1000); 5].join(",");
    assert!(repeated.len() > MAX_ECHO);
    assert_eq!(refused(&p, &ask(repeated.as_bytes()), "repeats"), PreflightError::Headers(AcrhError::TooLong));
}

// ---------------------------------------------------------------------------------------------
// Actual requests

/// A handler's response headers that claim more than the policy allows.
fn leaky_response() -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    h.insert(ACCESS_CONTROL_ALLOW_CREDENTIALS, HeaderValue::from_static("true"));
    h.insert(ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("set-cookie"));
    h
}

#[test]
fn actual_response_for_bad_origin_has_no_cors_headers() {
    let p = policy();
    for (value, _) in bad_origins() {
        let acao = allow_origin(&p, &origin(&value)).ok();
        let mut res = leaky_response();
        apply_actual(&p, acao, &mut res);
        assert_no_cors(&res, &lossy(&value));
        assert_eq!(vary(&res), [b"Origin"], "{}", lossy(&value));
    }
}

/// Control for the test above: an allowed origin gets its CORS headers, and the policy's
/// values replace the handler's.
#[test]
fn actual_response_for_allowed_origin_has_cors_headers() {
    let p = policy();
    for good in [APP, SUB] {
        let acao = allow_origin(&p, &origin(good.as_bytes())).ok();
        let mut res = leaky_response();
        apply_actual(&p, acao, &mut res);
        assert_eq!(res.get(ACCESS_CONTROL_EXPOSE_HEADERS).unwrap(), "x-total-count");
        assert_eq!(res.get(ACCESS_CONTROL_ALLOW_CREDENTIALS).unwrap(), "true");
        assert_eq!(res.get(ACCESS_CONTROL_ALLOW_ORIGIN).map(HeaderValue::as_bytes), Some(good.as_bytes()), "{good}");
    }
}

// ---------------------------------------------------------------------------------------------
// Through a real actix-web service

async fn handler() -> HttpResponse {
    HttpResponse::Ok().insert_header(("x-handler", "ran")).body("handled")
}

async fn leaky_handler() -> HttpResponse {
    let mut res = HttpResponse::Ok().insert_header(("x-handler", "ran")).body("handled");
    for (name, value) in leaky_response().iter() {
        res.headers_mut().insert(name.clone(), value.clone());
    }
    res
}

macro_rules! app {
    ($policy:expr) => {
        init_service(
            App::new()
                .wrap(Cors::new(Arc::new($policy)))
                .route("/items", web::get().to(handler))
                .route("/items", web::put().to(handler))
                .route("/leaky", web::get().to(leaky_handler)),
        )
        .await
    };
}

fn request(method: Method, path: &str, lines: &[(HeaderName, &[u8])]) -> TestRequest {
    let mut req = TestRequest::default().method(method).uri(path);
    for (name, value) in lines {
        req = req.append_header((name.clone(), hv(value)));
    }
    req
}

/// Status, headers and body of one request to `app`.
macro_rules! send {
    ($app:expr, $req:expr) => {{
        let res = call_service(&$app, $req.to_request()).await;
        let (status, headers) = (res.status(), res.headers().clone());
        (status, headers, read_body(res).await)
    }};
}

#[actix_web::test]
async fn service_answers_well_formed_requests() {
    let app = app!(policy());
    let pf = [(ORIGIN, APP.as_bytes()), (ACCESS_CONTROL_REQUEST_METHOD, PUT)];
    let (status, h, body) = send!(app, request(Method::OPTIONS, "/items", &pf));
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(h.get(ACCESS_CONTROL_ALLOW_ORIGIN).unwrap(), APP);
    assert!(body.is_empty() && !h.contains_key("x-handler"));
    let (status, h, body) = send!(app, request(Method::GET, "/items", &[]));
    assert_eq!((status, &body[..]), (StatusCode::OK, &b"handled"[..]));
    assert_no_cors(&h, "no Origin");
    assert_eq!(vary(&h), [b"Origin"]);
}

/// Control for the service tests: an allowed origin gets `Access-Control-Allow-Origin`.
#[actix_web::test]
async fn service_decorates_allowed_actual_requests() {
    let app = app!(policy());
    for path in ["/items", "/leaky"] {
        let (status, h, _) = send!(app, request(Method::GET, path, &[(ORIGIN, APP.as_bytes())]));
        assert_eq!(status, StatusCode::OK);
        assert_eq!(h.get(ACCESS_CONTROL_ALLOW_CREDENTIALS).unwrap(), "true");
        assert_eq!(h.get(ACCESS_CONTROL_ALLOW_ORIGIN).map(HeaderValue::as_bytes), Some(APP.as_bytes()), "{path}");
    }
}

#[actix_web::test]
async fn service_refuses_preflights_from_bad_origins() {
    let app = app!(policy());
    for (value, _) in bad_origins() {
        let lines = [(ORIGIN, &value[..]), (ACCESS_CONTROL_REQUEST_METHOD, PUT)];
        let (status, h, body) = send!(app, request(Method::OPTIONS, "/items", &lines));
        let what = lossy(&value);
        assert_eq!(status, StatusCode::FORBIDDEN, "{what}");
        assert_no_cors(&h, &what);
        assert_eq!(vary(&h), [VARY_PREFLIGHT.as_bytes()], "{what}");
        assert!(body.is_empty() && !h.contains_key("x-handler"), "{what}");
    }
    let lines = [(ORIGIN, APP.as_bytes()), (ORIGIN, APP.as_bytes()), (ACCESS_CONTROL_REQUEST_METHOD, PUT)];
    let (status, h, _) = send!(app, request(Method::OPTIONS, "/items", &lines));
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_no_cors(&h, "two Origin lines");
}

#[actix_web::test]
async fn service_refuses_hostile_request_headers() {
    let app = app!(policy());
    for acrh in [vec![b','; MIB], vec![b' '; MIB], b"content-type,".repeat(MIB / 13), vec![b'a'; MIB], vec![0x80; 64]] {
        let lines =
            [(ORIGIN, APP.as_bytes()), (ACCESS_CONTROL_REQUEST_METHOD, PUT), (ACCESS_CONTROL_REQUEST_HEADERS, &acrh)];
        let (status, h, body) = send!(app, request(Method::OPTIONS, "/items", &lines));
        assert_eq!(status, StatusCode::FORBIDDEN, "{}", lossy(&acrh));
        assert_no_cors(&h, &lossy(&acrh));
        assert!(body.is_empty() && !h.contains_key("x-handler"));
    }
    // Two method lines, the first one answerable: the middleware takes the preflight by its
    // first line and refuses it (POLICY §3: exactly one line), rather than passing a
    // preflight-shaped request on to routing, where a catch-all handler could take it.
    let lines = [(ORIGIN, APP.as_bytes()), (ACCESS_CONTROL_REQUEST_METHOD, PUT), (ACCESS_CONTROL_REQUEST_METHOD, PUT)];
    let (status, h, _) = send!(app, request(Method::OPTIONS, "/items", &lines));
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_no_cors(&h, "two method lines");
    assert!(!h.contains_key("x-handler"));
    assert_eq!(refused(&policy(), &map(&lines), "two method lines"), PreflightError::MethodLines);
}

/// A preflight for a method the policy does not answer reaches normal routing, as it would
/// without the middleware, and gets no CORS headers.
#[actix_web::test]
async fn service_passes_unanswered_methods_to_routing() {
    let app = app!(policy());
    let plain =
        init_service(App::new().route("/items", web::get().to(handler)).route("/items", web::put().to(handler))).await;
    let mut methods: Vec<Vec<u8>> =
        [&b""[..], b"put", b"PUT\xff", b"\xe9", b"PUT\t", b"PUT, GET", b"DELETE"].iter().map(|m| m.to_vec()).collect();
    methods.push(vec![b'P'; MIB]);
    for acrm in methods {
        let lines = [(ORIGIN, APP.as_bytes()), (ACCESS_CONTROL_REQUEST_METHOD, &acrm[..])];
        let (status, h, _) = send!(app, request(Method::OPTIONS, "/items", &lines));
        let (plain_status, _, _) = send!(plain, request(Method::OPTIONS, "/items", &lines));
        assert!(!status.is_success(), "{}", lossy(&acrm));
        assert_eq!(status, plain_status, "{}", lossy(&acrm));
        assert_no_cors(&h, &lossy(&acrm));
        assert!(!h.contains_key("x-handler"));
    }
}

#[actix_web::test]
async fn service_runs_handler_without_cors_headers_for_bad_origins() {
    let app = app!(policy());
    for (value, _) in bad_origins() {
        for path in ["/items", "/leaky"] {
            let (status, h, body) = send!(app, request(Method::GET, path, &[(ORIGIN, &value[..])]));
            let what = format!("{path} {}", lossy(&value));
            // The handler always runs; only the CORS headers are withheld.
            assert_eq!((status, &body[..]), (StatusCode::OK, &b"handled"[..]), "{what}");
            assert_eq!(h.get("x-handler").unwrap(), "ran", "{what}");
            assert_no_cors(&h, &what);
            assert_eq!(vary(&h), [b"Origin"], "{what}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Cross-origin writes (POLICY §4)

/// A `PUT` to the app; returns its status, headers and body.
macro_rules! put {
    ($app:expr, $lines:expr) => {
        send!($app, request(Method::PUT, "/items", $lines))
    };
}

#[actix_web::test]
async fn writes_from_bad_origins_are_refused_before_the_handler() {
    let app = app!(policy());
    for (value, _) in bad_origins() {
        for site in [None, Some(&b"cross-site"[..])] {
            let mut lines = vec![(ORIGIN, &value[..])];
            lines.extend(site.map(|s| (HeaderName::from_static("sec-fetch-site"), s)));
            let (status, h, body) = put!(app, &lines);
            let what = format!("{} {site:?}", lossy(&value));
            assert_eq!(status, StatusCode::FORBIDDEN, "{what}");
            assert!(body.is_empty() && !h.contains_key("x-handler"), "{what}");
            assert_no_cors(&h, &what);
            assert_eq!(vary(&h), [b"Origin"], "{what}");
        }
    }
    // Controls: an allowed origin writes; so does a client that is no browser.
    let (status, h, _) = put!(app, &[(ORIGIN, APP.as_bytes())]);
    assert_eq!(status, StatusCode::OK);
    assert_eq!(h.get(ACCESS_CONTROL_ALLOW_ORIGIN).map(HeaderValue::as_bytes), Some(APP.as_bytes()));
    let (status, h, _) = put!(app, &[]);
    assert_eq!((status, h.get("x-handler").is_some()), (StatusCode::OK, true));
}

/// `Sec-Fetch-Site` and `Host` values no browser sends never make a cross-origin write look
/// same-origin: only `same-origin` and `none`, byte for byte on one line, and a `Host` equal
/// byte for byte to the `Origin`'s `host[:port]`, on one line, do.
#[actix_web::test]
async fn odd_fetch_metadata_and_host_never_pass_for_same_origin() {
    let app = app!(policy());
    const EVIL: &[u8] = b"https://evil.example";
    let site = HeaderName::from_static("sec-fetch-site");
    let huge = [b"same-origin".as_slice(), &vec![b' '; MIB]].concat();
    let odd_sites: [&[&[u8]]; 9] = [
        &[b"SAME-ORIGIN"],
        &[b"Same-Origin"],
        &[b" same-origin"],
        &[b"same-origin, none"],
        &[b"same-origin\xff"],
        &[b"same-origin", b"same-origin"],
        &[b"none", b"none"],
        &[b""],
        &[&huge],
    ];
    for lines in odd_sites {
        let mut all = vec![(ORIGIN, EVIL)];
        all.extend(lines.iter().map(|l| (site.clone(), *l)));
        let (status, h, _) = put!(app, &all);
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "Sec-Fetch-Site {:?}",
            lines.iter().map(|l| lossy(l)).collect::<Vec<_>>()
        );
        assert!(!h.contains_key("x-handler"));
    }
    let huge_host = vec![b'e'; MIB];
    let odd_hosts: [&[&[u8]]; 7] = [
        &[b"EVIL.EXAMPLE"],
        &[b"evil.example."],
        &[b"evil.example:443"],
        &[b"evil.example\t"],
        &[b"evil.example", b"evil.example"],
        &[b""],
        &[&huge_host],
    ];
    for lines in odd_hosts {
        let mut all = vec![(ORIGIN, EVIL)];
        all.extend(lines.iter().map(|l| (HOST, *l)));
        let (status, h, _) = put!(app, &all);
        assert_eq!(status, StatusCode::FORBIDDEN, "Host {:?}", lines.iter().map(|l| lossy(l)).collect::<Vec<_>>());
        assert!(!h.contains_key("x-handler"));
    }
    // Controls: the same write from the server's own origin runs, by either signal.
    for lines in
        [vec![(ORIGIN, EVIL), (site.clone(), &b"same-origin"[..])], vec![(ORIGIN, EVIL), (HOST, &b"evil.example"[..])]]
    {
        let (status, h, _) = put!(app, &lines);
        assert_eq!(status, StatusCode::OK, "{lines:?}");
        assert_no_cors(&h, "same origin, not an allowed one");
    }
}
