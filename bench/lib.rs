//! Benchmarks: see BENCHMARKS.md.
