//! The actix-web side: the middleware that serves a [`Policy`](crate::Policy) on an App,
//! Scope or Resource, or around a route's own middleware ([`Cors`]), the service of an
//! annotated route without middleware of its own, and the route's guard ([`RouteGuard`]).
//! What they do to a request is decided once, by [`before`] and [`finish`].

mod cors;
mod guard;
mod handler;
mod register;

pub use cors::Cors;
use guard::RouteGuard;
use handler::handler_service;
pub use register::{RouteSpec, register, resource, route_middleware};

use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{HeaderValue, ORIGIN, VARY};
use actix_web::{Error, HttpResponse};

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use crate::Policy;
use crate::classify::{RequestKind, Seen, look};
use crate::engine::{self, OriginDenied};
use crate::served::OriginTable;
use crate::tenant::{Lookup, OriginSet, TenantStores};

/// What a layer does with a request, decided before the wrapped service sees it.
pub(crate) enum Before<'a> {
    /// A preflight this layer answers itself; its `Origin`, already looked up.
    Answer(Result<&'a HeaderValue, OriginDenied>),
    /// Refused by POLICY §4: `403`, no CORS headers, the wrapped service never runs.
    Refuse,
    /// Call the wrapped service, then treat its answer as this says.
    Call(After),
}

/// What a layer does with the wrapped service's answer.
pub(crate) enum After {
    /// Set the policy's headers for this `Access-Control-Allow-Origin` (none: not allowed).
    Decorate(Option<HeaderValue>),
    /// A preflight the layer does not answer went on to routing: whatever answers it gets no
    /// CORS header, so that it grants nothing.
    Strip,
}

/// Which preflights a layer answers itself.
pub(crate) enum Takes<'a, M> {
    /// Those asking for one of these methods; the others go on to routing.
    Methods(&'a [M]),
    /// Every preflight that reaches it: a route's middleware, whose resource's guard admits
    /// only the preflights for the route's methods.
    All,
}

/// Decides what to do with `req`; `route` names the route in logs.
pub(crate) fn before<'a, M: AsRef<str>>(
    policy: &Policy,
    req: &'a ServiceRequest,
    takes: Takes<'_, M>,
    tenant: Option<&OriginTable>,
    route: &str,
) -> Before<'a> {
    let (method, headers) = (req.method(), req.headers());
    let Seen { kind, origin } = look(method, headers);
    if kind == RequestKind::Preflight {
        return match takes {
            Takes::All => Before::Answer(origin),
            Takes::Methods(m) => {
                let asked = crate::classify::requested_method(method, headers);
                let ours = asked.is_some_and(|a| m.iter().any(|m| m.as_ref().as_bytes() == a.as_bytes()));
                if ours { Before::Answer(origin) } else { Before::Call(After::Strip) }
            }
        };
    }
    let acao = policy.allow_seen(origin, tenant);
    if kind == RequestKind::Actual && acao.is_err() {
        tracing::debug!(target: "cors", origin = ?headers.get(ORIGIN), route, reason = ?acao, "origin not allowed");
    }
    // An allowed origin passes the check whatever else the request says: only the others
    // pay for looking at the method and `Upgrade`.
    if policy.served().write_check
        && acao.is_err()
        && engine::is_checked(method, headers)
        && let Err(reason) = engine::protect_check(req.head(), false)
    {
        tracing::debug!(
            target: "cors", origin = ?headers.get(ORIGIN), route, method = %method, ?reason,
            "cross-origin request refused"
        );
        return Before::Refuse;
    }
    Before::Call(After::Decorate(acao.ok()))
}

impl After {
    /// Applies this to a response's headers.
    pub(crate) fn apply(self, policy: &Policy, headers: &mut actix_web::http::header::HeaderMap) {
        match self {
            After::Decorate(acao) => policy.apply_actual(acao, headers),
            After::Strip => engine::actual::strip(headers),
        }
    }
}

/// Applies `after` to the wrapped service's answer: to the response, or, for an error from a
/// service further in, to the response that error becomes further out.
pub(crate) fn finish<B, P>(
    policy: &P,
    after: After,
    res: Result<ServiceResponse<B>, Error>,
) -> Result<ServiceResponse<B>, Error>
where
    P: std::ops::Deref<Target = Policy> + Clone + 'static,
{
    match (res, after) {
        (Ok(mut res), After::Decorate(acao)) => {
            policy.apply_actual(acao, res.headers_mut());
            Ok(res)
        }
        (Ok(mut res), After::Strip) => {
            engine::actual::strip(res.headers_mut());
            Ok(res)
        }
        (Err(mut err), After::Decorate(acao)) => {
            let policy = policy.clone();
            err.add_response_mapper(move |mut res| {
                policy.apply_actual(acao.clone(), res.headers_mut());
                res
            });
            Err(err)
        }
        (Err(mut err), After::Strip) => {
            err.add_response_mapper(|mut res| {
                engine::actual::strip(res.headers_mut());
                res
            });
            Err(err)
        }
    }
}

static VARY_ORIGIN: HeaderValue = HeaderValue::from_static("Origin");

/// The answer to a refused request: `403`, `Vary: Origin`, nothing else.
pub(crate) fn refused_response() -> HttpResponse {
    let mut res = HttpResponse::new(StatusCode::FORBIDDEN);
    res.headers_mut().insert(VARY, VARY_ORIGIN.clone());
    res
}

/// Asks the policy's tenant store for the origins of the request's tenant. Fails closed: a
/// store that is not registered, or that checked its entries under looser rules than the
/// policy's (without `credentials`), allows no origin. A request without `Origin` needs no
/// origins, and does not make the store load any.
pub(crate) fn tenant_lookup(req: &ServiceRequest, name: &str, credentials: bool) -> Lookup {
    if !req.headers().contains_key(ORIGIN) {
        return Lookup::Ready(None);
    }
    match req.app_data::<TenantStores>().and_then(|s| s.get(name)) {
        Some(store) if credentials && !store.checked_for_credentials() => {
            tracing::error!(
                target: "cors", store = name,
                "this tenant store checks its entries as for a policy without `credentials`, and this policy has \
                 them: no origin is allowed; build the store for credentials"
            );
            Lookup::Ready(None)
        }
        Some(store) => store.lookup(req.request()),
        None => {
            tracing::error!(
                target: "cors", store = name,
                "no tenant store of this name is registered with `app_data(TenantStores)`: no origin is allowed"
            );
            Lookup::Ready(None)
        }
    }
}

/// A request waiting for its tenant's origins.
pub(crate) struct TenantLoad {
    pub(crate) fut: Pin<Box<dyn Future<Output = Option<Arc<OriginSet>>>>>,
    pub(crate) req: Option<ServiceRequest>,
}

impl TenantLoad {
    pub(crate) fn poll(&mut self, cx: &mut Context<'_>) -> Poll<(ServiceRequest, Option<Arc<OriginSet>>)> {
        let set = std::task::ready!(self.fut.as_mut().poll(cx));
        Poll::Ready((self.req.take().expect("polled after completion"), set))
    }
}
