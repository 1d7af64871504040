use actix_web::{App, HttpResponse, get, web};
use cors_runtime::cors;

// The policy is rejected, yet every use of the handler as a service still type-checks:
// the only error is the policy's.
#[cors(origins = ["https://app.example.com", "*"])]
#[get("/items")]
pub async fn list_items() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(list_items);
}

fn main() {
    let _app = App::new().service(list_items).service(web::scope("/v1").service(list_items)).configure(routes);
}
