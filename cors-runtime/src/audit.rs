//! The application's whole CORS surface: every `#[cors]` route and every shared policy,
//! listed at run time, so that a reviewer sees it in one place and a snapshot test turns
//! every policy change into a visible diff.
//!
//! The macros register a description of each route and policy at link time (with
//! `inventory`); nothing here runs unless called, and no request ever reads it.
//!
//! ```
//! use actix_web::{HttpResponse, get};
//! use cors_runtime::{audit, cors};
//!
//! #[cors(origins = ["https://app.example.com"], credentials)]
//! #[get("/api/me")]
//! async fn me() -> HttpResponse {
//!     HttpResponse::Ok().finish()
//! }
//!
//! let entry = audit::entries().into_iter().find(|e| e.name == "me").unwrap();
//! assert_eq!(entry.path.as_deref(), Some("/api/me"));
//! assert_eq!(entry.origins, ["https://app.example.com"]);
//! assert!(entry.credentials);
//! assert!(audit::markdown().contains("| route | me | /api/me |"));
//! ```
//!
//! In a test, `insta::assert_snapshot!(cors_runtime::audit::markdown());` keeps the surface
//! in a reviewed file.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Mutex;

use serde_json::{Value, json};

use crate::Policy;

/// What a macro records about one policy: everything but the route.
#[doc(hidden)]
#[derive(Debug)]
pub struct PolicyRecord {
    /// The `static` holding a shared policy; `None` for a policy written on its route, which
    /// is not listed on its own.
    pub name: Option<&'static str>,
    /// `origins` as listed (`["*"]` for any origin); empty for a store.
    pub origins: &'static [&'static str],
    /// The store the origins come from.
    pub store: Option<&'static str>,
    /// `dev_origins` where the build serves them, else empty.
    pub dev_origins: &'static [&'static str],
    /// `methods` as listed, normalised.
    pub methods: Option<&'static [&'static str]>,
    /// `credentials`.
    pub credentials: bool,
    /// `headers`, `"*"` included.
    pub headers: &'static [&'static str],
    /// `expose`.
    pub expose: &'static [&'static str],
    /// `max_age`.
    pub max_age: Option<u32>,
    /// The write check of POLICY §4.
    pub writes: Writes,
    /// Where the policy is written.
    pub file: &'static str,
    /// The line it starts on.
    pub line: u32,
}

/// What a macro records about one handler: its routes, as it registers them.
#[doc(hidden)]
#[derive(Debug)]
pub struct HandlerRecord {
    /// The handler's name.
    pub name: &'static str,
    /// A shared policy's name, for a handler under one (`#[cors(NAME)]`).
    pub shared: Option<&'static str>,
    /// The policy every route of the handler serves.
    pub policy: &'static crate::Policy,
    /// One route per route attribute.
    pub routes: &'static [crate::middleware::RouteSpec],
    /// Where the handler is written.
    pub file: &'static str,
    /// The line of its `#[cors]`.
    pub line: u32,
}

/// One registration.
#[doc(hidden)]
#[derive(Debug)]
pub enum Record {
    /// A `policy!`.
    Policy(&'static PolicyRecord),
    /// A `#[cors]` handler.
    Handler(&'static HandlerRecord),
}

inventory::collect!(Record);

/// What POLICY §4 does for a policy's routes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Writes {
    /// Cross-origin writes and WebSocket handshakes run only from allowed origins.
    Checked,
    /// `dangerously_accept_cross_origin_writes`: they run from any origin.
    Accepted,
    /// `origins = ["*"]`: every origin is allowed anyway.
    AnyOrigin,
}

impl Writes {
    fn as_str(self) -> &'static str {
        match self {
            Writes::Checked => "checked",
            Writes::Accepted => "accepted",
            Writes::AnyOrigin => "any-origin",
        }
    }
}

/// Whether an entry is a route or a shared policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A `#[cors]` route.
    Route,
    /// A shared policy from `policy!`.
    Policy,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Route => "route",
            Kind::Policy => "policy",
        }
    }
}

