//! A SaaS API whose tenants register their own front-ends: the tenant routes take each
//! tenant's origins from the store `"tenants"` ([`TENANTS`]), and an admin API changes them
//! while the server runs.
//!
//! [`configure`] registers the routes; the application provides, with `App::app_data`:
//! - the `TenantStores` holding a `StoreOrigins` named `"tenants"`, built with [`tenant_of`]
//!   and `TENANTS.credentials()`;
//! - the same `StoreOrigins` as `web::Data<StoreOrigins>`, for the admin API;
//! - an [`AdminToken`]; without it, or with `AdminToken(None)`, every admin call gets `401`.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::error::ErrorUnauthorized;
use actix_web::http::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use actix_web::{FromRequest, HttpRequest, HttpResponse, get, post, web};
use cors_runtime::{Policy, cors, policy};
use cors_store::{StoreOrigins, WriteError};
use serde::Deserialize;
use serde_json::json;

/// The tenant routes' policy; the origins are each tenant's, from the store `"tenants"`.
pub static TENANTS: Policy = policy!(origins_from_store = "tenants", headers = ["content-type"], credentials);

#[cors(TENANTS)]
#[get("/t/{tenant}/me")]
async fn me(tenant: web::Path<String>) -> HttpResponse {
    HttpResponse::Ok().json(json!({ "tenant": tenant.as_str(), "user": "demo" }))
}

#[derive(Deserialize)]
struct Note {
    text: String,
}

#[cors(TENANTS)]
#[post("/t/{tenant}/notes")]
async fn create_note(tenant: web::Path<String>, note: web::Json<Note>) -> HttpResponse {
    HttpResponse::Created().json(json!({ "tenant": tenant.as_str(), "text": note.text }))
}

/// The request's tenant, for the store: the `{tenant}` segment of the path.
pub fn tenant_of(req: &HttpRequest) -> Option<&str> {
    req.match_info().get("tenant")
}

/// The admin token, from `ADMIN_TOKEN`; `None` turns the admin API off.
#[derive(Clone)]
pub struct AdminToken(pub Option<String>);

/// Proof that a request carries the admin token.
struct Admin;

impl FromRequest for Admin {
    type Error = actix_web::Error;
    type Future = Ready<Result<Admin, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let expected = req.app_data::<AdminToken>().and_then(|t| t.0.as_deref());
        let given = req.headers().get(AUTHORIZATION).and_then(|v| v.as_bytes().strip_prefix(b"Bearer "));
        ready(match (expected, given) {
            (Some(expected), Some(given)) if same(expected.as_bytes(), given) => Ok(Admin),
            _ => Err(unauthorized()),
        })
    }
}

fn unauthorized() -> actix_web::Error {
    let res = HttpResponse::Unauthorized().insert_header((WWW_AUTHENTICATE, "Bearer")).finish();
    actix_web::error::InternalError::from_response(ErrorUnauthorized("admin token required"), res).into()
}

/// Compares in time independent of where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn list_origins(_: Admin, origins: web::Data<StoreOrigins>, tenant: web::Path<String>) -> HttpResponse {
    match origins.stored(&tenant).await {
        Ok(list) => HttpResponse::Ok().json(list),
        Err(err) => unavailable(&err),
    }
}

#[derive(Deserialize)]
struct NewOrigin {
    origin: String,
}

async fn add_origin(
    _: Admin,
    origins: web::Data<StoreOrigins>,
    tenant: web::Path<String>,
    body: web::Json<NewOrigin>,
) -> HttpResponse {
    match origins.add(&tenant, &body.origin).await {
        Ok(_) => HttpResponse::Created().json(json!({ "tenant": tenant.as_str(), "origin": body.origin })),
        Err(WriteError::Invalid(violations)) => {
            let list: Vec<_> = violations.iter().map(|v| json!({ "message": v.message, "fix": v.fix })).collect();
            HttpResponse::UnprocessableEntity().json(json!({ "violations": list }))
        }
        Err(WriteError::Tenant(t)) => {
            HttpResponse::UnprocessableEntity().json(json!({ "violations": [{ "message": t.message, "fix": t.fix }] }))
        }
        Err(WriteError::Store(err)) => unavailable(&err),
    }
}

#[derive(Deserialize)]
struct OriginParam {
    origin: String,
}

async fn remove_origin(
    _: Admin,
    origins: web::Data<StoreOrigins>,
    tenant: web::Path<String>,
    query: web::Query<OriginParam>,
) -> HttpResponse {
    match origins.remove(&tenant, &query.origin).await {
        Ok(_) => HttpResponse::NoContent().finish(),
        Err(WriteError::Store(err)) => unavailable(&err),
        Err(err) => HttpResponse::UnprocessableEntity().json(json!({ "error": err.to_string() })),
    }
}

fn unavailable(err: &dyn std::fmt::Display) -> HttpResponse {
    tracing::error!(error = %err, "admin request failed");
    HttpResponse::ServiceUnavailable().json(json!({ "error": "the store is unavailable" }))
}

/// Registers the tenant routes (`GET /t/{tenant}/me`, `POST /t/{tenant}/notes`, under
/// [`TENANTS`]) and the admin API (`GET`, `POST` and `DELETE /admin/tenants/{tenant}/origins`,
/// without CORS).
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(me).service(create_note).service(
        web::resource("/admin/tenants/{tenant}/origins")
            .route(web::get().to(list_origins))
            .route(web::post().to(add_origin))
            .route(web::delete().to(remove_origin)),
    );
}
