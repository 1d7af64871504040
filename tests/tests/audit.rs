//! The audit (`cors_runtime::audit`, POLICY §7): what it lists for each kind of route and
//! policy, `dev_origins` in debug and release-like builds, the findings of `check()`, the JSON
//! form, and the one-line snapshot test a user writes.
//!
//! Every test of this binary reads the same link-time registry, which also holds the entries
//! of the crates linked into it (`cors-release-probe`), so assertions are about this file's
//! entries, selected by their source, or about the release probe's, by name.

use std::collections::BTreeSet;

use actix_web::http::header::ACCESS_CONTROL_ALLOW_ORIGIN;
use actix_web::test::{TestRequest, call_service, init_service};
use actix_web::{App, HttpResponse, delete, get, post, route, routes, web};
use cors_runtime::audit::{self, Entry, Finding, Kind, Writes};
use cors_runtime::{Cors, Policy, cors, policy};

// --- This file's CORS surface --------------------------------------------------------------

/// With a development origin, listed in this debug build.
#[cors(origins = ["https://app.example.com"], dev_origins = ["http://localhost:*"], credentials)]
#[get("/audit/dev")]
async fn with_dev_origins() -> HttpResponse {
    HttpResponse::Ok().finish()
}

/// A shared policy listing `methods`, used by name below.
static SHARED: Policy = policy!(
    origins = ["https://app.example.com", "https://*.app.example.com"],
    methods = [GET, PUT, PATCH],
    headers = ["content-type", "authorization"],
    expose = ["x-total-count"],
    credentials,
    max_age = 600,
);

/// `SHARED` as it is: preflights answer the route's own `GET`.
#[cors(SHARED)]
#[get("/audit/items")]
async fn list_items() -> HttpResponse {
    HttpResponse::Ok().finish()
}

/// `SHARED` narrowed to `PUT`: the route also serves `PATCH`, whose preflights are refused.
#[cors(SHARED, methods = [PUT])]
#[route("/audit/items/{id}", method = "PUT", method = "PATCH")]
async fn update_item() -> HttpResponse {
    HttpResponse::Ok().finish()
}

/// A route under a shared policy written, with a development origin, in a crate compiled
/// without debug assertions.
#[cors(cors_release_probe::RELEASE_SHARED)]
#[get("/audit/release-shared")]
async fn release_shared() -> HttpResponse {
    HttpResponse::Ok().finish()
}

/// Registered in the scope `/audit/admin`: the audit lists the attribute's path.
#[cors(origins = ["https://admin.example.com"], credentials)]
#[delete("/users/{id}")]
async fn scoped_delete() -> HttpResponse {
    HttpResponse::Ok().finish()
}

/// Three route attributes: three entries.
#[cors(origins = ["https://app.example.com"], headers = ["content-type"])]
#[routes]
#[get("/audit/multi")]
#[post("/audit/multi")]
#[put("/audit/multi/{id}")]
async fn multi() -> HttpResponse {
    HttpResponse::Ok().finish()
}

/// Public data: any origin, so no write check to turn off.
#[cors(origins = ["*"], max_age = 3600)]
#[get("/audit/public")]
async fn public() -> HttpResponse {
    HttpResponse::Ok().finish()
}

/// `GET /audit/conflict` with one policy...
#[cors(origins = ["https://a.example.com"])]
#[get("/audit/conflict")]
async fn conflict_a() -> HttpResponse {
    HttpResponse::Ok().finish()
}

/// ...and with another: a conflict.
#[cors(origins = ["https://b.example.com"])]
#[get("/audit/conflict")]
async fn conflict_b() -> HttpResponse {
    HttpResponse::Ok().finish()
}

/// The same path with a third policy, but another method: no conflict.
#[cors(origins = ["https://c.example.com"])]
#[post("/audit/conflict")]
async fn conflict_post() -> HttpResponse {
    HttpResponse::Ok().finish()
}

/// Accepts cross-origin writes from any origin, on its own policy.
#[cors(origins = ["https://forms.example.com"], dangerously_accept_cross_origin_writes)]
#[post("/audit/form")]
async fn form() -> HttpResponse {
    HttpResponse::Ok().finish()
}

