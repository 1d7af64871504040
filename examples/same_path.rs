//! Two handlers on one path with different policies. Each answers the preflights for its own
//! method: anyone may read `/api/articles/{id}`, only the editor may `PUT` it (the application
//! is `cors_examples::app::same_path`).
//!
//! ```sh
//! cargo run --example same_path
//! # 204: the editor asks to PUT
//! curl -i -X OPTIONS http://127.0.0.1:8083/api/articles/1 \
//!   -H 'Origin: https://editor.example.com' -H 'Access-Control-Request-Method: PUT'
//! # 403: another site asks to PUT
//! curl -i -X OPTIONS http://127.0.0.1:8083/api/articles/1 \
//!   -H 'Origin: https://blog.example.org' -H 'Access-Control-Request-Method: PUT'
//! ```

use actix_web::{App, HttpServer};
use cors_examples::app::same_path;

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    println!("listening on http://127.0.0.1:8083");
    HttpServer::new(|| App::new().configure(same_path::configure)).bind(("127.0.0.1", 8083))?.run().await
}
