//! The request → response vectors: `vectors.json` (POLICY §3) and
//! `v2/protection-vectors.json` (POLICY §4), in one format.

use serde_json::Value;

use crate::conformance::load;

/// One request → response vector: a route, its policy, a request and what must come back.
#[derive(Debug, Clone)]
pub struct Vector {
    /// The vector's id, such as `v01-preflight-ok-credentialed-exact`.
    pub id: String,
    /// The methods the vector's route serves.
    pub route_methods: Vec<String>,
    /// The policy, with the keys of `#[cors]`.
    pub cors: Value,
    /// The request: `method` and `headers`.
    pub request: Value,
    /// `status_class`, `headers_present`, `headers_absent` and `vary_contains`.
    pub expect: Value,
}

impl Vector {
    /// The path the vector's route is registered at.
    pub fn path(&self) -> String {
        format!("/v/{}", self.id)
    }

    /// A Rust identifier for the vector's handler.
    pub fn ident(&self) -> String {
        self.id.replace('-', "_")
    }

    /// Whether the vector's request method is served by its route. When it is not (an
    /// `OPTIONS` without `Access-Control-Request-Method` on a route without `OPTIONS`), the
    /// request falls through to routing (POLICY §3), whatever `status_class` says.
    pub fn request_routed(&self) -> bool {
        let m = self.request["method"].as_str().unwrap_or_default();
        self.route_methods.iter().any(|r| r == m)
    }

    /// A list-valued key of the policy.
    pub fn list(&self, key: &str) -> Option<Vec<String>> {
        self.cors.get(key).and_then(Value::as_array).map(|a| a.iter().map(|v| v.as_str().unwrap().to_owned()).collect())
    }

    /// A flag of the policy, such as `credentials`: `true` only when set to `true`.
    pub fn flag(&self, key: &str) -> bool {
        self.cors[key].as_bool() == Some(true)
    }
}

/// Every vector of `vectors.json`.
pub fn vectors() -> Vec<Vector> {
    read("vectors.json", 70)
}

/// Every vector of `v2/protection-vectors.json`: cross-origin writes and WebSocket
/// handshakes (POLICY §4), with the status class `refused`.
pub fn protection_vectors() -> Vec<Vector> {
    read("v2/protection-vectors.json", 20)
}

/// The vectors of one file, which must hold at least `at_least` of them, so that a truncated
/// file cannot pass unnoticed.
fn read(name: &str, at_least: usize) -> Vec<Vector> {
    let file = load(name);
    let list = file["vectors"].as_array().unwrap_or_else(|| panic!("{name}: no `vectors` array"));
    assert!(list.len() >= at_least, "{name} has only {} vectors", list.len());
    list.iter()
        .map(|v| Vector {
            id: v["id"].as_str().expect("id").to_owned(),
            route_methods: v["route"]["methods"]
                .as_array()
                .expect("route.methods")
                .iter()
                .map(|m| m.as_str().unwrap().to_owned())
                .collect(),
            cors: v["cors"].clone(),
            request: v["request"].clone(),
            expect: v["expect"].clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_files_load() {
        let v = vectors();
        assert!(v.iter().all(|v| v.id.starts_with('v') && !v.route_methods.is_empty()));
        let p = protection_vectors();
        assert!(p.iter().any(|v| v.expect["status_class"] == "refused"));
        assert!(p.iter().any(|v| v.request["headers"].get("Host").is_some()), "some vector names its Host");
    }
}