/// Accepts cross-origin writes from any origin: reported once, on the policy, not per route.
static OPEN_WRITES: Policy = policy!(origins = ["https://hooks.example.com"], dangerously_accept_cross_origin_writes);

#[cors(OPEN_WRITES)]
#[post("/audit/webhook")]
async fn webhook() -> HttpResponse {
    HttpResponse::Ok().finish()
}

/// Used by nothing at all.
#[allow(dead_code)]
static UNUSED: Policy = policy!(origins = ["https://unused.example.com"]);

/// Used by `Cors::new(&MIDDLEWARE_ONLY)` only, which one test builds.
static MIDDLEWARE_ONLY: Policy = policy!(origins = ["https://mw.example.com"], methods = [GET, DELETE]);

/// Everything above that is a route, in one `App`, with the release probe.
fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(with_dev_origins)
        .service(list_items)
        .service(update_item)
        .service(release_shared)
        .service(web::scope("/audit/admin").service(scoped_delete))
        .service(multi)
        .service(public)
        .service(conflict_a)
        .service(conflict_b)
        .service(conflict_post)
        .service(form)
        .service(webhook)
        .configure(cors_release_probe::configure);
}

// --- Helpers ---------------------------------------------------------------------------------

/// How this file's entries' sources begin: the path the audit prints (relative, as rustc
/// received it), then `:line`.
const HERE: &str = concat!(file!(), ":");

/// This file's entries, in the audit's order.
fn here() -> Vec<Entry> {
    audit::entries().into_iter().filter(|e| e.source.starts_with(HERE)).collect()
}

/// This file's route entries for a handler, in the audit's order.
fn routes_of(name: &str) -> Vec<Entry> {
    here().into_iter().filter(|e| e.kind == Kind::Route && e.name == name).collect()
}

/// The one route entry for a handler.
fn route(name: &str) -> Entry {
    let mut all = routes_of(name);
    assert_eq!(all.len(), 1, "entries of {name}: {all:?}");
    all.remove(0)
}

/// This file's policy entry for a `static`.
fn shared(name: &str) -> Entry {
    let mut all: Vec<Entry> = here().into_iter().filter(|e| e.kind == Kind::Policy && e.name == name).collect();
    assert_eq!(all.len(), 1, "entries of {name}: {all:?}");
    all.remove(0)
}

