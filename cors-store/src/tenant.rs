//! What a tenant name may be.
//!
//! Tenant names come from requests (a path segment, a header), so a name that no tenant can
//! have is turned away before it reaches the cache or the store.

use std::fmt;

/// The longest tenant name, in bytes.
pub const MAX_TENANT_LEN: usize = 255;

/// Whether `name` can be a tenant's: 1 to [`MAX_TENANT_LEN`] bytes, no control character.
///
/// ```
/// use cors_store::is_valid_tenant;
///
/// assert!(is_valid_tenant("acme"));
/// assert!(is_valid_tenant("o'brien; DROP TABLE x")); // stored as given, with bound parameters
/// assert!(!is_valid_tenant(""));
/// assert!(!is_valid_tenant("line\nbreak"));
/// assert!(!is_valid_tenant(&"a".repeat(256)));
/// ```
pub fn is_valid_tenant(name: &str) -> bool {
    (1..=MAX_TENANT_LEN).contains(&name.len()) && !name.chars().any(char::is_control)
}

/// A tenant name refused by [`is_valid_tenant`], for write errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidTenant {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
}

impl InvalidTenant {
    pub(crate) fn check(name: &str) -> Result<(), InvalidTenant> {
        if is_valid_tenant(name) {
            return Ok(());
        }
        let message = if name.is_empty() {
            "the tenant name is empty".to_owned()
        } else if name.len() > MAX_TENANT_LEN {
            format!("the tenant name is {} bytes long, above {MAX_TENANT_LEN}", name.len())
        } else {
            "the tenant name contains a control character".to_owned()
        };
        let fix = format!("use a name of 1 to {MAX_TENANT_LEN} bytes without control characters");
        Err(InvalidTenant { message, fix })
    }
}

impl fmt::Display for InvalidTenant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}; {}", self.message, self.fix)
    }
}
