use actix_web::{App, HttpResponse, trace};
use cors_runtime::{Policy, cors, policy};

static SPA: Policy = policy!(origins = ["https://app.example.com"]);

#[cors(SPA)]
#[trace("/debug")]
async fn debug() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _app = App::new().service(debug);
}
