//! [`RouteCors`]: the middleware `#[cors]` puts on its route, as the outermost `wrap`.
//!
//! It only decorates responses and refuses what POLICY §4 refuses: the route's preflights go
//! to the generated preflight route, and an `OPTIONS` route of the handler's own never sees
//! one (its guard turns them away). A refusal is a response, not an error, so that
//! `actix_web::test::call_service` shows it as the browser would see it.

use std::future::{Ready, ready};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use actix_web::Error;
use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform, forward_ready};
use pin_project_lite::pin_project;

use super::{After, Before, TenantLoad, before, finish, refused_response, tenant_lookup};
use crate::Policy;
use crate::tenant::{Lookup, OriginSet};

/// The route middleware: the policy, and the route's path for logs.
#[derive(Clone, Copy, Debug)]
pub struct RouteCors {
    policy: &'static Policy,
    route: &'static str,
}

impl RouteCors {
    /// The middleware for `policy` on the route at `route`.
    pub const fn new(policy: &'static Policy, route: &'static str) -> Self {
        RouteCors { policy, route }
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
            Some(name) => match tenant_lookup(&req, name) {
                Lookup::Ready(set) => start(self.cors, &self.service, req, set.as_deref()),
                Lookup::Pending(fut) => {
                    State::Loading { load: TenantLoad { fut, req: Some(req) }, service: Rc::clone(&self.service) }
                }
            },
        };
        RouteCorsFuture { state, cors: self.cors }
    }
}

/// What happens to a request once its tenant's origins (if any) are known.
fn start<S, B>(cors: RouteCors, service: &Rc<S>, req: ServiceRequest, tenant: Option<&OriginSet>) -> State<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
{
    match before::<&str>(cors.policy, &req, None, tenant.map(|t| &t.table), cors.route) {
        Before::Call(after) => State::Inner { fut: service.call(req), after: Some(after) },
        Before::Refuse => State::Refused { res: Some(req.into_response(refused_response())) },
        Before::Answer => unreachable!("a route middleware answers no preflight"),
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
        Refused { res: Option<ServiceResponse<BoxBody>> },
        Loading { load: TenantLoad, service: Rc<S> },
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
                StateProj::Refused { res } => {
                    let res = res.take().expect("polled after completion");
                    return Poll::Ready(Ok(res.map_into_right_body()));
                }
                StateProj::Loading { load, service } => {
                    let (req, set) = std::task::ready!(load.poll(cx));
                    let next = start(*this.cors, service, req, set.as_deref());
                    this.state.set(next);
                }
            }
        }
    }
}
