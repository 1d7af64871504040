//! Every vector of `vectors.json` and of `v2/protection-vectors.json`, served by policies made
//! with the run-time builder and applied to a `Resource` with [`Cors`].

use std::sync::Arc;
use std::time::Duration;

use actix_web::http::Method;
use actix_web::{App, HttpResponse, test, web};
use cors_runtime::{Cors, Policy};
use cors_tests::{Observed, Vector, protection_vectors, run_all, vectors};

fn policy(v: &Vector) -> Policy {
    let mut b = Policy::builder().methods(v.list("methods").unwrap_or_else(|| v.route_methods.clone()));
    if let Some(o) = v.list("origins") {
        b = b.origins(o);
    }
    if let Some(o) = v.list("dev_origins") {
        b = b.dev_origins(o);
    }
    if let Some(h) = v.list("headers") {
        b = b.headers(h);
    }
    if let Some(e) = v.list("expose") {
        b = b.expose(e);
    }
    if v.flag("credentials") {
        b = b.credentials(true);
    }
    if v.flag("dangerously_accept_cross_origin_writes") {
        b = b.dangerously_accept_cross_origin_writes(true);
    }
    if let Some(n) = v.cors.get("max_age") {
        let secs = n.as_u64().unwrap_or_else(|| panic!("{}: max_age {n} is not a number of seconds", v.id));
        b = b.max_age(Duration::from_secs(secs));
    }
    b.build().unwrap_or_else(|e| panic!("{}: {e}", v.id))
}

/// Serves every vector at its own path, behind its own policy, and checks every answer.
async fn serve_all(vectors: &[Vector]) {
    let mut app = App::new();
    for v in vectors {
        let mut resource = web::resource(v.path()).wrap(Cors::new(Arc::new(policy(v))));
        for m in &v.route_methods {
            let m = Method::from_bytes(m.as_bytes()).unwrap();
            resource = resource.route(web::method(m).to(|| async { HttpResponse::Ok().body("ok") }));
        }
        app = app.service(resource);
    }
    let app = test::init_service(app).await;
    run_all(vectors, |_, req| {
        let req = req.to_request();
        let app = &app;
        async move { Observed::from_response(test::call_service(app, req).await).await }
    })
    .await;
}

#[actix_web::test]
async fn builder_policies_pass_every_vector() {
    serve_all(&vectors()).await;
}

/// POLICY §4: the builder's middleware refuses cross-origin writes and WebSocket handshakes
/// as `#[cors]` does, with the same opt-out.
#[actix_web::test]
async fn builder_policies_pass_every_protection_vector() {
    serve_all(&protection_vectors()).await;
}
