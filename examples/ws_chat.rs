//! A WebSocket chat (actix-ws) that only pages on its own origin or a listed one can join.
//!
//! Browsers apply no CORS to WebSocket handshakes, and a socket carries the user's cookies:
//! without a check, any site the user visits could open `/ws` in their name. `#[cors]` on the
//! handshake route refuses a handshake from an origin it does not allow with `403` before any
//! upgrade, so the handler never runs. A page served by this server itself (same origin) is
//! always let in; Chromium sends no `Sec-Fetch-Site` on handshakes, so that is recognised by
//! `Origin` against `Host`. The application is `cors_examples::app::ws_chat`.
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

use actix_web::{App, HttpServer};
use cors_examples::app::ws_chat;

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = std::env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(8080);
    println!("open http://127.0.0.1:{port}/ (dev origins: {})", cfg!(debug_assertions));
    HttpServer::new(|| App::new().configure(ws_chat::configure)).bind(("127.0.0.1", port))?.run().await
}
