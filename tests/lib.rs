//! Shared test support for this package's suites. The conformance loader and harness live in
//! `cors-test-support`, written once for the whole workspace, and are re-exported here under
//! the names the suites use; the suites reach its reference model and builder helper there.

pub use cors_test_support::harness::{Observed, check, request, run_all};
pub use cors_test_support::vectors::{Vector, protection_vectors, vectors};
pub use cors_test_support::{conformance_dir, load};

/// The keys of a vector's policy, as written in `#[cors(...)]` or `policy!(...)`; `methods`
/// only when `with_methods`.
fn keys(v: &Vector, with_methods: bool) -> Vec<String> {
    let list = |key: &str| {
        v.list(key).map(|items| {
            let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
            format!("{key} = [{}]", quoted.join(", "))
        })
    };
    let lists = ["origins", "dev_origins", "methods", "headers", "expose"];
    let mut keys: Vec<String> =
        lists.iter().filter(|k| with_methods || **k != "methods").filter_map(|k| list(k)).collect();
    for flag in ["credentials", "dangerously_allow_insecure_origins", "dangerously_accept_cross_origin_writes"] {
        if v.flag(flag) {
            keys.push(flag.into());
        }
    }
    if let Some(n) = v.cors["max_age"].as_i64() {
        keys.push(format!("max_age = {n}"));
    }
    keys
}

/// Rust source serving every vector three ways, each at the vector's path in its own `App`:
/// - `configure`: a `#[cors(...)]` handler with the vector's policy written out;
/// - `configure_shared`: a `#[cors(P)]` handler under a shared policy `P` declared with
///   `policy!` (the vector's `methods`, if any, narrow it on the route, as
///   `#[cors(P, methods = [...])]`);
/// - `MIDDLEWARE`: per vector, a shared policy listing the methods its preflights answer (the
///   vector's, else the route's), for `Cors::new(&P)` on a `Resource`.
///
/// The suites compile the committed output; a test checks that it is what this function makes
/// from the current conformance files. `source` names the file, for the header comment.
pub fn generate_handlers(vectors: &[Vector], source: &str) -> String {
    use std::fmt::Write as _;
    let mut out = format!(
        "// Generated from ../shared/conformance/{source} by `cors_tests::generate_handlers`.\n\
         // Regenerate with `UPDATE_VECTORS=1 cargo test -p cors-tests --test conformance_macro`.\n\n\
         use actix_web::{{HttpResponse, route, web}};\n\
         use cors_runtime::{{Policy, cors, policy}};\n"
    );
    for v in vectors {
        let methods: Vec<String> = v.route_methods.iter().map(|m| format!("method = {m:?}")).collect();
        let route = format!("#[route({:?}, {})]", v.path(), methods.join(", "));
        let id = v.ident();
        let upper = id.to_uppercase();
        let narrowed = v.list("methods").map(|m| format!(", methods = [{}]", m.join(", "))).unwrap_or_default();
        let mut answered = keys(v, true);
        if v.list("methods").is_none() {
            let quoted: Vec<String> = v.route_methods.iter().map(|m| format!("{m:?}")).collect();
            answered.push(format!("methods = [{}]", quoted.join(", ")));
        }
        let _ = write!(
            out,
            "\n#[cors({inline})]\n{route}\nasync fn {id}() -> HttpResponse {{\n    HttpResponse::Ok().body(\"ok\")\n}}\n\
             \nstatic SHARED_{upper}: Policy = policy!({shared});\n\
             \n#[cors(SHARED_{upper}{narrowed})]\n{route}\nasync fn shared_{id}() -> HttpResponse {{\n    HttpResponse::Ok().body(\"ok\")\n}}\n\
             \nstatic MIDDLEWARE_{upper}: Policy = policy!({middleware});\n",
            inline = keys(v, true).join(", "),
            shared = keys(v, false).join(", "),
            middleware = answered.join(", "),
        );
    }
    let mut configure = |name: &str, doc: &str, prefix: &str| {
        let _ = write!(out, "\n/// {doc}\npub fn {name}(cfg: &mut web::ServiceConfig) {{\n");
        for v in vectors {
            let _ = writeln!(out, "    cfg.service({prefix}{});", v.ident());
        }
        out.push_str("}\n");
    };
    configure("configure", "Registers every vector's handler with its policy written out.", "");
    configure("configure_shared", "Registers every vector's handler under its shared policy.", "shared_");
    let _ = write!(
        out,
        "\n/// Per vector id, the shared policy for `Cors::new`.\npub static MIDDLEWARE: [(&str, &Policy); {}] = [\n",
        vectors.len()
    );
    for v in vectors {
        let _ = writeln!(out, "    ({:?}, &MIDDLEWARE_{}),", v.id, v.ident().to_uppercase());
    }
    out.push_str("];\n");
    out
}
