//! Request classification (POLICY §3): not CORS, preflight, or actual. Decided here and
//! nowhere else: the middleware, the preflight route's guard and [`is_preflight`] all ask it.

use actix_web::dev::{RequestHead, ServiceRequest};
use actix_web::http::Method;
use actix_web::http::header::{ACCESS_CONTROL_REQUEST_METHOD, HeaderMap, HeaderValue, ORIGIN};

use crate::engine::{OriginDenied, single_origin};

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
/// use cors_runtime::__private::{classify, RequestKind};
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
    look(method, headers).kind
}

/// What the engine reads first of a request: its kind, and its one `Origin` line (or why
/// there is none that could be allowed), with a single lookup of `Origin`.
pub(crate) struct Seen<'a> {
    pub(crate) kind: RequestKind,
    pub(crate) origin: Result<&'a HeaderValue, OriginDenied>,
}

#[inline]
pub(crate) fn look<'a>(method: &Method, headers: &'a HeaderMap) -> Seen<'a> {
    let origin = single_origin(headers);
    let has_origin = origin != Err(OriginDenied::Missing);
    let kind = if !has_origin {
        RequestKind::NotCors
    } else if is_preflight_shape(method, has_origin, headers) {
        RequestKind::Preflight
    } else {
        RequestKind::Actual
    };
    Seen { kind, origin }
}

/// The definition of a preflight (Fetch): `OPTIONS`, with `Origin` and
/// `Access-Control-Request-Method`. Gives the first line of the latter, the method asked for.
#[inline]
fn preflight_shape<'a>(
    method: &Method,
    has_origin: impl FnOnce() -> bool,
    headers: &'a HeaderMap,
) -> Option<&'a HeaderValue> {
    // The method first: it costs nothing, and most requests are no preflight.
    if *method != Method::OPTIONS {
        return None;
    }
    headers.get(ACCESS_CONTROL_REQUEST_METHOD).filter(|_| has_origin())
}

#[inline]
fn is_preflight_shape(method: &Method, has_origin: bool, headers: &HeaderMap) -> bool {
    preflight_shape(method, || has_origin, headers).is_some()
}

/// The method a preflight asks for: its first `Access-Control-Request-Method` line. Whoever
/// takes the preflight by it answers; a preflight with several lines is then refused by the
/// policy's check, rather than passed on to routing where a handler might take it.
#[inline]
pub fn requested_method<'a>(method: &Method, headers: &'a HeaderMap) -> Option<&'a HeaderValue> {
    preflight_shape(method, || headers.contains_key(ORIGIN), headers)
}

/// Whether a request is a CORS preflight: `OPTIONS` with `Origin` and
/// `Access-Control-Request-Method`.
///
/// This says what the request looks like, not who will answer it: do not use it to let
/// requests past authentication. A request that looks like a preflight but asks for a method
/// no policy answers reaches normal routing, and would reach your handlers unauthenticated.
/// Put [`Cors`](crate::Cors) outside the authentication middleware instead: it answers the
/// preflights its policy covers before authentication runs, and nothing else.
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

/// [`is_preflight`] for a request head, as guards see it.
pub fn is_preflight_head(head: &RequestHead) -> bool {
    classify(&head.method, &head.headers) == RequestKind::Preflight
}
