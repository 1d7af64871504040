//! [`Cors`]: the actix-web middleware that serves a [`Policy`].

use std::future::{Ready, ready};
use std::ops::Deref;
use std::pin::Pin;
use std::task::{Context, Poll};

use actix_web::Error;
use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform, forward_ready};
use actix_web::http::Method;
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
        let acao = if req.method() == Method::OPTIONS && classify(req.method(), req.headers()) == RequestKind::Preflight
        {
            let asked = req.headers().get(ACCESS_CONTROL_REQUEST_METHOD).map(HeaderValue::as_bytes);
            if asked.is_some_and(|m| policy.answers_method(m)) {
                return CorsFuture::Preflight { req: Some(req), policy: self.policy.clone() };
            }
            // Not ours to answer: routing decides, and the answer carries no CORS headers,
            // whatever the handler that takes it sets.
            None
        } else {
            policy.allow_origin(req.headers()).ok()
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
        /// A preflight the policy answers itself, when polled.
        Preflight { req: Option<ServiceRequest>, policy: P },
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
            CorsFutureProj::Preflight { req, policy } => {
                let req = req.take().expect("polled after completion");
                let res = policy.preflight_response(req.headers());
                Poll::Ready(Ok(req.into_response(res).map_into_right_body()))
            }
            CorsFutureProj::Inner { fut, policy, acao } => match fut.poll(cx) {
                Poll::Pending => Poll::Pending,
                Poll::Ready(res) => {
                    Poll::Ready(decorate(res, policy, acao.take()).map(ServiceResponse::map_into_left_body))
                }
            },
        }
    }
}

/// Applies the policy to a response, or, for an error from a service further in, to the
/// response that error becomes further out.
fn decorate<B, P>(
    res: Result<ServiceResponse<B>, Error>,
    policy: &P,
    acao: Option<HeaderValue>,
) -> Result<ServiceResponse<B>, Error>
where
    P: Deref<Target = Policy> + Clone + 'static,
{
    match res {
        Ok(mut res) => {
            policy.apply_actual(acao, res.headers_mut());
            Ok(res)
        }
        Err(mut err) => {
            let policy = policy.clone();
            err.add_response_mapper(move |mut res| {
                policy.apply_actual(acao.clone(), res.headers_mut());
                res
            });
            Err(err)
        }
    }
}

/// The middleware `#[cors]` puts on its route: it only decorates responses. The route's method
/// guard keeps preflights away from it (they go to the generated preflight resource), so it
/// needs neither a second body type nor a preflight path, and costs less per request.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct RouteCors {
    policy: &'static Policy,
}

impl RouteCors {
    pub(crate) const fn new(policy: &'static Policy) -> Self {
        RouteCors { policy }
    }
}

impl<S, B> Transform<S, ServiceRequest> for RouteCors
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
{
    type Response = ServiceResponse<B>;
    type Error = Error;
    type Transform = RouteCorsService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(RouteCorsService { service, policy: self.policy }))
    }
}

#[doc(hidden)]
#[derive(Debug)]
pub struct RouteCorsService<S> {
    service: S,
    policy: &'static Policy,
}

impl<S, B> Service<ServiceRequest> for RouteCorsService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
{
    type Response = ServiceResponse<B>;
    type Error = Error;
    type Future = RouteCorsFuture<S::Future>;

    forward_ready!(service);

    fn call(&self, req: ServiceRequest) -> Self::Future {
        let acao = self.policy.allow_origin(req.headers()).ok();
        RouteCorsFuture { fut: self.service.call(req), policy: self.policy, acao }
    }
}

pin_project! {
    #[doc(hidden)]
    pub struct RouteCorsFuture<F> {
        #[pin]
        fut: F,
        policy: &'static Policy,
        acao: Option<HeaderValue>,
    }
}

impl<F, B> std::future::Future for RouteCorsFuture<F>
where
    F: std::future::Future<Output = Result<ServiceResponse<B>, Error>>,
{
    type Output = Result<ServiceResponse<B>, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        match this.fut.poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(res) => Poll::Ready(decorate(res, this.policy, this.acao.take())),
        }
    }
}
