//! The service of an annotated route without middleware of its own: actix-web's handler
//! service with the policy applied in the same step, so that a request pays for no separate
//! middleware layer. (A route with its own `wrap`s gets [`RouteCors`](super::RouteCors)
//! around them instead, so that their responses and errors are decorated too.)

use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse, fn_service};
use actix_web::{Error, FromRequest, Handler, HttpResponse, Responder};

use super::{Before, Takes, before, refused_response, tenant_lookup};
use crate::Policy;
use crate::tenant::Lookup;

/// The route's service: answers its preflights from `policy` (`204` for `answered`), refuses
/// what POLICY §4 refuses, and otherwise runs `handler` as actix-web does, extractor errors
/// included, then sets the policy's headers on the response. `route` names it in logs.
pub fn handler_service<F, Args>(
    policy: &'static Policy,
    answered: &'static [&'static str],
    route: &'static str,
    handler: F,
) -> impl ServiceFactory<ServiceRequest, Config = (), Response = ServiceResponse, Error = Error, InitError = ()>
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    fn_service(move |req: ServiceRequest| {
        let handler = handler.clone();
        async move {
            let tenant = match policy.store_name() {
                None => None,
                Some(name) => match tenant_lookup(&req, name) {
                    Lookup::Ready(set) => set,
                    Lookup::Pending(fut) => fut.await,
                },
            };
            let table = tenant.as_deref().map(|t| &t.table);
            let after = match before::<&str>(policy, &req, Takes::All, table, route) {
                Before::Call(after) => after,
                Before::Refuse => return Ok(req.into_response(refused_response())),
                Before::Answer => {
                    let res = policy.preflight_response(req.headers(), answered, table);
                    return Ok(req.into_response(res));
                }
            };
            let (req, mut payload) = req.into_parts();
            let mut res = match Args::from_request(&req, &mut payload).await {
                Err(err) => HttpResponse::from_error(err),
                Ok(data) => handler.call(data).await.respond_to(&req).map_into_boxed_body(),
            };
            after.apply(policy, res.headers_mut());
            Ok::<_, Error>(ServiceResponse::new(req, res))
        }
    })
}
