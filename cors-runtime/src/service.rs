//! The preflight route `#[cors]` registers beside each handler.

use std::ops::Deref;

use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::guard::{Guard, GuardContext};
use actix_web::http::Method;
use actix_web::http::header::{ACCESS_CONTROL_REQUEST_METHOD, ORIGIN};
use actix_web::{Error, Resource};

use crate::Policy;

/// Matches the preflights a policy answers: `OPTIONS` with an `Origin` and an
/// `Access-Control-Request-Method` equal, byte for byte, to one of the policy's methods.
///
/// Several handlers on one path each get a preflight resource guarded this way, so each
/// answers only the preflights for its own methods; the rest fall through to routing.
#[derive(Clone, Debug)]
pub struct PreflightGuard<P = &'static Policy> {
    policy: P,
    methods: Option<&'static [&'static str]>,
}

impl<P: Deref<Target = Policy>> PreflightGuard<P> {
    /// A guard for `policy`'s preflights.
    pub fn new(policy: P) -> Self {
        PreflightGuard { policy, methods: None }
    }

    /// Narrows the guard to `methods`, a subset of the policy's (for one route of several).
    pub fn only(mut self, methods: &'static [&'static str]) -> Self {
        self.methods = Some(methods);
        self
    }
}

impl<P: Deref<Target = Policy>> Guard for PreflightGuard<P> {
    fn check(&self, ctx: &GuardContext<'_>) -> bool {
        let head = ctx.head();
        if head.method != Method::OPTIONS || !head.headers.contains_key(ORIGIN) {
            return false;
        }
        let Some(asked) = head.headers.get(ACCESS_CONTROL_REQUEST_METHOD).map(|m| m.as_bytes()) else {
            return false;
        };
        match self.methods {
            Some(only) => only.iter().any(|m| m.as_bytes() == asked),
            None => self.policy.answers_method(asked),
        }
    }
}

/// A resource on `path` that answers `policy`'s preflights for `methods`, and nothing else.
///
/// It is a raw service: no extractors and no handler, only the policy's precomputed answer.
/// `guards` are the route's own `guard = "..."` functions, so that a preflight is answered
/// only where the route itself would be reached.
pub fn preflight_resource(
    path: &str,
    policy: &'static Policy,
    methods: &'static [&'static str],
    guards: &[fn(&GuardContext<'_>) -> bool],
) -> Resource {
    let mut res = Resource::new(path).guard(PreflightGuard::new(policy).only(methods));
    for &g in guards {
        res = res.guard(actix_web::guard::fn_guard(g));
    }
    res.default_service(fn_service(move |req: ServiceRequest| async move {
        let res = policy.preflight_response(req.headers());
        Ok::<ServiceResponse, Error>(req.into_response(res))
    }))
}
