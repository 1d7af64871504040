//! Every vector of `vectors.json` and of `v2/protection-vectors.json`, served by `#[cors]`
//! handlers with their policy written out, by `#[cors(P)]` handlers under a shared policy, and
//! by `Cors::new(&P)` on a `Resource`, each in a real `App`.

// Generated files: compared byte for byte with the generator's output, so never reformatted.
#[rustfmt::skip]
#[path = "conformance_macro/generated.rs"]
mod generated;
#[rustfmt::skip]
#[path = "conformance_macro/generated_protection.rs"]
mod generated_protection;

use actix_web::http::Method;
use actix_web::test::{call_service, init_service};
use actix_web::{App, HttpResponse, web};
use cors_runtime::{Cors, Policy};
use cors_tests::{Observed, Vector, generate_handlers, protection_vectors, run_all, vectors};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance_macro");

/// The committed handlers are what the generator makes from today's conformance files.
#[test]
fn generated_handlers_match_the_vectors() {
    for (file, source, vectors) in [
        ("generated.rs", "vectors.json", vectors()),
        ("generated_protection.rs", "v2/protection-vectors.json", protection_vectors()),
    ] {
        let path = format!("{DIR}/{file}");
        let want = generate_handlers(&vectors, source);
        if std::env::var_os("UPDATE_VECTORS").is_some() {
            std::fs::write(&path, &want).expect("write the generated handlers");
        }
        let have = std::fs::read_to_string(&path).expect("read the generated handlers");
        assert!(have == want, "{path} is out of date; rerun with UPDATE_VECTORS=1");
    }
}

/// Serves `$vectors` with `$app` and checks every answer.
macro_rules! serve {
    ($app:expr, $vectors:expr) => {{
        let vectors: &[Vector] = $vectors;
        let app = init_service($app).await;
        run_all(vectors, |_, req| {
            let req = req.to_request();
            let app = &app;
            async move { Observed::from_response(call_service(app, req).await).await }
        })
        .await;
    }};
}

/// Each vector's route, as a `Resource` wrapped in `Cors::new(policy)`.
macro_rules! middleware_app {
    ($vectors:expr, $policies:expr) => {{
        let policies: &'static [(&'static str, &'static Policy)] = $policies;
        let mut app = App::new();
        for v in $vectors {
            let policy = policies.iter().find(|(id, _)| *id == v.id).map(|(_, p)| *p).expect("a policy per vector");
            let mut resource = web::resource(v.path()).wrap(Cors::new(policy));
            for m in &v.route_methods {
                let m = Method::from_bytes(m.as_bytes()).unwrap();
                resource = resource.route(web::method(m).to(|| async { HttpResponse::Ok().body("ok") }));
            }
            app = app.service(resource);
        }
        app
    }};
}

#[actix_web::test]
async fn attribute_policies_pass_every_vector() {
    serve!(App::new().configure(generated::configure), &vectors());
}

#[actix_web::test]
async fn shared_policies_pass_every_vector() {
    serve!(App::new().configure(generated::configure_shared), &vectors());
}

#[actix_web::test]
async fn shared_policies_in_middleware_pass_every_vector() {
    let vectors = vectors();
    serve!(middleware_app!(&vectors, &generated::MIDDLEWARE), &vectors);
}

#[actix_web::test]
async fn attribute_policies_pass_every_protection_vector() {
    serve!(App::new().configure(generated_protection::configure), &protection_vectors());
}

#[actix_web::test]
async fn shared_policies_pass_every_protection_vector() {
    serve!(App::new().configure(generated_protection::configure_shared), &protection_vectors());
}

#[actix_web::test]
async fn shared_policies_in_middleware_pass_every_protection_vector() {
    let vectors = protection_vectors();
    serve!(middleware_app!(&vectors, &generated_protection::MIDDLEWARE), &vectors);
}
