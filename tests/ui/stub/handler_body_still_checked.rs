use actix_web::{App, HttpResponse, get};
use cors_runtime::cors;

// A rejected policy does not hide mistakes in the handler itself: the body is still
// type-checked, and its error is reported next to the policy's.
#[cors(origins = ["null"])]
#[get("/items")]
async fn list_items() -> HttpResponse {
    let count: u32 = "three";
    HttpResponse::Ok().body(count.to_string())
}

fn main() {
    let _app = App::new().service(list_items);
}
