//! Request classification (POLICY §3): not CORS, preflight, or actual.

use actix_web::dev::{RequestHead, ServiceRequest};
use actix_web::http::Method;
use actix_web::http::header::{ACCESS_CONTROL_REQUEST_METHOD, HeaderMap, ORIGIN};

/// What kind of request this is, from the CORS protocol's point of view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestKind {
    /// No `Origin` header: not a CORS request.
    NotCors,
    /// `OPTIONS` with `Origin` and `Access-Control-Request-Method`.
    Preflight,
    /// Any other request with `Origin`.
    Actual,
}

/// Classifies a request by its method and headers.
///
/// ```
/// use actix_web::http::{Method, header::{HeaderMap, HeaderValue, ORIGIN, ACCESS_CONTROL_REQUEST_METHOD}};
/// use cors_runtime::{classify, RequestKind};
///
/// let mut h = HeaderMap::new();
/// assert_eq!(classify(&Method::OPTIONS, &h), RequestKind::NotCors);
/// h.insert(ORIGIN, HeaderValue::from_static("https://app.example.com"));
/// assert_eq!(classify(&Method::OPTIONS, &h), RequestKind::Actual);
/// h.insert(ACCESS_CONTROL_REQUEST_METHOD, HeaderValue::from_static("PUT"));
/// assert_eq!(classify(&Method::OPTIONS, &h), RequestKind::Preflight);
/// ```
#[inline]
pub fn classify(method: &Method, headers: &HeaderMap) -> RequestKind {
    if !headers.contains_key(ORIGIN) {
        RequestKind::NotCors
    } else if method == Method::OPTIONS && headers.contains_key(ACCESS_CONTROL_REQUEST_METHOD) {
        RequestKind::Preflight
    } else {
        RequestKind::Actual
    }
}

/// Whether a request is a CORS preflight.
///
/// Authentication middleware must let preflights through: browsers never attach credentials
/// to them, so a 401 makes every cross-origin call fail before it is sent.
///
/// ```
/// use actix_web::test::TestRequest;
/// use cors_runtime::is_preflight;
///
/// let req = TestRequest::default()
///     .method(actix_web::http::Method::OPTIONS)
///     .insert_header(("Origin", "https://app.example.com"))
///     .insert_header(("Access-Control-Request-Method", "PUT"))
///     .to_srv_request();
/// assert!(is_preflight(&req));
/// ```
pub fn is_preflight(req: &ServiceRequest) -> bool {
    is_preflight_head(req.head())
}

/// [`is_preflight`] for a [`RequestHead`], as guards and `HttpRequest::head` provide.
pub fn is_preflight_head(head: &RequestHead) -> bool {
    classify(&head.method, &head.headers) == RequestKind::Preflight
}
