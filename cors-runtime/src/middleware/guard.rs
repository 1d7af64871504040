//! The guard of the resource `#[cors]` registers for a route: it admits the route's own
//! requests and the preflights for them.

use actix_web::guard::{self, Guard, GuardContext};
use actix_web::http::Method;

use crate::classify::requested_method;

/// Matches the preflights for one route: `OPTIONS` with an `Origin` and an
/// `Access-Control-Request-Method` whose (first) line is, byte for byte, a method the route
/// serves.
#[derive(Clone, Copy, Debug)]
pub struct PreflightGuard {
    served: &'static [&'static str],
}

impl PreflightGuard {
    /// A guard for preflights asking for one of `served`.
    pub const fn new(served: &'static [&'static str]) -> Self {
        PreflightGuard { served }
    }

    /// `None` for a request that is no preflight, else whether it asks for a served method.
    fn asks_for_served(&self, ctx: &GuardContext<'_>) -> Option<bool> {
        let head = ctx.head();
        let asked = requested_method(&head.method, &head.headers)?;
        Some(self.served.iter().any(|s| s.as_bytes() == asked))
    }
}

impl Guard for PreflightGuard {
    fn check(&self, ctx: &GuardContext<'_>) -> bool {
        self.asks_for_served(ctx) == Some(true)
    }
}

/// The resource guard of an annotated route: a preflight is admitted by the method it asks
/// for, any other request by its own method, as actix-web's route macros check it (their
/// method guards also record the methods, for a `405`'s `Allow`).
///
/// So a route serving `OPTIONS` does not take the preflights of another handler on its path,
/// whatever the order in which they were registered.
pub struct RouteGuard {
    preflight: PreflightGuard,
    methods: guard::AnyGuard,
}

impl RouteGuard {
    /// The guard of a route serving `served`.
    pub fn new(served: &'static [&'static str]) -> Self {
        let method = |m: &str| guard::Method(Method::from_bytes(m.as_bytes()).expect("checked by `#[cors]`: a token"));
        let first = served.first().expect("a route serves at least one method");
        let methods = served[1..].iter().fold(guard::Any(method(first)), |any, m| any.or(method(m)));
        RouteGuard { preflight: PreflightGuard::new(served), methods }
    }
}

impl Guard for RouteGuard {
    fn check(&self, ctx: &GuardContext<'_>) -> bool {
        match self.preflight.asks_for_served(ctx) {
            Some(answered) => answered,
            None => self.methods.check(ctx),
        }
    }
}
