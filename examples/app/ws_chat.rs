//! A WebSocket chat (actix-ws) that only pages on its own origin or a listed one can join.
//!
//! Browsers apply no CORS to WebSocket handshakes, and a socket carries the user's cookies:
//! without a check, any site the user visits could open `/ws` in their name. `#[cors]` on the
//! handshake route refuses a handshake from an origin it does not allow with `403` before any
//! upgrade, so the handler never runs. A page served by this server itself (same origin) is
//! always let in; Chromium sends no `Sec-Fetch-Site` on handshakes, so that is recognised by
//! `Origin` against `Host`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex};

use actix_web::{HttpRequest, HttpResponse, get, web};
use actix_ws::{Message, Session};
use cors_runtime::cors;

/// Everyone connected, to whom each line is sent.
#[derive(Default)]
struct Room {
    next_id: AtomicU64,
    members: Mutex<HashMap<u64, Session>>,
}

impl Room {
    fn join(&self, session: Session) -> u64 {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        self.members.lock().unwrap().insert(id, session);
        id
    }

    fn leave(&self, id: u64) {
        self.members.lock().unwrap().remove(&id);
    }

    async fn broadcast(&self, line: &str) {
        // Cloned so that the lock is not held across an await.
        let members: Vec<Session> = self.members.lock().unwrap().values().cloned().collect();
        for mut s in members {
            // A closed member leaves when its own loop ends.
            let _ = s.text(line.to_owned()).await;
        }
    }
}

/// The handshake. `credentials`: the socket carries the user's cookies, which is why an
/// unlisted origin must not open it.
#[cors(origins = ["https://chat.example.com"], dev_origins = ["http://localhost:*"], credentials)]
#[get("/ws")]
async fn ws(req: HttpRequest, body: web::Payload, room: web::Data<Room>) -> actix_web::Result<HttpResponse> {
    let (response, session, mut messages) = actix_ws::handle(&req, body)?;
    let id = room.join(session.clone());
    let mut session = session;
    actix_web::rt::spawn(async move {
        while let Some(Ok(msg)) = messages.recv().await {
            let open = match msg {
                Message::Text(text) => {
                    room.broadcast(&text).await;
                    true
                }
                Message::Ping(bytes) => session.pong(&bytes).await.is_ok(),
                Message::Close(_) => false,
                _ => true,
            };
            if !open {
                break;
            }
        }
        room.leave(id);
        let _ = session.close(None).await;
    });
    Ok(response)
}

/// The page, from the same origin as the socket.
#[get("/")]
async fn page() -> HttpResponse {
    HttpResponse::Ok().content_type("text/html; charset=utf-8").body(PAGE)
}

const PAGE: &str = r#"<!doctype html>
<meta charset="utf-8">
<title>ws_chat</title>
<link rel="icon" href="data:,">
<form id="f"><input id="line" autocomplete="off" autofocus> <button>send</button></form>
<pre id="log"></pre>
<script>
const log = (s) => { document.getElementById("log").textContent += s + "\n"; };
// `?socket=` points the page at another origin's socket, to watch a handshake be refused.
const url = new URLSearchParams(location.search).get("socket")
  ?? (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws";
const ws = new WebSocket(url);
log(`connecting to ${url}`);
ws.onopen = () => log("connected");
ws.onmessage = (e) => log(e.data);
ws.onclose = (e) => log(`closed (${e.code})`);
document.getElementById("f").onsubmit = (e) => {
  e.preventDefault();
  const line = document.getElementById("line");
  if (line.value) ws.send(line.value);
  line.value = "";
};
</script>
"#;

/// The one room of this process, shared by every worker's `App`: `configure` runs once per
/// worker, and a room per worker would split the chat.
static ROOM: LazyLock<web::Data<Room>> = LazyLock::new(web::Data::default);

/// Registers the page `GET /` and the handshake `GET /ws`, with the process's chat room.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(ROOM.clone()).service(ws).service(page);
}