/// The release probe's route entry (in `tests/release-probe/lib.rs`).
fn release_probe() -> Entry {
    let mut all: Vec<Entry> =
        audit::entries().into_iter().filter(|e| e.path.as_deref() == Some("/probe/release")).collect();
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

/// `audit::markdown()`, restricted to this file's rows (the header and every row whose source
/// is in this file). A user's snapshot test takes the whole table.
fn markdown_here() -> String {
    let row = format!("| {HERE}");
    audit::markdown()
        .lines()
        .enumerate()
        .filter(|(i, l)| *i < 2 || l.contains(&row))
        .map(|(_, l)| l.to_owned() + "\n")
        .collect()
}

/// The findings of `check()` about this file's routes and policies.
fn findings_here() -> Vec<Finding> {
    audit::check()
        .into_iter()
        .filter(|f| match f {
            Finding::Conflict { path, .. } => path.starts_with("/audit/"),
            Finding::UnusedPolicy { source, .. } | Finding::WritesFromAnyOrigin { source, .. } => {
                source.starts_with(HERE)
            }
        })
        .collect()
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

// --- What each entry lists -------------------------------------------------------------------

#[test]
fn lists_dev_origins_in_a_debug_build() {
    let e = route("with_dev_origins");
    assert_eq!(e.path.as_deref(), Some("/audit/dev"));
    assert_eq!(e.methods, Some(strings(&["GET"])));
    assert_eq!(e.origins, ["https://app.example.com"]);
    // `cargo test` is a debug build; `cargo test --release` would list (and serve) none.
    let dev: &[&str] = if cfg!(debug_assertions) { &["http://localhost:*"] } else { &[] };
    assert_eq!(e.dev_origins, dev);
    assert!(e.credentials);
    assert_eq!(e.cross_origin_writes, Writes::Checked);
    assert_eq!(e.shared, None);
}

#[test]
fn lists_no_dev_origins_in_a_release_like_build() {
    const { assert!(!cors_release_probe::DEBUG_ASSERTIONS, "the probe must be built without debug assertions") };
    let e = release_probe();
    assert_eq!(e.name, "probe");
    assert!(e.source.starts_with("tests/release-probe/lib.rs:"), "{}", e.source);
    assert_eq!(e.origins, ["https://app.example.com"]);
    assert!(e.dev_origins.is_empty(), "{:?}", e.dev_origins);
    assert!(e.credentials);

    // A shared policy is listed as the crate that wrote it was compiled, also on a route of
    // this debug build that uses it by name.
    let policy = audit::entries()
        .into_iter()
        .find(|e| e.kind == Kind::Policy && e.name == "RELEASE_SHARED")
        .expect("the probe's shared policy is listed");
    assert!(policy.source.starts_with("tests/release-probe/lib.rs:"), "{}", policy.source);
    assert!(policy.dev_origins.is_empty(), "{:?}", policy.dev_origins);
    let e = route("release_shared");
    assert_eq!(e.shared.as_deref(), Some("RELEASE_SHARED"));
    assert_eq!(e.origins, ["https://app.example.com"]);
    assert!(e.dev_origins.is_empty(), "{:?}", e.dev_origins);
}

/// What the audit says about `dev_origins` is what is served.
#[actix_web::test]
async fn the_listed_dev_origins_are_the_served_ones() {
    let app = init_service(App::new().configure(configure)).await;
    for (path, listed) in [
        ("/audit/dev", route("with_dev_origins").dev_origins),
        ("/audit/release-shared", route("release_shared").dev_origins),
        ("/probe/release", release_probe().dev_origins),
    ] {
        let req = TestRequest::get().uri(path).insert_header(("Origin", "http://localhost:5173")).to_request();
        let res = call_service(&app, req).await;
        assert_eq!(res.status(), 200, "{path}");
        let served = res.headers().contains_key(ACCESS_CONTROL_ALLOW_ORIGIN);
        assert_eq!(served, !listed.is_empty(), "{path}: listed {listed:?}");
    }
}

#[test]
fn lists_shared_policies_and_the_routes_that_use_them() {
    let p = shared("SHARED");
    assert_eq!(p.path, None);
    assert_eq!(p.methods, Some(strings(&["GET", "PUT", "PATCH"])));
    assert_eq!(p.origins, ["https://app.example.com", "https://*.app.example.com"]);
    assert_eq!(p.headers, ["content-type", "authorization"]);
    assert_eq!(p.expose, ["x-total-count"]);
    assert!(p.credentials);
    assert_eq!(p.max_age, Some(600));
    assert_eq!(p.shared, None);

    // A route under it lists the policy's settings, its own path and methods, and the name.
    let list = route("list_items");
    assert_eq!(list.shared.as_deref(), Some("SHARED"));
    assert_eq!(list.path.as_deref(), Some("/audit/items"));
    assert_eq!(list.methods, Some(strings(&["GET"])));
    let same = |e: &Entry| (e.origins.clone(), e.headers.clone(), e.expose.clone(), e.credentials, e.max_age);
    assert_eq!(same(&list), same(&p));

    // Narrowed to `PUT`: the route serves `PATCH` too, but its preflights answer `PUT` only.
    let update = route("update_item");
    assert_eq!(update.shared.as_deref(), Some("SHARED"));
    assert_eq!(update.path.as_deref(), Some("/audit/items/{id}"));
    assert_eq!(update.methods, Some(strings(&["PUT"])));
    assert_eq!(same(&update), same(&p));
}

#[test]
fn lists_a_scoped_route_with_its_attribute_path() {
    let e = route("scoped_delete");
    // Registered under `web::scope("/audit/admin")`: the scope's prefix is not known to the
    // attribute, so the audit shows the path as written on it.
    assert_eq!(e.path.as_deref(), Some("/users/{id}"));
    assert_eq!(e.methods, Some(strings(&["DELETE"])));
    assert_eq!(e.origins, ["https://admin.example.com"]);
}

#[test]
fn lists_one_entry_per_route_attribute() {
    let entries: Vec<(Option<String>, Option<Vec<String>>)> =
        routes_of("multi").into_iter().map(|e| (e.path, e.methods)).collect();
    assert_eq!(
        entries,
        [
            (Some("/audit/multi".to_owned()), Some(strings(&["GET"]))),
            (Some("/audit/multi".to_owned()), Some(strings(&["POST"]))),
            (Some("/audit/multi/{id}".to_owned()), Some(strings(&["PUT"]))),
        ]
    );
    let sources: BTreeSet<String> = routes_of("multi").into_iter().map(|e| e.source).collect();
    assert_eq!(sources.len(), 1, "one `#[cors]`, one source: {sources:?}");
}

#[test]
fn lists_the_write_check() {
    assert_eq!(route("with_dev_origins").cross_origin_writes, Writes::Checked);
    assert_eq!(route("public").cross_origin_writes, Writes::AnyOrigin);
    assert_eq!(route("form").cross_origin_writes, Writes::Accepted);
    assert_eq!(shared("OPEN_WRITES").cross_origin_writes, Writes::Accepted);
    assert_eq!(route("webhook").cross_origin_writes, Writes::Accepted);
}

#[test]
fn sorts_by_path_then_methods() {
    let all = audit::entries();
    // Policies, which have no path, come first, by name; then routes, by path then methods.
    let first_route = all.iter().position(|e| e.kind == Kind::Route).unwrap();
    assert!(all[..first_route].iter().all(|e| e.kind == Kind::Policy));
    assert!(all[first_route..].iter().all(|e| e.kind == Kind::Route));
    let names: Vec<_> = all[..first_route].iter().map(|e| e.name.clone()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    let keys: Vec<_> = all[first_route..].iter().map(|e| (e.path.clone(), e.methods.clone())).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn sources_are_relative_file_and_line() {
    for e in audit::entries() {
        let (file, line) = e.source.rsplit_once(':').unwrap_or_else(|| panic!("{}", e.source));
        assert!(!file.starts_with('/') && !file.contains('\\'), "{}", e.source);
        assert!(file.ends_with(".rs"), "{}", e.source);
        assert!(line.parse::<u32>().is_ok_and(|n| n > 0), "{}", e.source);
    }
    assert_eq!(HERE, "tests/tests/audit.rs:");
}

// --- check() ---------------------------------------------------------------------------------

#[test]
fn reports_a_conflict() {
    let conflicts: Vec<Finding> =
        findings_here().into_iter().filter(|f| matches!(f, Finding::Conflict { .. })).collect();
    assert_eq!(
        conflicts,
        [Finding::Conflict {
            path: "/audit/conflict".into(),
            method: "GET".into(),
            routes: strings(&["conflict_a", "conflict_b"]),
        }]
    );
    assert_eq!(
        conflicts[0].to_string(),
        "GET /audit/conflict is annotated by conflict_a and conflict_b with different policies"
    );
}

#[test]
fn reports_writes_from_any_origin_once_per_policy() {
    let writes: Vec<(String, String)> = findings_here()
        .into_iter()
        .filter_map(|f| match f {
            Finding::WritesFromAnyOrigin { name, source } => Some((name, source)),
            _ => None,
        })
        .collect();
    // `form`'s own policy, and `OPEN_WRITES`; not `webhook`, which uses `OPEN_WRITES`.
    let names: Vec<&str> = writes.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["OPEN_WRITES", "form"]);
    assert_eq!(writes[0].1, shared("OPEN_WRITES").source);
    assert_eq!(writes[1].1, route("form").source);
}

/// The names of this file's unused policies, sorted: `check()` reports them in registration
/// order, which the link decides.
fn unused_policies() -> Vec<String> {
    let mut names: Vec<String> = findings_here()
        .into_iter()
        .filter_map(|f| match f {
            Finding::UnusedPolicy { name, .. } => Some(name),
            _ => None,
        })
        .collect();
    names.sort();
    names
}

#[test]
fn reports_unused_policies_until_middleware_uses_them() {
    // No other test builds `Cors::new(&MIDDLEWARE_ONLY)`, so this one sees before and after.
    assert_eq!(unused_policies(), ["MIDDLEWARE_ONLY", "UNUSED"]);
    let unused =
        findings_here().into_iter().find(|f| matches!(f, Finding::UnusedPolicy { name, .. } if name == "UNUSED"));
    let source = shared("UNUSED").source;
    assert_eq!(unused, Some(Finding::UnusedPolicy { name: "UNUSED".into(), source: source.clone() }),);
    assert_eq!(
        unused.unwrap().to_string(),
        format!("shared policy UNUSED ({source}) is used by no route and no middleware")
    );

    // Building the middleware records the use: nothing else is needed.
    let _app = App::new().service(
        web::scope("/audit/middleware").wrap(Cors::new(&MIDDLEWARE_ONLY)).route("/x", web::get().to(HttpResponse::Ok)),
    );
    assert_eq!(unused_policies(), ["UNUSED"]);
}

#[test]
fn reports_nothing_else() {
    // Routes under a shared policy, `"*"`, checked writes, one path with two methods under two
    // policies, and the routes of `#[routes]`, are findings of none of the kinds.
    let quiet = [
        "with_dev_origins",
        "list_items",
        "update_item",
        "release_shared",
        "scoped_delete",
        "multi",
        "public",
        "webhook",
    ];
    for f in findings_here() {
        let names: Vec<String> = match &f {
            Finding::Conflict { routes, .. } => routes.clone(),
            Finding::UnusedPolicy { name, .. } | Finding::WritesFromAnyOrigin { name, .. } => vec![name.clone()],
        };
        assert!(names.iter().all(|n| !quiet.contains(&n.as_str())), "{f}");
        assert!(!names.contains(&"conflict_post".to_owned()), "{f}");
    }
}

// --- The JSON form ---------------------------------------------------------------------------

#[test]
fn json_lists_the_same_entries_with_exactly_the_audit_fields() {
    let fields: BTreeSet<&str> = [
        "kind",
        "name",
        "path",
        "methods",
        "origins",
        "dev_origins",
        "credentials",
        "headers",
        "expose",
        "max_age",
        "cross_origin_writes",
        "source",
    ]
    .into();
    let value: serde_json::Value = serde_json::from_str(&audit::json()).expect("audit::json() is JSON");
    let array = value.as_array().expect("an array");
    assert_eq!(array.len(), audit::entries().len());
    for item in array {
        let object = item.as_object().unwrap_or_else(|| panic!("not an object: {item}"));
        let keys: BTreeSet<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(keys, fields, "{item}");
    }

    let find = |name: &str| {
        array
            .iter()
            .find(|o| o["name"] == name && o["source"].as_str().is_some_and(|s| s.starts_with(HERE)))
            .unwrap_or_else(|| panic!("{name} is listed"))
            .clone()
    };
    let dev = find("with_dev_origins");
    assert_eq!(
        dev,
        serde_json::json!({
            "kind": "route",
            "name": "with_dev_origins",
            "path": "/audit/dev",
            "methods": ["GET"],
            "origins": ["https://app.example.com"],
            "dev_origins": if cfg!(debug_assertions) { vec!["http://localhost:*"] } else { vec![] },
            "credentials": true,
            "headers": [],
            "expose": [],
            "max_age": null,
            "cross_origin_writes": "checked",
            "source": route("with_dev_origins").source,
        })
    );
    let policy = find("SHARED");
    assert_eq!(policy["kind"], "policy");
    assert_eq!(policy["path"], serde_json::Value::Null);
    assert_eq!(policy["methods"], serde_json::json!(["GET", "PUT", "PATCH"]));
    assert_eq!(policy["max_age"], 600);
    assert_eq!(find("public")["cross_origin_writes"], "any-origin");
    assert_eq!(find("form")["cross_origin_writes"], "accepted");
}

// --- The snapshot ----------------------------------------------------------------------------

/// The test a user writes, `insta::assert_snapshot!(cors_runtime::audit::markdown())`,
/// restricted to this file's entries: every change of a policy above shows up as a diff of
/// `snapshots/audit__cors_surface.snap`. Review it with `cargo insta review`, or regenerate it
/// with `INSTA_UPDATE=always cargo test -p cors-tests --test audit` and read the diff.
#[test]
#[cfg_attr(not(debug_assertions), ignore = "the snapshot is of a debug build, with its dev_origins")]
fn cors_surface() {
    insta::assert_snapshot!(markdown_here());
}
