//! Shared test support: loading `../shared/conformance/vectors.json`, turning a vector into a
//! request, and checking a response against its expectations. Both conformance suites (the
//! run-time builder's and the attribute's) use the same code, so they check the same things.

use std::path::PathBuf;

use actix_web::body::MessageBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::test::TestRequest;
use serde_json::Value;

/// The folder holding the shared conformance data, beside the repository.
pub fn conformance_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/conformance")
}

/// Reads one conformance file. Panics with a clear message when `shared/` is missing.
pub fn load(name: &str) -> Value {
    let path = conformance_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read {}: {e}. The `shared/` folder must sit beside the repository clone.", path.display())
    });
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()))
}

/// One request → response vector.
#[derive(Debug, Clone)]
pub struct Vector {
    pub id: String,
    pub route_methods: Vec<String>,
    pub cors: Value,
    pub request: Value,
    pub expect: Value,
}

impl Vector {
    /// The path the vector's route is registered at.
    pub fn path(&self) -> String {
        format!("/v/{}", self.id)
    }

    /// A Rust identifier for the vector's handler.
    pub fn ident(&self) -> String {
        self.id.replace('-', "_")
    }

    /// Whether the vector's request method is served by its route. When it is not (an
    /// `OPTIONS` without `Access-Control-Request-Method` on a route without `OPTIONS`), the
    /// request falls through to routing (POLICY §3), whatever `status_class` says.
    pub fn request_routed(&self) -> bool {
        let m = self.request["method"].as_str().unwrap_or_default();
        self.route_methods.iter().any(|r| r == m)
    }

    /// A list-valued key of the policy.
    pub fn list(&self, key: &str) -> Option<Vec<String>> {
        self.cors.get(key).and_then(Value::as_array).map(|a| a.iter().map(|v| v.as_str().unwrap().to_owned()).collect())
    }
}

/// Every vector of `vectors.json`.
pub fn vectors() -> Vec<Vector> {
    let file = load("vectors.json");
    let list = file["vectors"].as_array().expect("vectors[]");
    assert!(list.len() >= 70, "vectors.json has only {} vectors", list.len());
    list.iter()
        .map(|v| Vector {
            id: v["id"].as_str().expect("id").to_owned(),
            route_methods: v["route"]["methods"]
                .as_array()
                .expect("route.methods")
                .iter()
                .map(|m| m.as_str().unwrap().to_owned())
                .collect(),
            cors: v["cors"].clone(),
            request: v["request"].clone(),
            expect: v["expect"].clone(),
        })
        .collect()
}

/// The field lines of one request header: a string is one line, an array several, and an
/// object `{repeat, count, prefix?, suffix?}` one line built from its parts.
fn field_lines(value: &Value) -> Vec<Vec<u8>> {
    match value {
        Value::String(s) => vec![s.as_bytes().to_vec()],
        Value::Array(a) => a.iter().flat_map(field_lines).collect(),
        Value::Object(o) => {
            let part = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("");
            let count = o["count"].as_u64().expect("count") as usize;
            vec![format!("{}{}{}", part("prefix"), part("repeat").repeat(count), part("suffix")).into_bytes()]
        }
        other => panic!("unexpected header value {other}"),
    }
}

/// The vector's request, aimed at its route.
pub fn request(v: &Vector) -> TestRequest {
    let method = Method::from_bytes(v.request["method"].as_str().expect("method").as_bytes()).expect("method");
    let mut req = TestRequest::default().method(method).uri(&v.path());
    for (name, value) in v.request["headers"].as_object().expect("headers") {
        let name = HeaderName::from_bytes(name.as_bytes()).expect("header name");
        for line in field_lines(value) {
            req = req.append_header((name.clone(), HeaderValue::from_bytes(&line).expect("header value")));
        }
    }
    req
}

