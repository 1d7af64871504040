//! Registering an annotated route: what `#[cors]` emits calls these, with everything it read
//! from the route attribute in one constant, so that each handler's expansion is small.

use actix_web::dev::{AppService, HttpServiceFactory};
use actix_web::guard::{GuardContext, fn_guard};
use actix_web::{FromRequest, Handler, Resource, Responder, Route};

use super::{RouteCors, RouteGuard, handler_service};
use crate::Policy;

/// One route attribute of an annotated handler, and its policy.
#[derive(Debug)]
pub struct RouteSpec {
    /// The path, as written.
    pub path: &'static str,
    /// The resource's name (`name = "..."`, else the handler's).
    pub name: &'static str,
    /// The methods the route serves.
    pub served: &'static [&'static str],
    /// The methods whose preflights are answered with `204`; the others served get `403`.
    pub answered: &'static [&'static str],
    /// The policy.
    pub policy: &'static Policy,
    /// The route attribute's `guard = "..."` functions.
    pub guards: &'static [fn(&GuardContext<'_>) -> bool],
}

/// The route's resource, with its guards and no service yet: for a route with middleware of
/// its own, which `#[cors]` wraps, then wraps in [`route_middleware`].
pub fn resource(route: &'static RouteSpec) -> Resource {
    let mut resource = Resource::new(route.path).name(route.name).guard(RouteGuard::new(route.served));
    for &g in route.guards {
        resource = resource.guard(fn_guard(g));
    }
    resource
}

/// The policy's middleware for a route with middleware of its own, outside them.
pub const fn route_middleware(route: &'static RouteSpec) -> RouteCors {
    RouteCors::new(route.policy, route.answered, route.path)
}

/// Registers a route without middleware of its own: its resource, whose one service runs the
/// handler with the policy applied.
pub fn register<F, Args>(config: &mut AppService, route: &'static RouteSpec, handler: F)
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    let service = handler_service(route.policy, route.answered, route.path, handler);
    HttpServiceFactory::register(resource(route).route(Route::new().service(service)), config);
}
