//! Runs one in-process set-up for `bench/instructions.sh`, which counts the instructions of
//! [`measured_region`] under callgrind: a figure that other load on the machine cannot move.
//!
//! ```sh
//! cors-bench-instructions <get/bare|get/static|get/ours|get/actix-cors|preflight/static|preflight/ours|preflight/actix-cors> <requests>
//! ```

use std::hint::black_box;
use std::{env, process};

use actix_web::dev::{Service, ServiceResponse};
use actix_web::rt::{System, SystemRunner};
use actix_web::{App, Error, test};
use cors_bench::{Request, get_request, preflight_request, timed};

/// The only code callgrind counts (`--toggle-collect=*measured_region*`): the calls, awaiting
/// the responses and dropping them.
#[inline(never)]
fn measured_region<S, B>(rt: &SystemRunner, app: &S, reqs: Vec<Request>)
where
    S: Service<Request, Response = ServiceResponse<B>, Error = Error>,
{
    rt.block_on(async {
        for req in reqs {
            black_box(app.call(req).await.expect("the service answers"));
        }
    });
}

fn run<S, B>(rt: &SystemRunner, app: S, make: fn() -> Request, n: usize)
where
    S: Service<Request, Response = ServiceResponse<B>, Error = Error>,
{
    timed(rt, &app, make, 1_000);
    let reqs: Vec<Request> = (0..n).map(|_| make()).collect();
    measured_region(rt, &app, reqs);
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let [case, n] = args.as_slice() else {
        eprintln!("usage: cors-bench-instructions <get|preflight>/<set-up> <requests>");
        process::exit(2);
    };
    let n: usize = n.parse().expect("a number of requests");
    let rt = System::new();
    macro_rules! go {
        ($app:expr, $make:expr) => {
            run(&rt, rt.block_on(test::init_service($app)), $make, n)
        };
    }
    match case.as_str() {
        "get/bare" => go!(App::new().configure(cors_bench::bare), get_request),
        "get/static" => go!(App::new().configure(cors_bench::static_headers), get_request),
        "get/ours" => go!(App::new().configure(cors_bench::ours), get_request),
        "get/actix-cors" => go!(App::new().wrap(cors_bench::actix_cors()).configure(cors_bench::bare), get_request),
        "preflight/static" => go!(App::new().configure(cors_bench::with_static_preflight), preflight_request),
        "preflight/ours" => go!(App::new().configure(cors_bench::ours), preflight_request),
        "preflight/actix-cors" => {
            go!(App::new().wrap(cors_bench::actix_cors()).configure(cors_bench::bare), preflight_request)
        }
        _ => {
            eprintln!("unknown case `{case}`");
            process::exit(2);
        }
    }
}