/// One route or shared policy, as a reviewer reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Route or policy.
    pub kind: Kind,
    /// The handler, or the policy's `static`.
    pub name: String,
    /// The route's path as written on its attribute; `None` for a policy.
    pub path: Option<String>,
    /// The methods preflights are answered for; for a policy, `None` when it lists none (each
    /// route answers its own, middleware `GET`, `HEAD` and `POST`).
    pub methods: Option<Vec<String>>,
    /// The allowed origins (`["*"]` for any; `["store:<name>"]` for a tenant store).
    pub origins: Vec<String>,
    /// `dev_origins`, when this build serves them.
    pub dev_origins: Vec<String>,
    /// Whether credentialed requests are allowed.
    pub credentials: bool,
    /// The request headers scripts may send.
    pub headers: Vec<String>,
    /// The response headers scripts may read.
    pub expose: Vec<String>,
    /// `Access-Control-Max-Age`, in seconds.
    pub max_age: Option<u32>,
    /// The write check of POLICY §4: `checked`, `accepted` or `any-origin`.
    pub cross_origin_writes: Writes,
    /// `file:line`.
    pub source: String,
    /// For a route under a shared policy, that policy's name.
    pub shared: Option<String>,
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

impl Entry {
    fn from_policy(kind: Kind, name: String, p: &PolicyRecord) -> Entry {
        Entry {
            kind,
            name,
            path: None,
            methods: p.methods.map(strings),
            origins: match p.store {
                Some(store) => vec![format!("store:{store}")],
                None => strings(p.origins),
            },
            dev_origins: strings(p.dev_origins),
            credentials: p.credentials,
            headers: strings(p.headers),
            expose: strings(p.expose),
            max_age: p.max_age,
            cross_origin_writes: p.writes,
            source: format!("{}:{}", p.file, p.line),
            shared: None,
        }
    }

    fn from_route(h: &HandlerRecord, route: &crate::middleware::RouteSpec) -> Option<Entry> {
        let mut e = Entry::from_policy(Kind::Route, h.name.to_owned(), h.policy.0.audit?);
        e.path = Some(route.path.to_owned());
        e.methods = Some(strings(route.answered));
        e.source = format!("{}:{}", h.file, h.line);
        e.shared = h.shared.map(str::to_owned);
        Some(e)
    }

    /// The entry as a JSON object with the audit's fields.
    pub fn to_json(&self) -> Value {
        json!({
            "kind": self.kind.as_str(),
            "name": self.name,
            "path": self.path,
            "methods": self.methods,
            "origins": self.origins,
            "dev_origins": self.dev_origins,
            "credentials": self.credentials,
            "headers": self.headers,
            "expose": self.expose,
            "max_age": self.max_age,
            "cross_origin_writes": self.cross_origin_writes.as_str(),
            "source": self.source,
        })
    }

    /// Shared policies first, by name; then routes by path, methods, name and source, so
    /// that the order never depends on the order of linking.
    fn sort_key(&self) -> (Option<&str>, Option<&Vec<String>>, &str, &str) {
        match self.kind {
            Kind::Policy => (None, None, &self.name, &self.source),
            Kind::Route => (self.path.as_deref(), self.methods.as_ref(), &self.name, &self.source),
        }
    }
}

/// Every registered route and shared policy, sorted by path, then methods, then name. A
/// route under a shared policy shows that policy's origins, headers and settings.
pub fn entries() -> Vec<Entry> {
    let mut all: Vec<Entry> = inventory::iter::<Record>
        .into_iter()
        .flat_map(|r| match r {
            Record::Policy(p) => vec![Entry::from_policy(Kind::Policy, policy_name(p), p)],
            Record::Handler(h) => h.routes.iter().filter_map(|route| Entry::from_route(h, route)).collect(),
        })
        .collect();
    all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    all
}

fn policy_name(p: &PolicyRecord) -> String {
    p.name.map_or_else(|| format!("policy at {}:{}", p.file, p.line), str::to_owned)
}

/// [`entries`] as a JSON array of objects with the fields `kind`, `name`, `path`, `methods`,
/// `origins`, `dev_origins`, `credentials`, `headers`, `expose`, `max_age`,
/// `cross_origin_writes` and `source`.
pub fn json() -> String {
    let all: Vec<Value> = entries().iter().map(Entry::to_json).collect();
    serde_json::to_string_pretty(&all).expect("plain JSON values")
}

