//! A single-page app and its API on different origins.
//!
//! In production the app is served from `https://app.example.com`. During development it runs
//! on a Vite or webpack dev server on `http://localhost:<any port>`, which `dev_origins`
//! allows in debug builds only: `cargo run --release --example spa_api` refuses it.
//!
//! ```sh
//! cargo run --example spa_api
//! curl -i http://127.0.0.1:8081/api/session -H 'Origin: http://localhost:5173'
//! ```

use actix_web::cookie::Cookie;
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, delete, get, post, web};
use cors_runtime::cors;

/// Who is signed in, from the session cookie the browser sends with `credentials: "include"`.
#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials)]
#[get("/api/session")]
async fn session(req: HttpRequest) -> HttpResponse {
    match req.cookie("session") {
        Some(c) => HttpResponse::Ok().json(serde_json::json!({ "user": c.value() })),
        None => HttpResponse::Unauthorized().finish(),
    }
}

/// Signs in: a JSON body, hence a preflight.
#[cors(
    origins = ["https://app.example.com"],
    dev_origins = ["http://localhost:*"],
    headers = ["content-type"],
    credentials,
    max_age = 600
)]
#[post("/api/session")]
async fn sign_in(body: web::Json<serde_json::Value>) -> HttpResponse {
    let user = body.get("user").and_then(|u| u.as_str()).unwrap_or("guest").to_owned();
    let cookie = Cookie::build("session", user).path("/").http_only(true).finish();
    HttpResponse::NoContent().cookie(cookie).finish()
}

/// Signs out.
#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials, max_age = 600)]
#[delete("/api/session")]
async fn sign_out() -> HttpResponse {
    let mut gone = Cookie::build("session", "").path("/").finish();
    gone.make_removal();
    HttpResponse::NoContent().cookie(gone).finish()
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    println!("listening on http://127.0.0.1:8081 (dev origins: {})", cfg!(debug_assertions));
    HttpServer::new(|| App::new().service(session).service(sign_in).service(sign_out))
        .bind(("127.0.0.1", 8081))?
        .run()
        .await
}
