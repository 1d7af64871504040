#![deny(warnings)]

use actix_web::guard::GuardContext;
use actix_web::middleware::DefaultHeaders;
use actix_web::{App, HttpResponse, route};
use cors_runtime::cors;

fn accepts_json(ctx: &GuardContext<'_>) -> bool {
    ctx.head().headers().get("accept").is_some_and(|v| v.as_bytes() == b"application/json")
}

// The route's own `guard`, `name` and `wrap` options are kept next to the CORS middleware.
#[cors(origins = ["https://app.example.com"], methods = [PUT])]
#[route(
    "/items/{id}",
    method = "PUT",
    method = "DELETE",
    guard = "accepts_json",
    name = "item",
    wrap = "DefaultHeaders::new().add((\"x-api-version\", \"1\"))"
)]
async fn item() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _app = App::new().service(item);
}
