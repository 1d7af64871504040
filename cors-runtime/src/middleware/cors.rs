//! [`Cors`]: the middleware that serves a [`Policy`] on an App, a Scope or a Resource, and
//! the one `#[cors]` puts around a route's own middleware (the same, answering only that
//! route's preflights).

use std::future::{Ready, ready};
use std::ops::Deref;
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
use crate::engine::DEFAULT_METHODS;
use crate::tenant::{Lookup, OriginSet};

/// Middleware that serves a [`Policy`] on an `App`, a `Scope` or a `Resource`.
///
/// It answers the preflights for the policy's `methods` (for `GET`, `HEAD` and `POST` when it
/// lists none) before anything inside it runs, refuses the cross-origin writes and WebSocket
/// handshakes of POLICY §4, and decorates every other response, including the errors of
/// middleware inside it. A preflight for another method goes on to routing, and whatever
/// answers it gets no CORS header.
///
/// With a shared policy:
///
/// ```
/// use actix_web::{web, App, HttpResponse};
/// use cors_runtime::{policy, Cors, Policy};
///
/// static API: Policy = policy!(origins = ["https://app.example.com"], methods = [GET, PUT]);
///
/// let app = App::new().service(
///     web::scope("/api").wrap(Cors::new(&API)).route("/items", web::get().to(HttpResponse::Ok)),
/// );
/// ```
///
/// With a policy built at start-up, shared by the workers through an `Arc`:
///
/// ```
/// use std::sync::Arc;
/// use actix_web::{web, App, HttpResponse};
/// use cors_runtime::{Cors, Policy};
///
/// let policy = Arc::new(Policy::builder().origins(["https://app.example.com"]).build().unwrap());
/// let app = App::new().service(
///     web::scope("/api").wrap(Cors::new(policy.clone())).route("/items", web::get().to(HttpResponse::Ok)),
/// );
/// ```
///
/// Authentication goes **inside** it (`.wrap(auth).wrap(Cors::new(&API))`: actix-web runs the
/// last `wrap` first): preflights are answered before authentication runs, every other
/// request is authenticated, and the `401`s carry the policy's headers, so the page can read
/// them.
#[derive(Clone, Debug)]
pub struct Cors<P = &'static Policy> {
    policy: P,
    serves: Serves,
}

/// Which preflights a [`Cors`] answers, and how it names a request in logs.
#[derive(Clone, Copy, Debug)]
enum Serves {
    /// Those asking for the policy's methods (`GET`, `HEAD` and `POST` when it lists none);
    /// the others go on to routing. A request is named by its path.
    Policy,
    /// Every one that reaches it: it wraps a route whose guard admits only the preflights for
    /// the methods the route serves, `204` for `answered` and `403` for the others. `route`
    /// names the route.
    Route { answered: &'static [&'static str], route: &'static str },
}

impl<P> Cors<P>
where
    P: Deref<Target = Policy> + Clone + 'static,
{
    /// Middleware serving `policy`: a `&'static Policy` (from [`policy!`](crate::policy!)) or
    /// an `Arc<Policy>` (from [`Policy::builder`]).
    pub fn new(policy: P) -> Self {
        crate::audit::served_by_middleware(&policy);
        Cors { policy, serves: Serves::Policy }
    }
}

impl Cors {
    /// The middleware `#[cors]` puts around the middleware of a route's own, outermost, so
    /// that their answers and errors are decorated too.
    pub(crate) const fn route(policy: &'static Policy, answered: &'static [&'static str], route: &'static str) -> Self {
        Cors { policy, serves: Serves::Route { answered, route } }
    }
}

impl<S, B, P> Transform<S, ServiceRequest> for Cors<P>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody,
    P: Deref<Target = Policy> + Clone + 'static,
{
    type Response = ServiceResponse<EitherBody<B, BoxBody>>;
    type Error = Error;
    type Transform = CorsService<S, P>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(CorsService { service: Rc::new(service), policy: self.policy.clone(), serves: self.serves }))
    }
}

