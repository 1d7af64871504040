//! A rejected `policy!` is reported once: the routes and middleware that use it add nothing.
use actix_web::{App, HttpResponse, get, web};
use cors_runtime::{Cors, Policy, cors, policy};

static SPA: Policy = policy!(origins = ["https://app.example.com/"], credentials, max_age = 100000);

#[cors(SPA)]
#[get("/me")]
async fn me() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _app = App::new().service(me).service(web::scope("/api").wrap(Cors::new(&SPA)));
}
