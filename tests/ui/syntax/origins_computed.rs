use actix_web::{App, HttpResponse, get};
use cors_runtime::cors;

const APP_ORIGIN: &str = "https://app.example.com";

// Each entry is reported on its own, and the literal beside them is still checked.
#[cors(origins = [APP_ORIGIN, concat!("https://", "admin.example.com"), "https//partner.example"])]
#[get("/items")]
async fn list_items() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _app = App::new().service(list_items);
}
