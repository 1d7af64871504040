//! Turns the results of `cargo bench -p cors-bench` into the tables of BENCHMARKS.md and the
//! matching-scale plot.
//!
//! ```sh
//! cargo run -p cors-bench --bin cors-bench-report -- [criterion dir] [svg path]
//! ```
//!
//! Defaults: `target/criterion` and `bench/matching-scale.svg`, relative to the workspace.
//! For each benchmark it prints the minimum, median and maximum over criterion's samples (each
//! sample is a mean over many iterations), then the ratios that the targets are about.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::{env, fs};

use plotters::prelude::*;
use serde_json::Value;

/// Nanoseconds per iteration over one benchmark's samples.
#[derive(Clone, Copy, Debug)]
struct Sample {
    min: f64,
    q1: f64,
    median: f64,
    q3: f64,
    max: f64,
}

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_str(&fs::read_to_string(path).ok()?).ok()
}

/// The samples of `<dir>/<id>/new/sample.json`, or `None` if that benchmark has not run.
fn sample(dir: &Path, id: &str) -> Option<Sample> {
    let v = read_json(&dir.join(id).join("new/sample.json"))?;
    let iters = v["iters"].as_array()?;
    let times = v["times"].as_array()?;
    let mut per: Vec<f64> = iters.iter().zip(times).filter_map(|(i, t)| Some(t.as_f64()? / i.as_f64()?)).collect();
    if per.is_empty() {
        return None;
    }
    per.sort_by(f64::total_cmp);
    let n = per.len();
    let median = if n % 2 == 1 { per[n / 2] } else { (per[n / 2 - 1] + per[n / 2]) / 2.0 };
    Some(Sample { min: per[0], q1: per[n / 4], median, q3: per[3 * n / 4], max: per[n - 1] })
}

fn fmt_ns(ns: f64) -> String {
    if ns >= 10_000.0 { format!("{:.1} µs", ns / 1000.0) } else { format!("{ns:.1} ns") }
}

fn table(dir: &Path, title: &str, ids: &[&str]) -> BTreeMap<String, Sample> {
    let mut found = BTreeMap::new();
    println!("\n### {title}\n\n| benchmark | min | median | max |\n|---|---:|---:|---:|");
    for id in ids {
        if let Some(s) = sample(dir, id) {
            println!("| `{id}` | {} | {} | {} |", fmt_ns(s.min), fmt_ns(s.median), fmt_ns(s.max));
            found.insert((*id).to_owned(), s);
        }
    }
    found
}

fn ratio(found: &BTreeMap<String, Sample>, label: &str, a: &str, b: &str) {
    if let (Some(x), Some(y)) = (found.get(a), found.get(b)) {
        println!("| {label} | {:.3} | {:.3} |", x.median / y.median, x.min / y.min);
    }
}

fn extra(dir: &Path, name: &str) {
    if let Some(v) = read_json(&dir.join("extra").join(format!("{name}.json"))) {
        println!("\n`{name}.json`:\n\n```json\n{}\n```", serde_json::to_string_pretty(&v).unwrap_or_default());
    }
}

const SIZES: [u32; 4] = [1, 10, 100, 1000];
const WILDCARDS: [u32; 3] = [0, 10, 100];