/// What a response looked like: status, headers and body.
#[derive(Debug, Clone)]
pub struct Observed {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Observed {
    /// Reads a whole response.
    pub async fn from_response<B: MessageBody>(res: ServiceResponse<B>) -> Observed {
        let status = res.status();
        let headers = res.headers().clone();
        let body = actix_web::body::to_bytes(res.into_body()).await.map(|b| b.to_vec()).unwrap_or_default();
        Observed { status, headers, body }
    }
}

/// The comma-separated tokens of every line of a header.
fn tokens(res: &Observed, name: &str) -> Vec<String> {
    res.headers
        .get_all(name)
        .flat_map(|v| v.to_str().unwrap_or("\u{fffd}").split(',').map(|t| t.trim().to_owned()).collect::<Vec<_>>())
        .filter(|t| !t.is_empty())
        .collect()
}

fn same_set(mut a: Vec<String>, mut b: Vec<String>, fold_case: bool) -> bool {
    if fold_case {
        a.iter_mut().chain(b.iter_mut()).for_each(|t| *t = t.to_ascii_lowercase());
    }
    a.sort();
    a.dedup();
    b.sort();
    b.dedup();
    a == b
}

/// Checks a response against the vector's expectations.
/// Returns every mismatch, so that one run shows all of them.
pub fn check(v: &Vector, res: &Observed) -> Vec<String> {
    let mut bad = Vec::new();
    let status = res.status;
    let body = res.body.as_slice();
    let class = v.expect["status_class"].as_str().expect("status_class");
    let handler_ran = status.as_u16() == 200 && body == b"ok";
    match class {
        "preflight-ok" => {
            if status.as_u16() != 204 || !body.is_empty() {
                bad.push(format!("expected 204 with an empty body, got {status} {:?}", String::from_utf8_lossy(body)));
            }
        }
        "preflight-rejected" => {
            if status.is_success() || handler_ran {
                bad.push(format!("expected a non-2xx rejection, got {status}"));
            }
        }
        "actual" if v.request_routed() => {
            if !handler_ran {
                bad.push(format!("expected the handler to run (200 \"ok\"), got {status}"));
            }
        }
        "actual" => {
            // Not routed to the handler: it must reach normal routing, not a preflight answer.
            if status.is_success() {
                bad.push(format!("expected the request to fall through to routing, got {status}"));
            }
        }
        other => bad.push(format!("unknown status_class {other}")),
    }
    for (name, want) in v.expect["headers_present"].as_object().expect("headers_present") {
        let want = want.as_str().expect("string");
        let lines: Vec<&HeaderValue> = res.headers.get_all(name.as_str()).collect();
        if lines.is_empty() {
            bad.push(format!("missing {name}: {want}"));
            continue;
        }
        let lower = name.to_ascii_lowercase();
        let ok = match lower.as_str() {
            "access-control-allow-methods" | "access-control-allow-headers" | "access-control-expose-headers" => {
                let want: Vec<String> =
                    want.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
                same_set(tokens(res, name), want, lower != "access-control-allow-methods")
            }
            _ => lines.len() == 1 && lines[0].as_bytes() == want.as_bytes(),
        };
        if !ok {
            bad.push(format!("{name}: expected {want:?}, got {lines:?}"));
        }
    }
    for name in v.expect["headers_absent"].as_array().expect("headers_absent") {
        let name = name.as_str().unwrap();
        if let Some(got) = res.headers.get(name) {
            bad.push(format!("{name} must be absent, got {got:?}"));
        }
    }
    let vary: Vec<String> = tokens(res, "vary").into_iter().map(|t| t.to_ascii_lowercase()).collect();
    for want in v.expect["vary_contains"].as_array().expect("vary_contains") {
        let want = want.as_str().unwrap().to_ascii_lowercase();
        if !vary.contains(&want) {
            bad.push(format!("Vary lacks {want}: {vary:?}"));
        }
    }
    let mut seen = vary.clone();
    seen.sort();
    seen.dedup();
    if seen.len() != vary.len() {
        bad.push(format!("Vary repeats a token: {vary:?}"));
    }
    bad
}

/// Runs every vector through `call`, which sends the request to an app and returns what
/// came back, and panics with every mismatch of every vector at once.
pub async fn run_all<F, Fut>(vectors: &[Vector], mut call: F)
where
    F: FnMut(&Vector, TestRequest) -> Fut,
    Fut: std::future::Future<Output = Observed>,
{
    let mut failures = Vec::new();
    for v in vectors {
        let res = call(v, request(v)).await;
        let bad = check(v, &res);
        if !bad.is_empty() {
            failures.push(format!("{}:\n    {}", v.id, bad.join("\n    ")));
        }
    }
    assert!(failures.is_empty(), "{} of {} vectors failed:\n{}", failures.len(), vectors.len(), failures.join("\n"));
}

/// Rust source for one `#[cors]` handler per vector, registered at the vector's path, plus a
/// `configure` function adding them all. The macro suite compiles the committed output, and
/// a test checks that it is what this function makes from the current `vectors.json`.
pub fn generate_handlers(vectors: &[Vector]) -> String {
    use std::fmt::Write as _;
    let list = |v: &Vector, key: &str| {
        v.list(key).map(|items| {
            let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
            format!("{key} = [{}]", quoted.join(", "))
        })
    };
    let mut out = String::from(
        "// Generated from ../shared/conformance/vectors.json by `cors_tests::generate_handlers`.\n\
         // Regenerate with `UPDATE_VECTORS=1 cargo test -p cors-tests --test conformance_macro`.\n\n\
         use actix_web::{HttpResponse, route, web};\n\
         use cors_runtime::cors;\n",
    );
    for v in vectors {
        let mut keys: Vec<String> =
            ["origins", "dev_origins", "methods", "headers", "expose"].iter().filter_map(|k| list(v, k)).collect();
        if v.cors["credentials"].as_bool() == Some(true) {
            keys.push("credentials".into());
        }
        if let Some(n) = v.cors["max_age"].as_i64() {
            keys.push(format!("max_age = {n}"));
        }
        let methods: Vec<String> = v.route_methods.iter().map(|m| format!("method = {m:?}")).collect();
        let _ = write!(
            out,
            "\n#[cors({})]\n#[route({:?}, {})]\nasync fn {}() -> HttpResponse {{\n    HttpResponse::Ok().body(\"ok\")\n}}\n",
            keys.join(", "),
            v.path(),
            methods.join(", "),
            v.ident()
        );
    }
    out.push_str("\n/// Registers every vector's handler.\npub fn configure(cfg: &mut web::ServiceConfig) {\n");
    for v in vectors {
        let _ = writeln!(out, "    cfg.service({});", v.ident());
    }
    out.push_str("}\n");
    out
}

/// Counting heap allocations per thread, for the allocation test and the benchmarks.
pub mod counting {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    thread_local! {
        static COUNTS: Cell<Counts> = const { Cell::new(Counts { allocations: 0, bytes: 0 }) };
    }

