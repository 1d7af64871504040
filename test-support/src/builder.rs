//! A `PolicySpec` fed through the public builder, as an application writes it: the fuzz
//! targets and the property tests compare its verdict with `validate()`'s.

use std::time::Duration;

use cors_policy::PolicySpec;
use cors_runtime::{Policy, Violations};

/// The same policy through the public builder setters.
///
/// # Panics
///
/// When `spec.max_age` is negative, which the builder cannot express (it takes a `Duration`);
/// generators write non-negative values only. `spec.route_methods` is ignored: a run-time
/// policy has no route.
pub fn build(spec: &PolicySpec) -> Result<Policy, Violations> {
    let mut b = Policy::builder()
        .dev_origins(spec.dev_origins.iter().cloned())
        .headers(spec.headers.iter().cloned())
        .expose(spec.expose.iter().cloned())
        .credentials(spec.credentials)
        .dangerously_allow_insecure_origins(spec.allow_insecure_origins)
        .dangerously_allow_public_suffix_wildcards(spec.allow_public_suffix_wildcards)
        .dangerously_allow_loopback_origins(spec.allow_loopback_origins)
        .dangerously_accept_cross_origin_writes(spec.accept_cross_origin_writes);
    if let Some(o) = &spec.origins {
        b = b.origins(o.iter().cloned());
    }
    if let Some(name) = &spec.origins_from_store {
        b = b.origins_from_store(name.clone());
    }
    if let Some(m) = &spec.methods {
        b = b.methods(m.iter().cloned());
    }
    if let Some(a) = spec.max_age {
        let secs = u64::try_from(a).unwrap_or_else(|_| panic!("max_age {a}: the builder takes a Duration"));
        b = b.max_age(Duration::from_secs(secs));
    }
    b.build()
}
