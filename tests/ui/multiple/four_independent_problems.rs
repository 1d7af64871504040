use actix_web::{App, HttpResponse, get};
use cors_runtime::cors;

// A path in an origin, a forbidden request header, a max_age above the cap and a misspelt key:
// independent problems, all reported by one build.
#[cors(
    origins = ["https://app.example.com/"],
    headers = ["content-type", "cookie"],
    max_age = 100000,
    exposed = ["x-total-count"],
)]
#[get("/items")]
async fn list_items() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _app = App::new().service(list_items);
}
