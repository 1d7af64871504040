//! A real actix-web server with `#[cors]` routes on 127.0.0.1:8080.
//!
//! ```sh
//! cargo run --example quickstart
//! curl -i -X OPTIONS http://127.0.0.1:8080/api/users/7 \
//!   -H 'Origin: https://app.example.com' -H 'Access-Control-Request-Method: PUT' \
//!   -H 'Access-Control-Request-Headers: content-type'
//! ```

use actix_web::{App, HttpResponse, HttpServer, get, put, web};
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

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let addr = ("127.0.0.1", 8080);
    println!("listening on http://{}:{}", addr.0, addr.1);
    println!(
        "try: curl -i -X OPTIONS http://127.0.0.1:8080/api/users/7 -H 'Origin: https://app.example.com' \
         -H 'Access-Control-Request-Method: PUT' -H 'Access-Control-Request-Headers: content-type'"
    );
    HttpServer::new(|| App::new().service(get_user).service(update_user).service(status)).bind(addr)?.run().await
}
