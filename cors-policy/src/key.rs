//! The keys of a policy: one table, from which the enum, its names and its kinds are made.

use std::fmt;

/// How a key is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyKind {
    /// `key = ["a", "b"]`.
    List,
    /// `key = value`.
    Value,
    /// `key` alone.
    Flag,
}

macro_rules! keys {
    ($($(#[$doc:meta])* $variant:ident = $name:literal, $kind:ident;)*) => {
        /// A key of the policy, as spelled in `#[cors(...)]` and `policy!(...)`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $($(#[$doc])* $variant,)*
        }

        impl Key {
            /// Every key, in the order the documentation lists them.
            pub const ALL: &'static [Key] = &[$(Key::$variant),*];

            /// The key as the user writes it.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Key::$variant => $name,)*
                }
            }

            /// How the key is written.
            pub const fn kind(self) -> KeyKind {
                match self {
                    $(Key::$variant => KeyKind::$kind,)*
                }
            }
        }
    };
}

keys! {
    /// `origins`: the allowed origins.
    Origins = "origins", List;
    /// `origins_from_store`: the origins come from a per-tenant store of this name.
    OriginsFromStore = "origins_from_store", Value;
    /// `dev_origins`: local origins served only by debug builds.
    DevOrigins = "dev_origins", List;
    /// `methods`: the methods preflights may ask for.
    Methods = "methods", List;
    /// `headers`: request headers scripts may send.
    Headers = "headers", List;
    /// `expose`: response headers scripts may read.
    Expose = "expose", List;
    /// `credentials`: cookies and HTTP authentication.
    Credentials = "credentials", Flag;
    /// `max_age`: how long a preflight may be cached.
    MaxAge = "max_age", Value;
    /// `dangerously_allow_insecure_origins`: accept `http` origins.
    AllowInsecureOrigins = "dangerously_allow_insecure_origins", Flag;
    /// `dangerously_allow_public_suffix_wildcards`: accept credentialed `*.` over public suffixes.
    AllowPublicSuffixWildcards = "dangerously_allow_public_suffix_wildcards", Flag;
    /// `dangerously_allow_loopback_origins`: accept loopback hosts in `origins`.
    AllowLoopbackOrigins = "dangerously_allow_loopback_origins", Flag;
    /// `dangerously_accept_cross_origin_writes`: turn off the write check of POLICY §4.
    AcceptCrossOriginWrites = "dangerously_accept_cross_origin_writes", Flag;
}

impl Key {
    /// The key named `name`, if any.
    pub fn from_name(name: &str) -> Option<Key> {
        Key::ALL.iter().copied().find(|k| k.name() == name)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &k in Key::ALL {
            assert_eq!(Key::from_name(k.name()), Some(k));
        }
        assert_eq!(Key::from_name("crate"), None);
    }
}