/// [`entries`] as a Markdown table, one row per entry, sorted by path then method.
pub fn markdown() -> String {
    let mut out = String::from(
        "| kind | name | path | methods | origins | dev_origins | credentials | headers | expose | max_age | \
         cross_origin_writes | source |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    let list = |l: &[String]| if l.is_empty() { "-".to_owned() } else { l.join(", ") };
    for e in entries() {
        let name = match &e.shared {
            Some(policy) => format!("{} ({policy})", e.name),
            None => e.name.clone(),
        };
        let cells = [
            e.kind.as_str().to_owned(),
            name,
            e.path.clone().unwrap_or_else(|| "-".into()),
            e.methods.as_deref().map_or_else(|| "each route's own; GET, HEAD, POST in `Cors::new`".into(), list),
            list(&e.origins),
            list(&e.dev_origins),
            e.credentials.to_string(),
            list(&e.headers),
            list(&e.expose),
            e.max_age.map_or_else(|| "-".into(), |n| n.to_string()),
            e.cross_origin_writes.as_str().to_owned(),
            e.source.clone(),
        ];
        let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// Shared policies that middleware serves (see [`Cors::new`](crate::Cors::new)), by record.
static MIDDLEWARE: Mutex<BTreeSet<usize>> = Mutex::new(BTreeSet::new());

/// Notes that middleware serves `policy`, for [`check`]. Called when a `Cors` is built, at
/// start-up, never per request.
pub(crate) fn served_by_middleware(policy: &Policy) {
    if let Some(record) = policy.0.audit {
        let mut used = MIDDLEWARE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        used.insert(record as *const PolicyRecord as usize);
    }
}

/// Something in the CORS surface a reviewer should look at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// The same path and method are annotated twice, with different policies: which one a
    /// request meets depends on registration order.
    Conflict {
        /// The path.
        path: String,
        /// The method.
        method: String,
        /// The handlers.
        routes: Vec<String>,
    },
    /// A shared policy that no route and no middleware built so far uses.
    UnusedPolicy {
        /// Its name.
        name: String,
        /// Where it is written.
        source: String,
    },
    /// A route or policy that lets any origin's pages write (`dangerously_accept_cross_origin_writes`).
    WritesFromAnyOrigin {
        /// The route or policy.
        name: String,
        /// Where it is written.
        source: String,
    },
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Finding::Conflict { path, method, routes } => {
                write!(f, "{method} {path} is annotated by {} with different policies", routes.join(" and "))
            }
            Finding::UnusedPolicy { name, source } => {
                write!(f, "shared policy {name} ({source}) is used by no route and no middleware")
            }
            Finding::WritesFromAnyOrigin { name, source } => {
                write!(f, "{name} ({source}) accepts cross-origin writes from any origin")
            }
        }
    }
}

/// The inconsistencies of the CORS surface. Call it after the application's `App` has been
/// built once, so that middleware uses of shared policies are known.
pub fn check() -> Vec<Finding> {
    let all = entries();
    let mut findings = conflicts(&all);
    let used_by_routes: BTreeSet<usize> = inventory::iter::<Record>
        .into_iter()
        .filter_map(|r| match r {
            Record::Handler(h) => h.policy.0.audit,
            Record::Policy(_) => None,
        })
        .map(|p| p as *const PolicyRecord as usize)
        .collect();
    let used_by_middleware = MIDDLEWARE.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
    let mut unused: Vec<Finding> = inventory::iter::<Record>
        .into_iter()
        .filter_map(|r| match r {
            Record::Policy(p) => Some(*p),
            Record::Handler(_) => None,
        })
        .filter(|p| {
            let key = *p as *const PolicyRecord as usize;
            !used_by_routes.contains(&key) && !used_by_middleware.contains(&key)
        })
        .map(|p| Finding::UnusedPolicy { name: policy_name(p), source: format!("{}:{}", p.file, p.line) })
        .collect();
    // In the order of names, not of linking, so that a snapshot of the findings is stable.
    unused.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    findings.extend(unused);
    for e in &all {
        let own = e.kind == Kind::Policy || e.shared.is_none();
        if own && e.cross_origin_writes == Writes::Accepted {
            findings.push(Finding::WritesFromAnyOrigin { name: e.name.clone(), source: e.source.clone() });
        }
    }
    findings
}

/// Routes with the same path and method whose policies differ.
fn conflicts(all: &[Entry]) -> Vec<Finding> {
    let routes: Vec<&Entry> = all.iter().filter(|e| e.kind == Kind::Route).collect();
    let mut findings = Vec::new();
    for (i, a) in routes.iter().enumerate() {
        for b in &routes[i + 1..] {
            if a.path != b.path || same_policy(a, b) {
                continue;
            }
            for m in a.methods.iter().flatten().filter(|m| b.methods.iter().flatten().any(|n| n == *m)) {
                findings.push(Finding::Conflict {
                    path: a.path.clone().unwrap_or_default(),
                    method: m.clone(),
                    routes: vec![a.name.clone(), b.name.clone()],
                });
            }
        }
    }
    findings
}

fn same_policy(a: &Entry, b: &Entry) -> bool {
    (&a.origins, &a.dev_origins, a.credentials, &a.headers, &a.expose, a.max_age, a.cross_origin_writes)
        == (&b.origins, &b.dev_origins, b.credentials, &b.headers, &b.expose, b.max_age, b.cross_origin_writes)
}
