//! A WebSocket chat (actix-ws) that only pages on its own origin or a listed one can join.
//!
//! Browsers apply no CORS to WebSocket handshakes, and a socket carries the user's cookies:
//! without a check, any site the user visits could open `/ws` in their name. `#[cors]` on the
//! handshake route refuses a handshake from an origin it does not allow with `403` before any
//! upgrade, so the handler never runs. A page served by this server itself (same origin) is
//! always let in; Chromium sends no `Sec-Fetch-Site` on handshakes, so that is recognised by
//! `Origin` against `Host`.
//!
//! ```sh
//! cargo run --example ws_chat            # PORT=9000 to change the port
//! # open http://127.0.0.1:8080/ in two tabs: a line sent in one shows in both
//! # http://127.0.0.1:8080/?socket=ws://localhost:8080/ws joins from another origin
//! # (`http://127.0.0.1:8080`, not listed): its handshake is refused, "closed (1006)"
//!
//! # a handshake from an unlisted origin: 403, no upgrade
//! curl -i http://127.0.0.1:8080/ws -H 'Connection: Upgrade' -H 'Upgrade: websocket' \
//!   -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' \
//!   -H 'Origin: https://evil.example'
//! # the same from a dev server on localhost (debug builds only): 101 Switching Protocols
//! curl -i --max-time 2 http://127.0.0.1:8080/ws -H 'Connection: Upgrade' -H 'Upgrade: websocket' \
//!   -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' \
//!   -H 'Origin: http://localhost:5173'
//! ```

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, get, web};
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

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = std::env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(8080);
    let room = web::Data::new(Room::default());
    println!("open http://127.0.0.1:{port}/ (dev origins: {})", cfg!(debug_assertions));
    HttpServer::new(move || App::new().app_data(room.clone()).service(ws).service(page))
        .bind(("127.0.0.1", port))?
        .run()
        .await
}
