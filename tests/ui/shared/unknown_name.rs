use actix_web::{App, HttpResponse, get};
use cors_runtime::{Policy, cors, policy};

static SPA: Policy = policy!(origins = ["https://app.example.com"]);

#[cors(SAP)]
#[get("/me")]
async fn me() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _ = &SPA;
    let _app = App::new().service(me);
}
