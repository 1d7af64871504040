//! Annotated routes inside `web::scope`: the scope's prefix applies to the handler and to its
//! preflight route alike (the application is `cors_examples::app::scoped`).
//!
//! ```sh
//! cargo run --example scoped
//! curl -i -X OPTIONS http://127.0.0.1:8082/api/v1/items/3 \
//!   -H 'Origin: https://app.example.com' -H 'Access-Control-Request-Method: DELETE'
//! ```

use actix_web::{App, HttpServer};
use cors_examples::app::scoped;

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    println!("listening on http://127.0.0.1:8082/api/v1");
    HttpServer::new(|| App::new().configure(scoped::configure)).bind(("127.0.0.1", 8082))?.run().await
}
