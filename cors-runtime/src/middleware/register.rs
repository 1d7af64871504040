//! Registering an annotated route: what `#[cors]` emits calls these, with everything it read
//! from the route attribute in one constant, so that each handler's expansion is small.

use actix_web::dev::{AppService, ResourceDef};
use actix_web::guard::{Guard, GuardContext, fn_guard};
use actix_web::{FromRequest, Handler, Resource, Responder};

use super::{Cors, RouteGuard, handler_service};
use crate::audit::HandlerRecord;

/// One route attribute of an annotated handler.
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

/// The policy's middleware for route `i` of `handler`, which has middleware of its own:
/// outside them.
pub const fn route_middleware(handler: &'static HandlerRecord, i: usize) -> Cors {
    let route = &handler.routes[i];
    Cors::route(handler.policy, route.answered, route.path)
}

/// Registers a route without middleware of its own: its path and guards, served by one
/// service that runs the handler with the policy applied.
///
/// The service goes to the application's router directly, as a `Resource` with one `Route`
/// would register it, minus the layers that only dispatch to that one service: less code to
/// compile per handler, and fewer steps per request.
///
/// `i` is the route's index in `record`, whose policy it serves.
pub fn register<F, Args>(config: &mut AppService, record: &'static HandlerRecord, i: usize, handler: F)
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    let route = &record.routes[i];
    let service = handler_service(record.policy, route.answered, route.path, handler);
    // Unboxed: the router boxes it once (boxing it here too would cost every request a
    // second layer, and an allocation).
    config.register_service(resource_def(route), Some(guards(route)), service, None);
}

/// The route's path and name, as `Resource` makes them (a leading `/` added if missing).
fn resource_def(route: &RouteSpec) -> ResourceDef {
    let mut rdef = if route.path.is_empty() || route.path.starts_with('/') {
        ResourceDef::new(route.path)
    } else {
        ResourceDef::new(format!("/{}", route.path))
    };
    rdef.set_name(route.name);
    rdef
}

/// The route's guards: the route's methods and preflights, then its own `guard = "..."`.
fn guards(route: &RouteSpec) -> Vec<Box<dyn Guard>> {
    let mut guards: Vec<Box<dyn Guard>> = Vec::with_capacity(1 + route.guards.len());
    guards.push(Box::new(RouteGuard::new(route.served)));
    guards.extend(route.guards.iter().map(|&g| Box::new(fn_guard(g)) as Box<dyn Guard>));
    guards
}
