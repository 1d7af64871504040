//! The service of an annotated route without middleware of its own: actix-web's handler
//! service with the policy applied in the same step, so that a request pays for no separate
//! middleware layer. (A route with its own `wrap`s gets [`Cors`](super::Cors)
//! around them instead, so that their responses and errors are decorated too.)
//!
//! Only the handler's own part is generic; the policy's part is compiled once, here, rather
//! than once per handler in the application.

use actix_web::dev::{Payload, ServiceFactory, ServiceRequest, ServiceResponse, fn_service};
use actix_web::{Error, FromRequest, Handler, HttpRequest, HttpResponse, Responder};

use super::{After, Before, Takes, before, refused_response, tenant_lookup};
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
            let (req, mut payload, after) = match prepare(policy, answered, route, req).await {
                Prepared::Answered(res) => return Ok(res),
                Prepared::Run { req, payload, after } => (req, payload, after),
            };
            let res = match Args::from_request(&req, &mut payload).await {
                Err(err) => HttpResponse::from_error(err),
                Ok(data) => handler.call(data).await.respond_to(&req).map_into_boxed_body(),
            };
            Ok::<_, Error>(finish_response(policy, after, req, res))
        }
    })
}

/// What to do with a request before its handler.
enum Prepared {
    /// Answered by the policy: a preflight, or a refusal.
    Answered(ServiceResponse),
    /// To be handled, then decorated as `after` says.
    Run { req: HttpRequest, payload: Payload, after: After },
}

async fn prepare(
    policy: &'static Policy,
    answered: &'static [&'static str],
    route: &str,
    req: ServiceRequest,
) -> Prepared {
    let tenant = match policy.store_name() {
        None => None,
        Some(name) => match tenant_lookup(&req, name, policy.credentials()) {
            Lookup::Ready(set) => set,
            Lookup::Pending(fut) => fut.await,
        },
    };
    let table = tenant.as_deref().map(|t| &t.table);
    match before::<&str>(policy, &req, Takes::All, table, route) {
        Before::Call(after) => {
            let (req, payload) = req.into_parts();
            Prepared::Run { req, payload, after }
        }
        Before::Refuse => Prepared::Answered(req.into_response(refused_response())),
        Before::Answer(origin) => {
            let res = policy.preflight_answer(req.headers(), origin, answered, table);
            Prepared::Answered(req.into_response(res))
        }
    }
}

fn finish_response(policy: &Policy, after: After, req: HttpRequest, mut res: HttpResponse) -> ServiceResponse {
    after.apply(policy, res.headers_mut());
    ServiceResponse::new(req, res)
}
