//! Method names (Fetch "normalize a method", RFC 9110 tokens).

use crate::Rule;
use crate::token::is_token;

/// Methods that Fetch upper-cases whatever case a script uses.
const NORMALISED: [&str; 6] = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];

/// Methods Fetch forbids; a browser never sends them cross-origin.
pub(crate) const FORBIDDEN: [&str; 3] = ["CONNECT", "TRACE", "TRACK"];

/// Checks one configured method and returns its normalised form.
pub(crate) fn check_method(m: &str) -> Result<String, (Rule, String, String)> {
    if m == "*" {
        return Err((
            Rule::MethodStar,
            "`*` is not allowed in `methods`: a per-route policy names its methods".into(),
            "list the methods, or leave `methods` out to use the route's own".into(),
        ));
    }
    if !is_token(m.as_bytes()) {
        return Err((
            Rule::InvalidMethod,
            format!("`{m}` is not a method: a method is one HTTP token"),
            "write one method per entry, such as `methods = [GET, POST]`".into(),
        ));
    }
    if let Some(f) = FORBIDDEN.iter().find(|f| f.eq_ignore_ascii_case(m)) {
        return Err((
            Rule::ForbiddenMethod,
            format!("`{f}` is a forbidden method: browsers never send it cross-origin"),
            "remove it from `methods`".into(),
        ));
    }
    if let Some(n) = NORMALISED.iter().find(|n| n.eq_ignore_ascii_case(m)) {
        return Ok((*n).to_string());
    }
    if m.bytes().any(|b| b.is_ascii_lowercase()) {
        return Err((
            Rule::MethodCase,
            format!("methods are case-sensitive and browsers send `{m}` verbatim"),
            format!("did you mean `{}`?", m.to_ascii_uppercase()),
        ));
    }
    Ok(m.to_string())
}

/// Whether the normalised method is forbidden.
pub(crate) fn is_forbidden(m: &str) -> bool {
    FORBIDDEN.iter().any(|f| f.eq_ignore_ascii_case(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation() {
        assert_eq!(check_method("get").unwrap(), "GET");
        assert_eq!(check_method("Delete").unwrap(), "DELETE");
        assert_eq!(check_method("PATCH").unwrap(), "PATCH");
        assert_eq!(check_method("PURGE").unwrap(), "PURGE");
        assert_eq!(check_method("patch").unwrap_err().0, Rule::MethodCase);
        assert_eq!(check_method("patch").unwrap_err().2, "did you mean `PATCH`?");
        assert_eq!(check_method("trace").unwrap_err().0, Rule::ForbiddenMethod);
        assert_eq!(check_method("CONNECT").unwrap_err().0, Rule::ForbiddenMethod);
        assert_eq!(check_method("Track").unwrap_err().0, Rule::ForbiddenMethod);
        assert_eq!(check_method("GET POST").unwrap_err().0, Rule::InvalidMethod);
        assert_eq!(check_method("").unwrap_err().0, Rule::InvalidMethod);
        assert_eq!(check_method("*").unwrap_err().0, Rule::MethodStar);
    }
}
