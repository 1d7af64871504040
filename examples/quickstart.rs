//! A real actix-web server with `#[cors]` routes on 127.0.0.1:8080 (the application is
//! `cors_examples::app::quickstart`).
//!
//! ```sh
//! cargo run --example quickstart
//! curl -i -X OPTIONS http://127.0.0.1:8080/api/users/7 \
//!   -H 'Origin: https://app.example.com' -H 'Access-Control-Request-Method: PUT' \
//!   -H 'Access-Control-Request-Headers: content-type'
//! ```

use actix_web::{App, HttpServer};
use cors_examples::app::quickstart;

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let addr = ("127.0.0.1", 8080);
    println!("listening on http://{}:{}", addr.0, addr.1);
    println!(
        "try: curl -i -X OPTIONS http://127.0.0.1:8080/api/users/7 -H 'Origin: https://app.example.com' \
         -H 'Access-Control-Request-Method: PUT' -H 'Access-Control-Request-Headers: content-type'"
    );
    HttpServer::new(|| App::new().configure(quickstart::configure)).bind(addr)?.run().await
}
