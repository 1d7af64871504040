//! Annotated routes inside `web::scope`: the scope's prefix applies to the handler and to its
//! preflight route alike.
//!
//! ```sh
//! cargo run --example scoped
//! curl -i -X OPTIONS http://127.0.0.1:8082/api/v1/items/3 \
//!   -H 'Origin: https://app.example.com' -H 'Access-Control-Request-Method: DELETE'
//! ```

use actix_web::{App, HttpResponse, HttpServer, delete, get, web};
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

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    println!("listening on http://127.0.0.1:8082/api/v1");
    HttpServer::new(|| App::new().service(web::scope("/api/v1").service(list_items).service(delete_item)))
        .bind(("127.0.0.1", 8082))?
        .run()
        .await
}
