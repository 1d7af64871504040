//! The throughput server for `bench/throughput.sh`: one set-up on `127.0.0.1:<port>`, one
//! worker, exiting by itself after `<seconds>`.
//!
//! ```sh
//! cors-bench-server <bare|static-get|static-preflight|ours|actix-cors> <port> <seconds>
//! ```

use std::time::Duration;
use std::{env, process, thread};

use actix_web::{App, HttpServer};

macro_rules! serve {
    ($addr:expr, $app:expr) => {
        HttpServer::new(|| $app).workers(1).disable_signals().bind($addr)?.run().await
    };
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let args: Vec<String> = env::args().skip(1).collect();
    let [variant, port, seconds] = args.as_slice() else {
        eprintln!("usage: cors-bench-server <bare|static-get|static-preflight|ours|actix-cors> <port> <seconds>");
        process::exit(2);
    };
    let port: u16 = port.parse().expect("a port number");
    let seconds: u64 = seconds.parse().expect("a number of seconds");
    // The bound: whatever happens to the script that started it, the server goes away.
    thread::spawn(move || {
        thread::sleep(Duration::from_secs(seconds));
        process::exit(0);
    });
    let addr = ("127.0.0.1", port);
    match variant.as_str() {
        "bare" => serve!(addr, App::new().configure(cors_bench::bare)),
        "static-get" => serve!(addr, App::new().configure(cors_bench::static_headers)),
        "static-preflight" => serve!(addr, App::new().configure(cors_bench::with_static_preflight)),
        "ours" => serve!(addr, App::new().configure(cors_bench::ours)),
        "actix-cors" => serve!(addr, App::new().wrap(cors_bench::actix_cors()).configure(cors_bench::bare)),
        other => {
            eprintln!("unknown set-up `{other}`");
            process::exit(2);
        }
    }
}
