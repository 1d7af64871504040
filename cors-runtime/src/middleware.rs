//! [`Cors`]: the actix-web middleware that serves a [`Policy`].

use std::future::{Ready, ready};
use std::ops::Deref;
use std::pin::Pin;
use std::task::{Context, Poll};

use actix_web::Error;
use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform, forward_ready};
use actix_web::http::header::{ACCESS_CONTROL_REQUEST_METHOD, HeaderValue};
use pin_project_lite::pin_project;

use crate::{Policy, RequestKind, classify};

/// Middleware that serves a [`Policy`]: it answers the preflights the policy covers and
/// decorates every other response, error responses included.
///
/// `#[cors]` wraps each annotated route in one (with a `&'static Policy`). For policies built
/// at start-up, wrap an `App`, a `Scope` or a `Resource` with [`Cors::new`], giving an
/// `Arc<Policy>` or a `&'static Policy`:
///
/// ```
/// use std::sync::Arc;
/// use actix_web::{web, App, HttpResponse};
/// use cors_runtime::{Cors, Policy};
///
/// let policy = Arc::new(
///     Policy::builder().origins(["https://app.example.com"]).methods(["GET", "PUT"]).build().unwrap(),
/// );
/// let app = App::new().service(
///     web::scope("/api")
///         .wrap(Cors::new(policy.clone()))
///         .route("/items", web::get().to(HttpResponse::Ok)),
/// );
/// ```
///
/// A preflight asking for a method the policy does not list is passed on, so it reaches normal
/// routing as an unmatched request would; CORS headers are stripped from whatever answers it.
#[derive(Clone, Debug)]
pub struct Cors<P = &'static Policy> {
    policy: P,
}

impl Cors {
    /// Middleware serving a `static` policy, as `#[cors]` emits.
    pub const fn from_static(policy: &'static Policy) -> Self {
        Cors { policy }
    }
}

impl<P> Cors<P>
where
    P: Deref<Target = Policy> + Clone + 'static,
{
    /// Middleware serving `policy`.
    pub fn new(policy: P) -> Self {
        Cors { policy }
    }
}

impl<S, B, P> Transform<S, ServiceRequest> for Cors<P>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
    P: Deref<Target = Policy> + Clone + 'static,
{
    type Response = ServiceResponse<EitherBody<B, BoxBody>>;
    type Error = Error;
    type Transform = CorsService<S, P>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(CorsService { service, policy: self.policy.clone() }))
    }
}

/// The service made by [`Cors`].
#[derive(Debug)]
pub struct CorsService<S, P> {
    service: S,
    policy: P,
}

impl<S, B, P> Service<ServiceRequest> for CorsService<S, P>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
    P: Deref<Target = Policy> + Clone + 'static,
{
    type Response = ServiceResponse<EitherBody<B, BoxBody>>;
    type Error = Error;
    type Future = CorsFuture<S::Future, P>;

    forward_ready!(service);

    fn call(&self, req: ServiceRequest) -> Self::Future {
        let policy = &*self.policy;
        let acao = match classify(req.method(), req.headers()) {
            RequestKind::Preflight => {
                let asked = req.headers().get(ACCESS_CONTROL_REQUEST_METHOD).map(HeaderValue::as_bytes);
                if asked.is_some_and(|m| policy.answers_method(m)) {
                    let res = policy.preflight_response(req.headers());
                    return CorsFuture::Done { res: Some(req.into_response(res)) };
                }
                // Not ours to answer: routing decides, and the answer carries no CORS headers,
                // whatever the handler that takes it sets.
                None
            }
            RequestKind::Actual | RequestKind::NotCors => policy.allow_origin(req.headers()).ok(),
        };
        CorsFuture::Inner { fut: self.service.call(req), policy: self.policy.clone(), acao }
    }
}

pin_project! {
    /// The future of [`CorsService`]: no boxing, no allocation.
    #[project = CorsFutureProj]
    #[allow(missing_docs)]
    pub enum CorsFuture<F, P> {
        /// Waiting for the wrapped service.
        Inner { #[pin] fut: F, policy: P, acao: Option<HeaderValue> },
        /// Answered without calling the wrapped service.
        Done { res: Option<ServiceResponse> },
    }
}

impl<F, B, P> std::future::Future for CorsFuture<F, P>
where
    F: std::future::Future<Output = Result<ServiceResponse<B>, Error>>,
    B: MessageBody,
    P: Deref<Target = Policy> + Clone + 'static,
{
    type Output = Result<ServiceResponse<EitherBody<B, BoxBody>>, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.project() {
            CorsFutureProj::Done { res } => {
                let res = res.take().expect("polled after completion");
                Poll::Ready(Ok(res.map_into_right_body()))
            }
            CorsFutureProj::Inner { fut, policy, acao } => match fut.poll(cx) {
                Poll::Pending => Poll::Pending,
                Poll::Ready(Ok(mut res)) => {
                    policy.apply_actual(acao.take(), res.headers_mut());
                    Poll::Ready(Ok(res.map_into_left_body()))
                }
                Poll::Ready(Err(mut err)) => {
                    // Errors from services inside this one become responses further out; the
                    // mapper gives those responses the same headers.
                    let (policy, acao) = (policy.clone(), acao.take());
                    err.add_response_mapper(move |mut res| {
                        policy.apply_actual(acao.clone(), res.headers_mut());
                        res
                    });
                    Poll::Ready(Err(err))
                }
            },
        }
    }
}
