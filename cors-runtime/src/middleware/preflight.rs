//! The route `#[cors]` registers beside each handler to answer its preflights, and the guard
//! that keeps preflights away from the handler's own `OPTIONS` route.

use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::guard::{Guard, GuardContext};
use actix_web::{Error, Resource};

use crate::Policy;
use crate::classify::{is_preflight_head, requested_method};
use crate::tenant::Lookup;

/// Matches the preflights for one route: `OPTIONS` with an `Origin` and one
/// `Access-Control-Request-Method` equal, byte for byte, to a method the route serves.
///
/// Several handlers on one path each get a preflight route guarded this way, so each takes
/// only the preflights for its own methods; the rest fall through to routing.
#[derive(Clone, Copy, Debug)]
pub struct PreflightGuard {
    served: &'static [&'static str],
}

impl PreflightGuard {
    /// A guard for preflights asking for one of `served`.
    pub const fn new(served: &'static [&'static str]) -> Self {
        PreflightGuard { served }
    }
}

impl Guard for PreflightGuard {
    fn check(&self, ctx: &GuardContext<'_>) -> bool {
        let head = ctx.head();
        requested_method(&head.method, &head.headers).is_some_and(|m| self.served.iter().any(|s| s.as_bytes() == m))
    }
}

/// The guard `#[cors]` adds to a route that serves `OPTIONS`: a preflight never reaches a
/// handler, whatever the order in which routes on the same path were registered.
pub fn not_preflight(ctx: &GuardContext<'_>) -> bool {
    !is_preflight_head(ctx.head())
}

/// A resource on `path` that takes the preflights for the methods the route serves
/// (`served`) and answers them from `policy`: `204` for those in `answered`, `403` for the
/// rest and for disallowed origins, methods or headers.
///
/// It is a raw service: no extractors and no handler, only the policy's precomputed answer.
/// `guards` are the route's own `guard = "..."` functions, so that a preflight is answered
/// only where the route itself would be reached.
pub fn preflight_resource(
    path: &str,
    policy: &'static Policy,
    served: &'static [&'static str],
    answered: &'static [&'static str],
    guards: &[fn(&GuardContext<'_>) -> bool],
) -> Resource {
    let mut res = Resource::new(path).guard(PreflightGuard::new(served));
    for &g in guards {
        res = res.guard(actix_web::guard::fn_guard(g));
    }
    res.default_service(fn_service(move |req: ServiceRequest| async move {
        let tenant = match policy.store_name() {
            None => None,
            Some(name) => match super::tenant_lookup(&req, name) {
                Lookup::Ready(set) => set,
                Lookup::Pending(fut) => fut.await,
            },
        };
        let res = policy.preflight_response(req.headers(), answered, tenant.as_deref().map(|t| &t.table));
        Ok::<ServiceResponse, Error>(req.into_response(res))
    }))
}
