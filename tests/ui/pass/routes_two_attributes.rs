#![deny(warnings)]

use actix_web::{App, HttpResponse, routes};
use cors_runtime::cors;

// `methods` may list every method of every route attribute under `#[routes]`.
#[cors(origins = ["https://app.example.com"], methods = [GET, POST])]
#[routes]
#[get("/items")]
#[post("/items")]
async fn items() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _app = App::new().service(items);
}
