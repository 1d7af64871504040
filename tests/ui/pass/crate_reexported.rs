#![deny(warnings)]

use actix_web::{App, HttpResponse, get};

// A crate that re-exports the runtime points the generated code at its own path.
mod platform {
    pub use cors_runtime as cors_support;
}

use platform::cors_support::cors;

#[cors(origins = ["https://app.example.com"], crate = "crate::platform::cors_support")]
#[get("/items")]
async fn list_items() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _app = App::new().service(list_items);
}