fn plot(dir: &Path, svg: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let series = |group: &str, f: &str, xs: &[u32]| -> Vec<(f64, Sample)> {
        xs.iter().filter_map(|&x| Some((f64::from(x), sample(dir, &format!("{group}/{f}/{x}"))?))).collect()
    };
    let root = SVGBackend::new(svg, (1000, 420)).into_drawing_area();
    root.fill(&WHITE)?;
    let (left, right) = root.split_horizontally(560);

    let exact = [
        ("#[cors] table, hit", "hit", BLUE),
        ("#[cors] table, miss", "miss", CYAN),
        ("HashSet<HeaderValue> (actix-cors), hit", "hashset-hit", RED),
        ("HashSet<HeaderValue> (actix-cors), miss", "hashset-miss", MAGENTA),
    ];
    let data: Vec<_> = exact.iter().map(|(l, f, c)| (*l, *c, series("origins", f, &SIZES))).collect();
    let top = data.iter().flat_map(|(_, _, s)| s.iter().map(|(_, v)| v.q3)).fold(1.0, f64::max) * 1.6;
    let mut chart = ChartBuilder::on(&left)
        .caption("Origin lookup vs. allow-list size", ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(56)
        .build_cartesian_2d((0.8f64..1300f64).log_scale(), 0f64..top)?;
    chart
        .configure_mesh()
        .x_desc("exact origins in the policy")
        .y_desc("ns per lookup (median; bars: quartiles)")
        .x_label_formatter(&|x| format!("{x:.0}"))
        .draw()?;
    for (label, color, s) in &data {
        let c = *color;
        chart
            .draw_series(LineSeries::new(s.iter().map(|(x, v)| (*x, v.median)), c.stroke_width(2)))?
            .label(*label)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], c.stroke_width(2)));
        chart.draw_series(s.iter().map(|(x, v)| Circle::new((*x, v.median), 3, c.filled())))?;
        chart.draw_series(s.iter().map(|(x, v)| PathElement::new(vec![(*x, v.q1), (*x, v.q3)], c.stroke_width(1))))?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE)
        .border_style(BLACK)
        .draw()?;

    let wild = [
        ("exact hit", "exact-hit", BLUE),
        ("wildcard hit", "wildcard-hit", GREEN),
        ("miss", "miss", CYAN),
        ("319-byte, 150-label miss", "deep-miss", RED),
    ];
    let data: Vec<_> = wild.iter().map(|(l, f, c)| (*l, *c, series("wildcards", f, &WILDCARDS))).collect();
    let top = data.iter().flat_map(|(_, _, s)| s.iter().map(|(_, v)| v.q3)).fold(10.0, f64::max) * 30.0;
    let mut chart = ChartBuilder::on(&right)
        .caption("100 exact origins plus N *. wildcards", ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(56)
        .build_cartesian_2d(-10f64..110f64, (5f64..top).log_scale())?;
    chart
        .configure_mesh()
        .x_desc("wildcards in the policy")
        .y_desc("ns per lookup (median, log scale)")
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()?;
    for (label, color, s) in &data {
        let c = *color;
        chart
            .draw_series(LineSeries::new(s.iter().map(|(x, v)| (*x, v.median)), c.stroke_width(2)))?
            .label(*label)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], c.stroke_width(2)));
        chart.draw_series(s.iter().map(|(x, v)| Circle::new((*x, v.median), 3, c.filled())))?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE)
        .border_style(BLACK)
        .draw()?;
    root.present()?;
    Ok(())
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut args = env::args().skip(1);
    let dir = args.next().map(PathBuf::from).unwrap_or_else(|| root.join("target/criterion"));
    let svg = args.next().map(PathBuf::from).unwrap_or_else(|| root.join("bench/matching-scale.svg"));

    let requests = table(
        &dir,
        "Requests through an App (targets 1 and 2)",
        &[
            "get/bare",
            "get/static",
            "get/ours",
            "get/actix-cors",
            "preflight/static",
            "preflight/ours",
            "preflight/actix-cors",
        ],
    );
    println!("\n| ratio of criterion samples | of medians | of minima |\n|---|---:|---:|");
    ratio(&requests, "GET: ours / bare", "get/ours", "get/bare");
    ratio(&requests, "GET: static / bare", "get/static", "get/bare");
    ratio(&requests, "GET: ours / static", "get/ours", "get/static");
    ratio(&requests, "GET: ours / actix-cors", "get/ours", "get/actix-cors");
    ratio(&requests, "preflight: ours / static", "preflight/ours", "preflight/static");
    ratio(&requests, "preflight: ours / actix-cors", "preflight/ours", "preflight/actix-cors");

    let ids: Vec<String> = ["hit", "miss", "hashset-hit", "hashset-miss"]
        .iter()
        .flat_map(|f| SIZES.iter().map(move |n| format!("origins/{f}/{n}")))
        .chain(
            ["exact-hit", "wildcard-hit", "miss", "deep-miss"]
                .iter()
                .flat_map(|f| WILDCARDS.iter().map(move |n| format!("wildcards/{f}/{n}"))),
        )
        .collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let matching = table(&dir, "Origin matching (target 3)", &ids);
    println!("\n| ratio | of medians | of minima |\n|---|---:|---:|");
    for f in ["hit", "miss", "hashset-hit", "hashset-miss"] {
        ratio(&matching, &format!("{f}: 1000 / 1 origins"), &format!("origins/{f}/1000"), &format!("origins/{f}/1"));
    }
    for f in ["exact-hit", "miss", "deep-miss"] {
        ratio(
            &matching,
            &format!("{f}: 100 / 0 wildcards"),
            &format!("wildcards/{f}/100"),
            &format!("wildcards/{f}/0"),
        );
    }

    table(
        &dir,
        "Hostile Access-Control-Request-Headers (target 4)",
        &[
            "acrh-check/browser",
            "acrh-check/commas",
            "acrh-check/spaces",
            "acrh-check/tabs-and-commas",
            "acrh-check/allowed-names",
            "acrh-check/one-long-name",
            "acrh-check/long-names-any-header",
            "acrh-check/lines",
            "acrh-app/browser",
            "acrh-app/commas",
        ],
    );

    for name in ["allocations", "ratios", "matching-allocations", "acrh-allocations"] {
        extra(&dir, name);
    }

    if !matching.is_empty() {
        match plot(&dir, &svg) {
            Ok(()) => eprintln!("wrote {}", svg.display()),
            Err(e) => eprintln!("could not draw {}: {e}", svg.display()),
        }
    }
}
