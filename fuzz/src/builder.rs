//! A `PolicySpec` fed through the public builder, shared by the fuzz targets and the property
//! tests (which include this file by path).

use cors_policy::PolicySpec;
use cors_runtime::{Policy, Violations};

/// The same policy through the public builder setters, as an application writes it.
pub fn build(spec: &PolicySpec) -> Result<Policy, Violations> {
    let mut b = Policy::builder()
        .dev_origins(spec.dev_origins.iter().cloned())
        .headers(spec.headers.iter().cloned())
        .expose(spec.expose.iter().cloned())
        .credentials(spec.credentials)
        .dangerously_allow_insecure_origins(spec.allow_insecure_origins)
        .dangerously_allow_public_suffix_wildcards(spec.allow_public_suffix_wildcards);
    if let Some(o) = &spec.origins {
        b = b.origins(o.iter().cloned());
    }
    if let Some(m) = &spec.methods {
        b = b.methods(m.iter().cloned());
    }
    if let Some(a) = spec.max_age {
        b = b.max_age(a);
    }
    b.build()
}
