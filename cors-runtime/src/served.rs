//! The served form of a policy: the compiled form of `cors_policy::compile`, in types that a
//! `static` can hold (the macro writes them as constants) and that an owned policy fills at
//! start-up from the very same compiled value ([`Served::from_compiled`]).
//!
//! Every type here is free of interior mutability, so that a `const` item can read a shared
//! policy's methods: that is how `#[cors(NAME)]` checks them at compile time.

use std::borrow::Cow;

use actix_web::http::header::HeaderValue;
use cors_policy::table::KeyLengths;
use cors_policy::{Compiled, CompiledOrigins};

/// A list of strings, borrowed from a `static` or owned.
pub type Strs = Cow<'static, [Cow<'static, str>]>;

/// Everything the engine serves.
#[derive(Clone, Debug)]
pub struct Served {
    /// Which origins are allowed.
    pub origins: Origins,
    /// The methods preflights may ask for; `None` when the policy lists none.
    pub methods: Option<Strs>,
    /// The request headers preflights may ask for.
    pub headers: Headers,
    /// Whether to send `Access-Control-Allow-Credentials: true`.
    pub credentials: bool,
    /// `Access-Control-Expose-Headers`.
    pub expose: Option<Text>,
    /// `Access-Control-Max-Age`.
    pub max_age: Option<Text>,
    /// Whether cross-origin writes and WebSocket handshakes are checked (POLICY §4).
    pub write_check: bool,
    /// What the audit lists for a shared policy; never read by a request.
    pub audit: Option<&'static crate::audit::PolicyRecord>,
}

/// The allowed origins.
#[derive(Clone, Debug)]
pub enum Origins {
    /// `"*"`.
    Any,
    /// A fixed table.
    Table(OriginTable),
    /// The entries of a tenant store, plus the `dev_origins` this build serves.
    Store {
        /// The store's name, as in `origins_from_store = "..."`.
        name: Cow<'static, str>,
        /// The `dev_origins` in force.
        dev: OriginTable,
    },
}

/// An open-addressing hash table of origin keys (`cors_policy::table`).
#[derive(Clone, Debug)]
pub struct OriginTable {
    /// The slots; an empty key is an empty slot.
    pub slots: Cow<'static, [Slot]>,
    /// Whether some key has a `*.` label.
    pub wildcards: bool,
    /// Whether some key has a `:*` port.
    pub any_port: bool,
    /// The lengths of the pattern keys.
    pub pattern_lens: KeyLengths,
}

/// One slot of an [`OriginTable`].
#[derive(Clone, Debug)]
pub struct Slot {
    /// The lookup key, or `""` for an empty slot.
    pub key: Cow<'static, str>,
    /// An exact origin, as opposed to a `*.` or `:*` pattern.
    pub exact: bool,
}

impl AsRef<str> for Slot {
    fn as_ref(&self) -> &str {
        &self.key
    }
}

/// The allowed request headers.
#[derive(Clone, Debug)]
pub struct Headers {
    /// `"*"`: any name but `authorization`, unless listed.
    pub any: bool,
    /// The listed names, lower case.
    pub names: Strs,
    /// The longest name a preflight may ask for.
    pub max_name_len: usize,
}

/// A header value fixed by the policy: a literal in a `static`, or built once at start-up.
#[derive(Clone, Debug)]
pub enum Text {
    /// Written by the macro; validated when it was compiled.
    Static(&'static str),
    /// Built by [`Served::from_compiled`].
    Owned(Box<HeaderValue>),
}

impl Text {
    /// The value to send. A static text costs a check of its few bytes, no allocation.
    #[inline]
    pub fn value(&self) -> HeaderValue {
        match self {
            Text::Static(s) => HeaderValue::from_static(s),
            Text::Owned(v) => HeaderValue::clone(v),
        }
    }

    /// The text itself.
    pub fn as_str(&self) -> &str {
        match self {
            Text::Static(s) => s,
            Text::Owned(v) => v.to_str().expect("built from a string"),
        }
    }
}

fn owned_strs(list: Vec<String>) -> Strs {
    Cow::Owned(list.into_iter().map(Cow::Owned).collect())
}

/// A header value that validation guarantees is valid; anything else is a bug in
/// `cors_policy`, reported loudly rather than served as something else.
fn text(value: String) -> Text {
    match HeaderValue::try_from(value) {
        Ok(v) => Text::Owned(Box::new(v)),
        Err(e) => unreachable!("cors_policy::compile produced an invalid header value: {e}"),
    }
}

impl OriginTable {
    /// The served form of a compiled table.
    pub fn from_compiled(table: cors_policy::OriginTable) -> OriginTable {
        let slots = table
            .slots
            .into_iter()
            .map(|slot| match slot {
                Some(s) => Slot { key: Cow::Owned(s.key), exact: s.exact },
                None => Slot { key: Cow::Borrowed(""), exact: false },
            })
            .collect::<Vec<_>>();
        OriginTable {
            slots: Cow::Owned(slots),
            wildcards: table.wildcards,
            any_port: table.any_port,
            pattern_lens: table.pattern_lens,
        }
    }
}

impl Served {
    /// The served form of `compiled`, owning its data.
    pub fn from_compiled(compiled: Compiled) -> Served {
        let origins = match compiled.origins {
            CompiledOrigins::Any => Origins::Any,
            CompiledOrigins::Table(t) => Origins::Table(OriginTable::from_compiled(t)),
            CompiledOrigins::Store { name, dev } => {
                Origins::Store { name: Cow::Owned(name), dev: OriginTable::from_compiled(dev) }
            }
        };
        Served {
            origins,
            methods: compiled.methods.map(owned_strs),
            headers: Headers {
                any: compiled.headers.any,
                names: owned_strs(compiled.headers.names),
                max_name_len: compiled.headers.max_name_len,
            },
            credentials: compiled.credentials,
            expose: compiled.expose.map(text),
            max_age: compiled.max_age.map(text),
            write_check: compiled.write_check,
            audit: None,
        }
    }
}
