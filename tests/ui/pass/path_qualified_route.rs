#![deny(warnings)]

use actix_web::{App, HttpResponse};
use cors_runtime::cors;

#[cors(origins = ["https://app.example.com"])]
#[actix_web::get("/items")]
async fn list_items() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _app = App::new().service(list_items);
}
