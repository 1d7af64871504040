//! The quickstart's API: a credentialed read, a preflighted `PUT` with a JSON body, and public
//! data, each with its own policy written on its route.

use actix_web::{HttpResponse, get, put, web};
use cors_runtime::cors;
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
struct Rename {
    name: String,
}

/// Reads a user. Pages on `app.example.com` may call it with cookies and read `x-request-id`.
#[cors(origins = ["https://app.example.com"], credentials, expose = ["x-request-id"])]
#[get("/api/users/{id}")]
async fn get_user(id: web::Path<u32>) -> HttpResponse {
    HttpResponse::Ok().insert_header(("x-request-id", "42")).json(json!({ "id": *id, "name": "ada" }))
}

/// Renames a user: a preflighted `PUT` with a JSON body. A malformed body is a 400 that the
/// page can still read, because error responses carry the CORS headers too.
#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials, max_age = 600)]
#[put("/api/users/{id}")]
async fn update_user(id: web::Path<u32>, body: web::Json<Rename>) -> HttpResponse {
    HttpResponse::Ok().json(json!({ "id": *id, "name": body.name }))
}

/// Public data: any origin, no credentials.
#[cors(origins = ["*"])]
#[get("/api/status")]
async fn status() -> &'static str {
    "ok"
}

/// Registers `GET` and `PUT /api/users/{id}` and `GET /api/status`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(get_user).service(update_user).service(status);
}
