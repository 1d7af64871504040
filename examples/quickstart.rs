//! A real actix-web server with `#[cors]` routes on 127.0.0.1:8080.
//!
//! ```sh
//! cargo run --example quickstart
//! curl -i -X OPTIONS http://127.0.0.1:8080/api/users/7 \
//!   -H 'Origin: https://app.example.com' -H 'Access-Control-Request-Method: PUT' \
//!   -H 'Access-Control-Request-Headers: content-type'
//! ```

use actix_web::{App, HttpResponse, HttpServer, Responder, get, put, web};
use cors_runtime::cors;
use serde::Deserialize;

#[derive(Deserialize)]
struct User {
    name: String,
}

/// Reads a user. Any page on `app.example.com` may call it with cookies.
#[cors(origins = ["https://app.example.com"], credentials, expose = ["x-request-id"])]
#[get("/api/users/{id}")]
async fn get_user(id: web::Path<u32>) -> impl Responder {
    HttpResponse::Ok().insert_header(("x-request-id", "42")).json(serde_json_like(*id, "ada"))
}

/// Renames a user: a preflighted `PUT` with a JSON body.
#[cors(origins = ["https://app.example.com"], headers = ["content-type"], credentials, max_age = 600)]
#[put("/api/users/{id}")]
async fn update_user(id: web::Path<u32>, body: web::Json<User>) -> impl Responder {
    HttpResponse::Ok().json(serde_json_like(*id, &body.name))
}

/// Public data: any origin, no credentials.
#[cors(origins = ["*"])]
#[get("/api/status")]
async fn status() -> &'static str {
    "ok"
}

fn serde_json_like(id: u32, name: &str) -> String {
    format!("{{\"id\":{id},\"name\":{name:?}}}")
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
