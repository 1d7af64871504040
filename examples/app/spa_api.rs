//! A single-page app and its API on different origins, under one shared policy, [`SPA`].
//!
//! The session routes use it by name (`#[cors(SPA)]`), each answering the preflights of its own
//! method. The account API is a scope behind an authentication middleware, with
//! `Cors::new(&SPA)` outside it: preflights, which browsers send without cookies, are answered
//! before authentication runs, every other request meets it, and its `401`s carry the CORS
//! headers, so the page can read them.
//!
//! The session cookie holds the user's name, standing in for a real session store.

use actix_web::body::MessageBody;
use actix_web::cookie::Cookie;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::{Next, from_fn};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, delete, get, post, web};
use cors_runtime::{Cors, Policy, cors, policy};
use serde::Deserialize;
use serde_json::json;

/// The app's policy. In production the app is served from `https://app.example.com`; during
/// development it runs on a Vite or webpack dev server on `http://localhost:<any port>`, which
/// `dev_origins` allows in debug builds only.
pub static SPA: Policy = policy!(
    origins = ["https://app.example.com"],
    dev_origins = ["http://localhost:*"],
    headers = ["content-type"],
    credentials,
    max_age = 600,
);

/// Who is signed in, from the session cookie the browser sends with `credentials: "include"`.
#[cors(SPA)]
#[get("/api/session")]
async fn session(req: HttpRequest) -> HttpResponse {
    match signed_in(req.cookie("session")) {
        Some(user) => HttpResponse::Ok().json(json!({ "user": user })),
        None => HttpResponse::Unauthorized().finish(),
    }
}

/// Signs in: a JSON body, hence a preflight.
#[cors(SPA)]
#[post("/api/session")]
async fn sign_in(body: web::Json<serde_json::Value>) -> HttpResponse {
    let user = body.get("user").and_then(|u| u.as_str()).unwrap_or("guest").to_owned();
    let cookie = Cookie::build("session", user).path("/").http_only(true).finish();
    HttpResponse::NoContent().cookie(cookie).finish()
}

/// Signs out.
#[cors(SPA)]
#[delete("/api/session")]
async fn sign_out() -> HttpResponse {
    let mut gone = Cookie::build("session", "").path("/").finish();
    gone.make_removal();
    HttpResponse::NoContent().cookie(gone).finish()
}

/// The user a session cookie names, if any.
fn signed_in(cookie: Option<Cookie<'_>>) -> Option<String> {
    cookie.map(|c| c.value().to_owned()).filter(|user| !user.is_empty())
}

/// The signed-in user, for the handlers behind [`authentication`].
#[derive(Clone)]
struct User(String);

/// Requires the session cookie: `401` without it, before any handler runs.
async fn authentication(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    match signed_in(req.cookie("session")) {
        Some(user) => {
            req.extensions_mut().insert(User(user));
            Ok(next.call(req).await?.map_into_left_body())
        }
        None => {
            let refused = HttpResponse::Unauthorized().json(json!({ "error": "sign in first" }));
            Ok(req.into_response(refused).map_into_right_body())
        }
    }
}

/// `GET /api/account`: the signed-in user's account.
async fn account(user: web::ReqData<User>) -> HttpResponse {
    HttpResponse::Ok().json(json!({ "user": user.0, "plan": "free" }))
}

#[derive(Deserialize)]
struct Rename {
    name: String,
}

/// `POST /api/account/name` with a JSON body: changes the display name.
async fn rename(user: web::ReqData<User>, body: web::Json<Rename>) -> HttpResponse {
    HttpResponse::Ok().json(json!({ "user": user.0, "name": body.name }))
}

/// Registers the session routes (`GET`, `POST` and `DELETE /api/session`) and the scope
/// `/api/account` (`GET /api/account`, `POST /api/account/name`) behind authentication, with
/// `Cors::new(&SPA)` outside it (actix-web runs the last `wrap` first).
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(session).service(sign_in).service(sign_out).service(
        web::scope("/api/account")
            .wrap(from_fn(authentication))
            .wrap(Cors::new(&SPA))
            .route("", web::get().to(account))
            .route("/name", web::post().to(rename)),
    );
}
