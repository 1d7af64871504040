//! The `Cors` middleware through a real actix-web service, POLICY §4 included: an `App` with
//! `Cors::new(Arc<Policy>)` in front of a handler that answers `200 ok` with the input's
//! headers, driven by `actix_web::test::call_service` (one actix `System` per process).
//!
//! Each request must get what the reference owes it: refused (`403`, no CORS headers,
//! `Vary: Origin`, handler not run) exactly when `reference::expected_refusal` says so; a
//! preflight for one of the policy's methods answered by the middleware as the reference
//! says; any other preflight passed on to the handler with every CORS header stripped; any
//! other request handled and decorated as `Expect::check_actual_headers` requires.
//!
//! Input: the format of the `engine` target, three sections separated by a `--` line: policy
//! lines (see `parse_spec`); the request method, then `Name: value` header lines (a
//! `:authority: host` line sends the request with that authority in its URI, as HTTP/2
//! does, and makes it the host §4 compares `Origin` with); the handler's `Name: value` lines.
#![no_main]

use std::sync::Arc;

use actix_web::body::to_bytes;
use actix_web::http::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_METHOD,
    HeaderMap, HeaderValue, VARY,
};
use actix_web::http::{Method, StatusCode, Uri};
use actix_web::rt::{System, SystemRunner};
use actix_web::test::{TestRequest, call_service, init_service};
use actix_web::{App, HttpResponse, web};
use cors_fuzz::reference::{self, Acao};
use cors_fuzz::{Expect, Input, build, header_map};
use cors_policy::validate;
use cors_runtime::__private::{RequestKind, classify};
use cors_runtime::Cors;
use libfuzzer_sys::fuzz_target;

thread_local! {
    /// The actix system every input runs on: one per process, not one per input.
    static SYSTEM: SystemRunner = System::new();
}

/// The CORS response headers a passed-on preflight must not carry.
const CORS_HEADERS: [actix_web::http::header::HeaderName; 6] = [
    ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_ALLOW_CREDENTIALS,
    ACCESS_CONTROL_EXPOSE_HEADERS,
    ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_HEADERS,
    ACCESS_CONTROL_MAX_AGE,
];

/// What came back from the service.
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

fuzz_target!(|data: &[u8]| {
    let Input { spec, request, response } = Input::read(data);
    let (Ok(valid), Ok(policy)) = (validate(&spec), build(&spec)) else { return };

    let Some((method, request)) = request.split_first() else { return };
    let Ok(method) = Method::from_bytes(method) else { return };
    let authority = request.iter().find_map(|l| l.strip_prefix(b":authority: ")).and_then(|a| {
        let uri = Uri::try_from([b"http://", a, b"/v"].concat()).ok()?;
        uri.authority().is_some().then_some(uri)
    });
    let headers = header_map(request);
    let handler = header_map(&response);

    let answer = SYSTEM.with(|system| {
        system.block_on(serve(Arc::new(policy), method.clone(), authority.clone(), &headers, handler.clone()))
    });

    let expect = Expect::new(&spec, valid);
    let field = |name: &str| -> Vec<&[u8]> {
        match (name, &authority) {
            ("host", Some(uri)) => vec![uri.authority().expect("checked above").as_str().as_bytes()],
            _ => headers.get_all(name).map(HeaderValue::as_bytes).collect(),
        }
    };
    let acao = expect.acao(&headers);
    let handled = answer.status == StatusCode::OK && answer.body == b"ok";

    if classify(&method, &headers) == RequestKind::Preflight {
        // The middleware takes the preflights whose first `Access-Control-Request-Method` line
        // asks for one of the policy's methods; the others go on to routing, stripped.
        let first = headers.get(ACCESS_CONTROL_REQUEST_METHOD).map(HeaderValue::as_bytes).unwrap_or_default();
        if reference::method_answered(expect.valid.methods.as_deref(), first) {
            assert!(!handled, "the handler ran for a preflight the middleware takes");
            expect.check_preflight_answer(&headers, answer.status, &answer.headers, answer.body.is_empty());
        } else {
            assert!(handled, "a preflight for another method must reach routing, got {}", answer.status);
            for name in &CORS_HEADERS {
                assert!(!answer.headers.contains_key(name), "{name} on a passed-on preflight");
            }
            let vary = |h: &HeaderMap| h.get_all(VARY).cloned().collect::<Vec<_>>();
            assert_eq!(vary(&answer.headers), vary(&handler), "Vary changed on a passed-on preflight");
        }
        return;
    }

    let refused = reference::expected_refusal(
        !expect.any_origin(),
        spec.accept_cross_origin_writes,
        method.as_str().as_bytes(),
        field,
        acao != Acao::Nothing,
    );
    if refused {
        assert!(!handled, "POLICY §4: the handler ran for a refused request ({method})");
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "a refused request gets 403");
        assert!(
            answer.headers.keys().all(|k| !k.as_str().starts_with("access-control-")),
            "a refused request carries no CORS headers: {:?}",
            answer.headers
        );
        let vary: Vec<&[u8]> = answer.headers.get_all(VARY).map(HeaderValue::as_bytes).collect();
        assert!(
            reference::list_elements(vary).iter().any(|t| t.eq_ignore_ascii_case(b"origin")),
            "a refused request varies by Origin"
        );
    } else {
        assert!(handled, "POLICY §4: {method} refused with {}, the reference lets it through", answer.status);
        let acao = match acao {
            Acao::Star => Some(HeaderValue::from_static("*")),
            Acao::Echo(o) => Some(HeaderValue::from_bytes(o).expect("an origin line is a header value")),
            Acao::Nothing => None,
        };
        expect.check_actual_headers(acao.as_ref(), &handler, &answer.headers);
    }
});

/// One request through an `App` serving `policy` with `Cors::new`, in front of a handler that
/// answers `200 ok` with `handler`'s header lines.
async fn serve(
    policy: Arc<cors_runtime::Policy>,
    method: Method,
    uri: Option<Uri>,
    headers: &HeaderMap,
    handler: HeaderMap,
) -> Answer {
    let app = init_service(App::new().wrap(Cors::new(policy)).default_service(web::to(move || {
        let mut res = HttpResponse::Ok().body("ok");
        for (name, value) in &handler {
            res.headers_mut().append(name.clone(), value.clone());
        }
        async move { res }
    })))
    .await;
    let mut req = TestRequest::default().method(method);
    req = match uri {
        Some(uri) => req.uri(&uri.to_string()),
        None => req.uri("/v"),
    };
    for (name, value) in headers {
        req = req.append_header((name.clone(), value.clone()));
    }
    let res = call_service(&app, req.to_request()).await;
    let (status, headers) = (res.status(), res.headers().clone());
    let body = to_bytes(res.into_body()).await.map(|b| b.to_vec()).unwrap_or_default();
    Answer { status, headers, body }
}
