//! A vector as an actix-web request, and the check of what came back. Both conformance suites
//! (the run-time builder's and the attribute's) use this code, so they check the same things.

use actix_web::body::MessageBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::header::{HOST, HeaderMap, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::test::TestRequest;
use serde_json::Value;

use crate::vectors::Vector;

/// The field lines of one request header: a string is one line, an array several, and an
/// object `{repeat, count, prefix?, suffix?}` one line built from its parts.
fn field_lines(value: &Value) -> Vec<Vec<u8>> {
    match value {
        Value::String(s) => vec![s.as_bytes().to_vec()],
        Value::Array(a) => a.iter().flat_map(field_lines).collect(),
        Value::Object(o) => {
            let part = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("");
            let count = o["count"].as_u64().expect("count") as usize;
            vec![format!("{}{}{}", part("prefix"), part("repeat").repeat(count), part("suffix")).into_bytes()]
        }
        other => panic!("unexpected header value {other}"),
    }
}

/// The vector's request, aimed at its route. A `Host` header is the request's own host, the
/// one POLICY §4 compares `Origin` with (the test request's URI has no authority of its own).
pub fn request(v: &Vector) -> TestRequest {
    let method = Method::from_bytes(v.request["method"].as_str().expect("method").as_bytes()).expect("method");
    let mut req = TestRequest::default().method(method).uri(&v.path());
    for (name, value) in v.request["headers"].as_object().expect("headers") {
        let name = HeaderName::from_bytes(name.as_bytes()).expect("header name");
        let lines = field_lines(value);
        if name == HOST {
            let [host] = &lines[..] else { panic!("{}: one Host line, not {}", v.id, lines.len()) };
            req = req.insert_header((HOST, HeaderValue::from_bytes(host).expect("header value")));
            continue;
        }
        for line in lines {
            req = req.append_header((name.clone(), HeaderValue::from_bytes(&line).expect("header value")));
        }
    }
    req
}

/// What a response looked like: status, headers and body.
#[derive(Debug, Clone)]
pub struct Observed {
    /// The status.
    pub status: StatusCode,
    /// Every header line.
    pub headers: HeaderMap,
    /// The whole body (empty when it could not be read).
    pub body: Vec<u8>,
}

impl Observed {
    /// Reads a whole response.
    pub async fn from_response<B: MessageBody>(res: ServiceResponse<B>) -> Observed {
        let status = res.status();
        let headers = res.headers().clone();
        let body = actix_web::body::to_bytes(res.into_body()).await.map(|b| b.to_vec()).unwrap_or_default();
        Observed { status, headers, body }
    }
}

/// The comma-separated tokens of every line of a header.
fn tokens(res: &Observed, name: &str) -> Vec<String> {
    res.headers
        .get_all(name)
        .flat_map(|v| v.to_str().unwrap_or("\u{fffd}").split(',').map(|t| t.trim().to_owned()).collect::<Vec<_>>())
        .filter(|t| !t.is_empty())
        .collect()
}

fn same_set(mut a: Vec<String>, mut b: Vec<String>, fold_case: bool) -> bool {
    if fold_case {
        a.iter_mut().chain(b.iter_mut()).for_each(|t| *t = t.to_ascii_lowercase());
    }
    a.sort();
    a.dedup();
    b.sort();
    b.dedup();
    a == b
}

/// Checks a response against the vector's expectations.
/// Returns every mismatch, so that one run shows all of them.
pub fn check(v: &Vector, res: &Observed) -> Vec<String> {
    let mut bad = Vec::new();
    let status = res.status;
    let body = res.body.as_slice();
    let class = v.expect["status_class"].as_str().expect("status_class");
    let handler_ran = status.as_u16() == 200 && body == b"ok";
    match class {
        "preflight-ok" => {
            if status.as_u16() != 204 || !body.is_empty() {
                bad.push(format!("expected 204 with an empty body, got {status} {:?}", String::from_utf8_lossy(body)));
            }
        }
        "preflight-rejected" => {
            if status.is_success() || handler_ran {
                bad.push(format!("expected a non-2xx rejection, got {status}"));
            }
        }
        // POLICY §4: a cross-origin write or WebSocket handshake refused before the handler.
        "refused" => {
            if status != StatusCode::FORBIDDEN || handler_ran {
                bad.push(format!("expected 403 without running the handler, got {status}"));
            }
        }
        "actual" if v.request_routed() => {
            if !handler_ran {
                bad.push(format!("expected the handler to run (200 \"ok\"), got {status}"));
            }
        }
        "actual" => {
            // Not routed to the handler: it must reach normal routing, not a preflight answer.
            if status.is_success() {
                bad.push(format!("expected the request to fall through to routing, got {status}"));
            }
        }
        other => bad.push(format!("unknown status_class {other}")),
    }
    for (name, want) in v.expect["headers_present"].as_object().expect("headers_present") {
        let want = want.as_str().expect("string");
        let lines: Vec<&HeaderValue> = res.headers.get_all(name.as_str()).collect();
        if lines.is_empty() {
            bad.push(format!("missing {name}: {want}"));
            continue;
        }
        let lower = name.to_ascii_lowercase();
        let ok = match lower.as_str() {
            "access-control-allow-methods" | "access-control-allow-headers" | "access-control-expose-headers" => {
                let want: Vec<String> =
                    want.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
                same_set(tokens(res, name), want, lower != "access-control-allow-methods")
            }
            _ => lines.len() == 1 && lines[0].as_bytes() == want.as_bytes(),
        };
        if !ok {
            bad.push(format!("{name}: expected {want:?}, got {lines:?}"));
        }
    }
    for name in v.expect["headers_absent"].as_array().expect("headers_absent") {
        let name = name.as_str().unwrap();
        if let Some(got) = res.headers.get(name) {
            bad.push(format!("{name} must be absent, got {got:?}"));
        }
    }
    let vary: Vec<String> = tokens(res, "vary").into_iter().map(|t| t.to_ascii_lowercase()).collect();
    for want in v.expect["vary_contains"].as_array().expect("vary_contains") {
        let want = want.as_str().unwrap().to_ascii_lowercase();
        if !vary.contains(&want) {
            bad.push(format!("Vary lacks {want}: {vary:?}"));
        }
    }
    let mut seen = vary.clone();
    seen.sort();
    seen.dedup();
    if seen.len() != vary.len() {
        bad.push(format!("Vary repeats a token: {vary:?}"));
    }
    bad
}

/// Runs every vector through `call`, which sends the request to an app and returns what
/// came back, and panics with every mismatch of every vector at once.
pub async fn run_all<F, Fut>(vectors: &[Vector], mut call: F)
where
    F: FnMut(&Vector, TestRequest) -> Fut,
    Fut: std::future::Future<Output = Observed>,
{
    let mut failures = Vec::new();
    for v in vectors {
        let res = call(v, request(v)).await;
        let bad = check(v, &res);
        if !bad.is_empty() {
            failures.push(format!("{}:\n    {}", v.id, bad.join("\n    ")));
        }
    }
    assert!(failures.is_empty(), "{} of {} vectors failed:\n{}", failures.len(), vectors.len(), failures.join("\n"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vectors::protection_vectors;

    fn vector(class: &str) -> Vector {
        Vector {
            id: "x".into(),
            route_methods: vec!["POST".into()],
            cors: Value::Null,
            request: serde_json::json!({ "method": "POST", "headers": {} }),
            expect: serde_json::json!({
                "status_class": class,
                "headers_present": {},
                "headers_absent": ["Access-Control-Allow-Origin"],
                "vary_contains": ["Origin"],
            }),
        }
    }

    fn observed(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Observed {
        let mut h = HeaderMap::new();
        for (n, v) in headers {
            h.append(HeaderName::from_bytes(n.as_bytes()).unwrap(), HeaderValue::from_str(v).unwrap());
        }
        Observed { status: StatusCode::from_u16(status).unwrap(), headers: h, body: body.to_vec() }
    }

    #[test]
    fn refused_means_403_without_the_handler() {
        let v = vector("refused");
        assert_eq!(check(&v, &observed(403, &[("vary", "Origin")], b"")), Vec::<String>::new());
        for wrong in [
            observed(200, &[("vary", "Origin")], b"ok"),
            observed(404, &[("vary", "Origin")], b""),
            observed(403, &[], b""),
            observed(403, &[("vary", "Origin"), ("access-control-allow-origin", "https://evil.example")], b""),
        ] {
            assert!(!check(&v, &wrong).is_empty(), "{wrong:?}");
        }
    }

    #[test]
    fn host_is_the_request_host() {
        let v = protection_vectors().into_iter().find(|v| v.request["headers"].get("Host").is_some()).expect("a Host");
        let req = request(&v).to_http_request();
        let want = v.request["headers"]["Host"].as_str().unwrap();
        let hosts: Vec<_> = req.headers().get_all(HOST).collect();
        assert_eq!(hosts, [want], "{}", v.id);
    }
}
