//! `methods`: Fetch's "normalize a method", RFC 9110 tokens, and the route's own methods.

use super::Out;
use crate::token::is_token;
use crate::{Field, Key, PolicySpec, Rule, Violations};

/// Methods that Fetch upper-cases whatever case a script uses.
const NORMALISED: [&str; 6] = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];

/// Methods Fetch forbids; a browser never sends them cross-origin.
const FORBIDDEN: [&str; 3] = ["CONNECT", "TRACE", "TRACK"];

/// Checks one configured method and returns its normalised form.
fn check_method(m: &str) -> Result<String, (Rule, String, String)> {
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
fn is_forbidden(m: &str) -> bool {
    FORBIDDEN.iter().any(|f| f.eq_ignore_ascii_case(m))
}

pub(super) fn methods(spec: &PolicySpec, out: &mut Out) -> Option<Vec<String>> {
    methods_for(spec.methods.as_deref(), spec.route_methods.as_deref(), out)
}

/// Checks the `methods` a route lists beside a shared policy's name (or none), against the
/// methods the route serves, and returns the ones its preflights answer.
///
/// ```
/// use cors_policy::validate_route_methods;
///
/// let route = ["PUT".to_string(), "PATCH".to_string()];
/// assert_eq!(validate_route_methods(None, &route).unwrap(), ["PUT", "PATCH"]);
/// assert_eq!(validate_route_methods(Some(&["put".into()]), &route).unwrap(), ["PUT"]);
/// assert!(validate_route_methods(Some(&["DELETE".into()]), &route).is_err());
/// ```
pub fn validate_route_methods(listed: Option<&[String]>, route: &[String]) -> Result<Vec<String>, Violations> {
    let mut out = Out::default();
    let methods = methods_for(listed, Some(route), &mut out);
    match Violations::from_vec(out.0) {
        Some(v) => Err(v),
        None => Ok(methods.expect("a route always has methods")),
    }
}

fn methods_for(listed: Option<&[String]>, route: Option<&[String]>, out: &mut Out) -> Option<Vec<String>> {
    let Some(list) = listed else {
        let route = route?;
        let m: Vec<String> = route.iter().filter(|m| !is_forbidden(m)).cloned().collect();
        if m.is_empty() {
            out.push(
                Field::Policy,
                Rule::NoCorsMethods,
                "this route only serves methods that browsers never send cross-origin".into(),
                "remove `#[cors]` from it".into(),
            );
        }
        return Some(m);
    };
    if list.is_empty() {
        out.push(
            Field::Key(Key::Methods),
            Rule::MethodsRequired,
            "`methods` is empty".into(),
            "list at least one method, or leave `methods` out".into(),
        );
    }
    let mut norm: Vec<String> = Vec::with_capacity(list.len());
    for (i, m) in list.iter().enumerate() {
        let at = Field::Item(Key::Methods, i);
        match check_method(m) {
            Err((rule, msg, fix)) => out.push(at, rule, msg, fix),
            Ok(n) if norm.contains(&n) => {
                out.push(at, Rule::DuplicateMethod, format!("method `{n}` is listed twice"), "remove this one".into())
            }
            Ok(n) => {
                if let Some(route) = route.filter(|r| !r.contains(&n)) {
                    let served = route.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
                    out.push(
                        at,
                        Rule::MethodNotServed,
                        format!("method `{n}` is not served by this route, which serves {served}"),
                        "remove it from `methods`, or add it to the route attribute".into(),
                    );
                }
                norm.push(n);
            }
        }
    }
    Some(norm)
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
