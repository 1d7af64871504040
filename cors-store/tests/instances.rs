//! Two instances of the `multi_tenant` example on one database, as deployed: a change made
//! through one instance's admin API is served by that instance at once, and by the other
//! within the time-to-live (SQLite) or within one second (PostgreSQL, notifications).
//!
//! The example is built with cargo (a no-op after `cargo test --workspace`, which builds
//! examples) and started twice as a real process on 127.0.0.1; both are killed at the end,
//! whatever happens. Every wait has a limit.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use common::{ACME, Backend, Db};

const TOKEN: &str = "test-admin-token";
const BETA: &str = "https://beta.acme.example";
/// How long an instance may take to listen after it starts.
const START_LIMIT: Duration = Duration::from_secs(60);
/// How long one HTTP exchange may take.
const IO_LIMIT: Duration = Duration::from_secs(10);

/// The example's executable, built once per test binary.
fn example() -> &'static Path {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    EXE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let out = Command::new(cargo)
            .current_dir(root)
            .args(["build", "-p", "cors-examples", "--example", "multi_tenant", "--message-format=json"])
            .stderr(Stdio::inherit())
            .output()
            .expect("run cargo build");
        assert!(out.status.success(), "building the example failed");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .find(|m| m["target"]["name"] == "multi_tenant" && m["executable"].is_string())
            .and_then(|m| m["executable"].as_str().map(PathBuf::from))
            .expect("cargo names the example's executable")
    })
}