    /// Heap allocations (including reallocations) and bytes requested, on this thread.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub struct Counts {
        /// Calls to `alloc`, `alloc_zeroed` and `realloc`.
        pub allocations: u64,
        /// Bytes those calls asked for.
        pub bytes: u64,
    }

    impl Counts {
        /// The counts so far on this thread.
        pub fn now() -> Counts {
            COUNTS.with(Cell::get)
        }

        /// What happened on this thread since `self` was taken.
        pub fn since(self) -> Counts {
            let now = Counts::now();
            Counts { allocations: now.allocations - self.allocations, bytes: now.bytes - self.bytes }
        }
    }

    /// A global allocator that counts this thread's allocations; install it with
    /// `#[global_allocator] static A: CountingAlloc = CountingAlloc;`.
    ///
    /// The counters are thread-local, so parallel tests and other threads do not disturb them.
    pub struct CountingAlloc;

    fn count(bytes: usize) {
        // `try_with`: the allocator can run while this thread's locals are being torn down.
        let _ = COUNTS.try_with(|c| {
            let Counts { allocations, bytes: b } = c.get();
            c.set(Counts { allocations: allocations + 1, bytes: b + bytes as u64 });
        });
    }

    // SAFETY: every call is forwarded unchanged to the system allocator.
    unsafe impl GlobalAlloc for CountingAlloc {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            count(layout.size());
            unsafe { System.alloc(layout) }
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            count(layout.size());
            unsafe { System.alloc_zeroed(layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            count(new_size);
            unsafe { System.realloc(ptr, layout, new_size) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }
    }
}
