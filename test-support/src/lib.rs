//! Test support for this workspace, written once and used by the test suites, the benchmarks
//! and the fuzz targets (which are their own workspace and depend on this crate by path).
//!
//! - [`conformance`]: finds `shared/conformance/` beside the repository and reads its files;
//! - [`vectors`]: the request → response vectors of `vectors.json` and
//!   `v2/protection-vectors.json`;
//! - `harness` (feature `actix`): a vector as an actix-web request, and the check of the
//!   response against the vector's expectations;
//! - [`reference`](mod@reference): a naive model of POLICY.md's run-time rules, written with plain string
//!   operations and no code shared with the crates under test;
//! - `builder` (feature `runtime`): a `PolicySpec` fed through the public run-time builder;
//! - [`counting`]: a global allocator that counts this thread's allocations.
//!
//! Without features the crate depends on `serde_json` alone, so that `cors-policy`'s own tests
//! can load the conformance files without building the runtime.

pub mod conformance;
pub mod counting;
pub mod reference;
pub mod vectors;

#[cfg(feature = "runtime")]
pub mod builder;
#[cfg(feature = "actix")]
pub mod harness;

pub use conformance::{conformance_dir, load};