/// A running instance of the example, killed when dropped.
struct Instance {
    name: &'static str,
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Instance {
    /// Starts the example in `dir` with `DATABASE_URL` (none: its default SQLite file) and
    /// `CORS_CACHE_TTL` (none: its default), and waits until it listens.
    fn start(name: &'static str, dir: &Path, database_url: Option<&str>, ttl: Option<&str>) -> Instance {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let log = dir.join(format!("{name}.log"));
        let out = std::fs::File::create(&log).expect("a log file");
        let mut cmd = Command::new(example());
        cmd.current_dir(dir)
            .env("PORT", port.to_string())
            .env("ADMIN_TOKEN", TOKEN)
            .env("RUST_LOG", "warn")
            .env_remove("DATABASE_URL")
            .env_remove("CORS_CACHE_TTL")
            .stdin(Stdio::null())
            .stdout(out.try_clone().expect("a log file"))
            .stderr(out);
        if let Some(url) = database_url {
            cmd.env("DATABASE_URL", url);
        }
        if let Some(ttl) = ttl {
            cmd.env("CORS_CACHE_TTL", ttl);
        }
        let child = cmd.spawn().expect("start the example");
        let mut instance = Instance { name, child, port, log };
        instance.wait_until_listening();
        instance
    }

    fn wait_until_listening(&mut self) {
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("{} exited with {status}:\n{}", self.name, self.output());
            }
            assert!(start.elapsed() < START_LIMIT, "{} does not listen:\n{}", self.name, self.output());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn output(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// One request; the status, the response headers (lower-case names) and the body.
    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&str>) -> Response {
        let mut conn = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        conn.set_read_timeout(Some(IO_LIMIT)).and_then(|_| conn.set_write_timeout(Some(IO_LIMIT))).expect("timeouts");
        let mut req = format!("{method} {path} HTTP/1.1\r\nhost: 127.0.0.1:{}\r\nconnection: close\r\n", self.port);
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        if let Some(body) = body {
            req.push_str(&format!("content-type: application/json\r\ncontent-length: {}\r\n", body.len()));
        }
        req.push_str("\r\n");
        req.push_str(body.unwrap_or(""));
        conn.write_all(req.as_bytes()).expect("send");
        let mut raw = Vec::new();
        conn.read_to_end(&mut raw).expect("receive");
        Response::parse(&String::from_utf8_lossy(&raw))
    }

    fn get(&self, path: &str, origin: &str) -> Response {
        self.request("GET", path, &[("origin", origin)], None)
    }

    fn admin(&self, method: &str, path: &str, body: Option<&str>) -> Response {
        self.request(method, path, &[("authorization", &format!("Bearer {TOKEN}"))], body)
    }

    /// Whether a page on `origin` may read `acme`'s API through this instance.
    fn allows(&self, origin: &str) -> bool {
        let res = self.get("/t/acme/me", origin);
        assert_eq!(res.status, 200, "{}", self.output());
        res.header("access-control-allow-origin") == Some(origin)
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn parse(raw: &str) -> Response {
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
        let mut lines = head.lines();
        let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        Response { status, headers, body: body.to_owned() }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {:?}", self.body))
    }
}

/// Polls until `b` serves (or stops serving) `origin`; how long that took.
fn until(b: &Instance, origin: &str, served: bool, limit: Duration) -> Duration {
    let start = Instant::now();
    while b.allows(origin) != served {
        assert!(
            start.elapsed() < limit,
            "{} still {} {origin} after {limit:?}",
            b.name,
            if served { "refuses" } else { "allows" }
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    start.elapsed()
}

/// The whole admin round trip, on instances `a` and `b` of one store; `b` must follow
/// within `limit`.
fn round_trip(a: &Instance, b: &Instance, limit: Duration) {
    assert!(a.allows(ACME) && b.allows(ACME), "the seeded tenant");
    assert!(b.get("/t/globex/me", "https://portal.globex.example").header("access-control-allow-origin").is_some());
    assert!(!b.allows(BETA), "not yet registered (and now cached so by b)");

    assert_eq!(a.request("GET", "/admin/tenants/acme/origins", &[], None).status, 401);
    assert_eq!(a.request("GET", "/admin/tenants/acme/origins", &[("authorization", "Bearer nope")], None).status, 401);
    let refused = a.admin("POST", "/admin/tenants/acme/origins", Some(r#"{"origin": "http://beta.acme.example"}"#));
    assert_eq!(refused.status, 422);
    let v = &refused.json()["violations"][0];
    assert!(
        v["message"].as_str().is_some_and(|m| !m.is_empty()) && v["fix"].as_str().is_some_and(|f| f.contains(BETA))
    );

    let added = a.admin("POST", "/admin/tenants/acme/origins", Some(&format!(r#"{{"origin": "{BETA}"}}"#)));
    assert_eq!(added.status, 201, "{:?}", added);
    assert!(a.allows(BETA), "the instance that made the change serves it at once");
    let took = until(b, BETA, true, limit * 3);
    assert!(took <= limit, "b served the new origin after {took:?}, above {limit:?}");
    let list = a.admin("GET", "/admin/tenants/acme/origins", None).json();
    assert_eq!(list, serde_json::json!([ACME, BETA]));

    // §4 on the other instance: the new origin may write; another may not.
    let note = |origin: &str| {
        let headers = [("origin", origin), ("sec-fetch-site", "cross-site")];
        b.request("POST", "/t/acme/notes", &headers, Some(r#"{"text": "hi"}"#)).status
    };
    assert_eq!((note(BETA), note("https://evil.example")), (201, 403));

    let removed = a.admin("DELETE", "/admin/tenants/acme/origins?origin=https%3A%2F%2Fbeta.acme.example", None);
    assert_eq!(removed.status, 204);
    assert!(!a.allows(BETA), "removed at once");
    let took = until(b, BETA, false, limit * 3);
    assert!(took <= limit, "b still served the removed origin after {took:?}, above {limit:?}");
    assert_eq!(note(BETA), 403);
}

#[test]
fn sqlite_two_instances_follow_each_other_within_the_ttl() {
    let dir = tempfile::tempdir().expect("a directory");
    // No DATABASE_URL: both use the default file, created and seeded by the first.
    let a = Instance::start("a", dir.path(), None, Some("2"));
    let b = Instance::start("b", dir.path(), None, Some("2"));
    assert!(dir.path().join("multi_tenant.db").is_file());
    round_trip(&a, &b, Duration::from_millis(2_000 + 300));
}

#[test]
fn postgres_two_instances_follow_each_other_within_a_second() {
    let rt = tokio::runtime::Runtime::new().expect("a runtime");
    let Some(db) = rt.block_on(Db::new(Backend::Postgres)) else { return };
    let dir = tempfile::tempdir().expect("a directory");
    // The default time-to-live (30 s): only notifications explain a change within a second.
    let a = Instance::start("a", dir.path(), Some(&db.url), None);
    let b = Instance::start("b", dir.path(), Some(&db.url), None);
    round_trip(&a, &b, Duration::from_secs(1));
    drop((a, b));
    rt.block_on(db.finish());
}
