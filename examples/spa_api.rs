//! A single-page app and its API on different origins, under one shared policy `SPA` (the
//! application is `cors_examples::app::spa_api`): on the session routes with `#[cors(SPA)]`,
//! and on the scope `/api/account` with `Cors::new(&SPA)` outside its authentication.
//!
//! In production the app is served from `https://app.example.com`. During development it runs
//! on a Vite or webpack dev server on `http://localhost:<any port>`, which `dev_origins`
//! allows in debug builds only: `cargo run --release --example spa_api` refuses it.
//!
//! ```sh
//! cargo run --example spa_api
//! # the dev server asks who is signed in: 401, readable (debug builds only)
//! curl -i http://127.0.0.1:8081/api/session -H 'Origin: http://localhost:5173'
//! # signs in: 204 with a session cookie
//! curl -i http://127.0.0.1:8081/api/session -H 'Origin: https://app.example.com' \
//!   -H 'content-type: application/json' -d '{"user": "ada"}'
//!
//! # a preflight to the scope, without a cookie (browsers send none): 204, answered before
//! # authentication
//! curl -i -X OPTIONS http://127.0.0.1:8081/api/account/name \
//!   -H 'Origin: https://app.example.com' -H 'Access-Control-Request-Method: POST' \
//!   -H 'Access-Control-Request-Headers: content-type'
//! # a GET without the cookie: 401 from the authentication, WITH Access-Control-Allow-Origin,
//! # so the page can read it
//! curl -i http://127.0.0.1:8081/api/account -H 'Origin: https://app.example.com'
//! # the same with the cookie: 200
//! curl -i http://127.0.0.1:8081/api/account -H 'Origin: https://app.example.com' \
//!   -H 'Cookie: session=ada'
//! # a cross-origin POST from a page on an unlisted origin, cookie included: 403, before
//! # authentication and the handler
//! curl -i http://127.0.0.1:8081/api/account/name -H 'Origin: https://evil.example' \
//!   -H 'Cookie: session=ada' -H 'content-type: application/json' -d '{"name": "mallory"}'
//! ```

use actix_web::{App, HttpServer};
use cors_examples::app::spa_api;

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    println!("listening on http://127.0.0.1:8081 (dev origins: {})", cfg!(debug_assertions));
    HttpServer::new(|| App::new().configure(spa_api::configure)).bind(("127.0.0.1", 8081))?.run().await
}
