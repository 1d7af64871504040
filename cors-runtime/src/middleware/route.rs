//! [`RouteCors`]: the middleware `#[cors]` puts on its route, as the outermost `wrap`.
//!
//! It answers the route's preflights (its resource's guard admits only the preflights for the
//! methods the route serves, so the handler never sees one), refuses what POLICY §4 refuses,
//! and decorates every other response, errors included. A refusal is a response, not an
//! error, so that `actix_web::test::call_service` shows it as the browser would see it.

use std::future::{Ready, ready};
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll};

use actix_web::Error;
use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform, forward_ready};
use pin_project_lite::pin_project;

use super::{After, Before, Takes, TenantLoad, before, finish, refused_response, tenant_lookup};
use crate::Policy;
use crate::tenant::{Lookup, OriginSet};

/// The route middleware: the policy, the methods whose preflights it answers with `204`
/// (the others the route serves get `403`), and the route's path for logs.
#[derive(Clone, Copy, Debug)]
pub struct RouteCors {
    policy: &'static Policy,
    answered: &'static [&'static str],
    route: &'static str,
}

impl RouteCors {
    /// The middleware for `policy` on the route at `route`, answering preflights for
    /// `answered`.
    pub const fn new(policy: &'static Policy, answered: &'static [&'static str], route: &'static str) -> Self {
        RouteCors { policy, answered, route }
    }
}

impl<S, B> Transform<S, ServiceRequest> for RouteCors
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody,
{
    type Response = ServiceResponse<EitherBody<B, BoxBody>>;
    type Error = Error;
    type Transform = RouteCorsService<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(RouteCorsService { service: Rc::new(service), cors: *self }))
    }
}

/// The service made by [`RouteCors`].
#[derive(Debug)]
pub struct RouteCorsService<S> {
    service: Rc<S>,
    cors: RouteCors,
}

impl<S, B> Service<ServiceRequest> for RouteCorsService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody,
{
    type Response = ServiceResponse<EitherBody<B, BoxBody>>;
    type Error = Error;
    type Future = RouteCorsFuture<S>;

    forward_ready!(service);

    fn call(&self, req: ServiceRequest) -> Self::Future {
        let state = match self.cors.policy.store_name() {
            None => start(self.cors, &self.service, req, None),
            Some(name) => match tenant_lookup(&req, name, self.cors.policy.credentials()) {
                Lookup::Ready(set) => start(self.cors, &self.service, req, set),
                Lookup::Pending(fut) => {
                    State::Loading { load: Box::new((TenantLoad { fut, req: Some(req) }, Rc::clone(&self.service))) }
                }
            },
        };
        RouteCorsFuture { state, cors: self.cors }
    }
}

/// What happens to a request once its tenant's origins (if any) are known.
fn start<S, B>(cors: RouteCors, service: &Rc<S>, req: ServiceRequest, tenant: Option<Arc<OriginSet>>) -> State<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
{
    match before::<&str>(cors.policy, &req, Takes::All, tenant.as_deref().map(|t| &t.table), cors.route) {
        Before::Call(after) => State::Inner { fut: service.call(req), after: Some(after) },
        // Answered when polled, so that the future every request carries stays small.
        Before::Refuse => State::Answer { req: Some(req), tenant: None, preflight: false },
        Before::Answer(_) => State::Answer { req: Some(req), tenant, preflight: true },
    }
}

pin_project! {
    /// The future of [`RouteCorsService`]: no boxing and no allocation, except while a
    /// tenant's origins load.
    pub struct RouteCorsFuture<S: Service<ServiceRequest>> {
        #[pin]
        state: State<S>,
        cors: RouteCors,
    }
}

pin_project! {
    #[project = StateProj]
    enum State<S: Service<ServiceRequest>> {
        Inner { #[pin] fut: S::Future, after: Option<After> },
        Answer { req: Option<ServiceRequest>, tenant: Option<Arc<OriginSet>>, preflight: bool },
        // Boxed: rare, and the future every request carries stays small.
        Loading { load: Box<(TenantLoad, Rc<S>)> },
    }
}

impl<S, B> std::future::Future for RouteCorsFuture<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
{
    type Output = Result<ServiceResponse<EitherBody<B, BoxBody>>, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        loop {
            match this.state.as_mut().project() {
                StateProj::Inner { fut, after } => {
                    let res = std::task::ready!(fut.poll(cx));
                    let after = after.take().expect("polled after completion");
                    return Poll::Ready(finish(&this.cors.policy, after, res).map(ServiceResponse::map_into_left_body));
                }
                StateProj::Answer { req, tenant, preflight } => {
                    let req = req.take().expect("polled after completion");
                    let res = if *preflight {
                        let tenant = tenant.as_deref().map(|t| &t.table);
                        this.cors.policy.preflight_response(req.headers(), this.cors.answered, tenant)
                    } else {
                        refused_response()
                    };
                    return Poll::Ready(Ok(req.into_response(res).map_into_right_body()));
                }
                StateProj::Loading { load } => {
                    let (load, service) = &mut **load;
                    let (req, set) = std::task::ready!(load.poll(cx));
                    let next = start(*this.cors, service, req, set);
                    this.state.set(next);
                }
            }
        }
    }
}
