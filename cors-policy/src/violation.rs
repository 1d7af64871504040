//! What [`validate`](crate::validate) reports: which rule, where, and how to fix it.

use std::fmt;

use crate::Key;

/// Where a violation is. Callers turn this into a span (the macro) or a path (the builder).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The policy as a whole (the macro points at the attribute's name).
    Policy,
    /// A key: a flag, a scalar value, or a list as a whole.
    Key(Key),
    /// One entry of a list key, by index.
    Item(Key, usize),
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Policy => f.write_str("policy"),
            Field::Key(k) => write!(f, "{k}"),
            Field::Item(k, i) => write!(f, "{k}[{i}]"),
        }
    }
}

/// The rule a violation breaks. Tests match on it; users read [`Violation::message`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[allow(missing_docs)] // each variant is named for its rule in POLICY.md §2
pub enum Rule {
    OriginsRequired,
    AnyOriginNotAlone,
    AnyOriginWithCredentials,
    AnyOriginInDevOrigins,
    NullOrigin,
    FileScheme,
    ForbiddenScheme,
    MissingScheme,
    InvalidScheme,
    UppercaseOrigin,
    Whitespace,
    Path,
    Query,
    Fragment,
    Userinfo,
    RegexSyntax,
    TooLong,
    EmptyHost,
    InvalidHostChar,
    NonAsciiHost,
    InvalidPunycode,
    EmptyLabel,
    TrailingDots,
    LabelTooLong,
    HostTooLong,
    DefaultPort,
    InvalidPort,
    PortRange,
    PortLeadingZero,
    NonCanonicalIpv4,
    InvalidIpv6,
    NonCanonicalIpv6,
    Ipv4MappedIpv6,
    Ipv6ZoneId,
    WildcardNoDot,
    WildcardMisplaced,
    DoubleWildcard,
    WildcardIp,
    AnyPortOutsideDev,
    InsecureOrigin,
    LoopbackInOrigins,
    DevOriginNotLocal,
    DevOriginsWithAnyOrigin,
    OriginsAndStore,
    InvalidStoreName,
    PublicSuffixWildcard,
    DuplicateOrigin,
    RedundantOrigin,
    MethodsRequired,
    MethodStar,
    InvalidMethod,
    ForbiddenMethod,
    MethodCase,
    DuplicateMethod,
    MethodNotServed,
    NoCorsMethods,
    InvalidHeader,
    ForbiddenRequestHeader,
    CorsResponseHeader,
    DuplicateHeader,
    StarWithCredentials,
    ForbiddenExpose,
    SafelistedExpose,
    MaxAgeRange,
    UnneededEscapeHatch,
}

/// One broken rule: where it is, what is wrong, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// Where the problem is.
    pub field: Field,
    /// Which rule it breaks.
    pub rule: Rule,
    /// What is wrong, lower-case, no trailing period.
    pub message: String,
    /// A concrete fix, such as "did you mean `https://example.com`?".
    pub fix: String,
}

impl Violation {
    pub(crate) fn new(field: Field, rule: Rule, message: String, fix: String) -> Self {
        Violation { field, rule, message, fix }
    }
}

impl fmt::Display for Violation {
    /// `field: message; fix`, on one line, for logs and `Result` errors.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}; {}", self.field, self.message, self.fix)
    }
}

/// Every violation of a rejected policy, in the order the keys appear. Never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// The violations, or `None` when there are none: a `Violations` is never empty.
    pub fn from_vec(all: Vec<Violation>) -> Option<Violations> {
        (!all.is_empty()).then_some(Violations(all))
    }

    /// The first violation; there always is one.
    pub fn first(&self) -> &Violation {
        &self.0[0]
    }
}

impl std::ops::Deref for Violations {
    type Target = [Violation];
    fn deref(&self) -> &[Violation] {
        &self.0
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(f, "invalid CORS policy ({n} problem{}):", if n == 1 { "" } else { "s" })?;
        for v in &self.0 {
            write!(f, "\n  - {v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}