/// The service made by [`Cors`].
#[derive(Debug)]
pub struct CorsService<S, P> {
    service: Rc<S>,
    policy: P,
    serves: Serves,
}

impl<S, B, P> Service<ServiceRequest> for CorsService<S, P>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody,
    P: Deref<Target = Policy> + Clone + 'static,
{
    type Response = ServiceResponse<EitherBody<B, BoxBody>>;
    type Error = Error;
    type Future = CorsFuture<S, P>;

    forward_ready!(service);

    fn call(&self, req: ServiceRequest) -> Self::Future {
        let state = match self.policy.store_name() {
            None => start(&self.policy, self.serves, &self.service, req, None),
            Some(name) => match tenant_lookup(&req, name, self.policy.credentials()) {
                Lookup::Ready(set) => start(&self.policy, self.serves, &self.service, req, set),
                Lookup::Pending(fut) => {
                    State::Loading { load: Box::new((TenantLoad { fut, req: Some(req) }, Rc::clone(&self.service))) }
                }
            },
        };
        CorsFuture { state, policy: self.policy.clone(), serves: self.serves }
    }
}

/// What happens to a request once its tenant's origins (if any) are known.
fn start<S, B>(
    policy: &Policy,
    serves: Serves,
    service: &Rc<S>,
    req: ServiceRequest,
    tenant: Option<Arc<OriginSet>>,
) -> State<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
{
    let table = tenant.as_deref().map(|t| &t.table);
    let before = match serves {
        Serves::Policy => before(policy, &req, Takes::Methods(answered(policy)), table, req.path()),
        Serves::Route { route, .. } => before::<&str>(policy, &req, Takes::All, table, route),
    };
    match before {
        // Answered when polled, so that the future every request carries stays small.
        Before::Answer(_) => State::Answer { req: Some(req), tenant, preflight: true },
        Before::Refuse => State::Answer { req: Some(req), tenant: None, preflight: false },
        Before::Call(after) => State::Inner { fut: service.call(req), after: Some(after) },
    }
}

/// The methods whose preflights a policy's middleware answers.
fn answered(policy: &Policy) -> &[std::borrow::Cow<'static, str>] {
    policy.served().methods.as_deref().unwrap_or(&DEFAULT_METHODS)
}

pin_project! {
    /// The future of [`CorsService`]: no boxing and no allocation, except while a tenant's
    /// origins load.
    pub struct CorsFuture<S: Service<ServiceRequest>, P> {
        #[pin]
        state: State<S>,
        policy: P,
        serves: Serves,
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

impl<S, B, P> std::future::Future for CorsFuture<S, P>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody,
    P: Deref<Target = Policy> + Clone + 'static,
{
    type Output = Result<ServiceResponse<EitherBody<B, BoxBody>>, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        loop {
            match this.state.as_mut().project() {
                StateProj::Inner { fut, after } => {
                    let res = std::task::ready!(fut.poll(cx));
                    let after = after.take().expect("polled after completion");
                    return Poll::Ready(finish(this.policy, after, res).map(ServiceResponse::map_into_left_body));
                }
                StateProj::Answer { req, tenant, preflight } => {
                    let req = req.take().expect("polled after completion");
                    let res = if *preflight {
                        let tenant = tenant.as_deref().map(|t| &t.table);
                        match *this.serves {
                            Serves::Policy => {
                                this.policy.preflight_response(req.headers(), answered(this.policy), tenant)
                            }
                            Serves::Route { answered, .. } => {
                                this.policy.preflight_response(req.headers(), answered, tenant)
                            }
                        }
                    } else {
                        refused_response()
                    };
                    return Poll::Ready(Ok(req.into_response(res).map_into_right_body()));
                }
                StateProj::Loading { load } => {
                    let (load, service) = &mut **load;
                    let (req, set) = std::task::ready!(load.poll(cx));
                    let next = start(this.policy, *this.serves, service, req, set);
                    this.state.set(next);
                }
            }
        }
    }
}
