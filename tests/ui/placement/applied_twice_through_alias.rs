use actix_web::{App, HttpResponse, put};
use cors_runtime::cors;
use cors_runtime::cors as cors2;

#[cors(origins = ["https://app.example.com"], credentials)]
#[cors2(origins = ["https://partner.example"], credentials)]
#[put("/account")]
async fn update_account() -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn main() {
    let _app = App::new().service(update_account);
}
