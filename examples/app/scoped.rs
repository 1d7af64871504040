//! Annotated routes inside `web::scope`: the scope's prefix applies to the handler and to its
//! preflight route alike.

use actix_web::{HttpResponse, delete, get, web};
use cors_runtime::cors;

/// Lists items; readable by every subdomain of `example.com`.
#[cors(origins = ["https://*.example.com"], expose = ["x-total-count"])]
#[get("/items")]
async fn list_items() -> HttpResponse {
    HttpResponse::Ok().insert_header(("x-total-count", "2")).body("[1,2]")
}

/// Deletes an item; only the admin app may.
#[cors(origins = ["https://admin.example.com"], credentials)]
#[delete("/items/{id}")]
async fn delete_item(id: web::Path<u32>) -> HttpResponse {
    HttpResponse::Ok().body(format!("deleted {id}"))
}

/// Registers the scope `/api/v1` with `GET /items` and `DELETE /items/{id}` in it.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(web::scope("/api/v1").service(list_items).service(delete_item));
}
