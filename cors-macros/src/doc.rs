/// Compile-time checked CORS for one actix-web handler.
///
/// `#[cors(...)]` validates the policy while your crate compiles, then generates the handler
/// wrapped so that every response (error responses included) carries the right CORS headers,
/// plus a preflight route on the same path that answers the handler's own preflights. Use it
/// through `cors_runtime::cors`; the generated code refers to `::cors_runtime`.
///
/// # Syntax
///
/// ```text
/// #[cors(
///     origins = ["https://app.example.com", "https://*.example.com"],  // required
///     dev_origins = ["http://localhost:*"],   // debug builds only
///     methods = [PUT, "PURGE"],               // default: the route's methods
///     headers = ["content-type"],             // request headers scripts may send
///     expose = ["x-total-count"],             // response headers scripts may read
///     credentials,                            // flag
///     max_age = 600,                          // seconds, 0..=86400
///     dangerously_allow_insecure_origins,     // flag: accept http:// origins
///     dangerously_allow_public_suffix_wildcards, // flag: accept credentialed *.github.io
///     crate = "path::to::cors_runtime",       // for re-exports
/// )]
/// #[put("/api/items/{id}")]   // or get, post, delete, patch, head, options, trace, connect,
///                             // route(path, method = ...), or routes with several below it
/// async fn handler(/* extractors */) -> impl Responder { /* ... */ }
/// ```
///
/// `#[cors]` must stand directly **above** the route attribute: attribute macros expand from
/// the top, and a route attribute expanded first hides the path and methods from `#[cors]`.
/// The route attribute's own options (`name`, `guard`, `wrap`) are kept; the CORS middleware
/// becomes the outermost `wrap`, and the preflight route applies the same `guard`s.
///
/// # Keys
///
/// - `origins`: serialised origins, `scheme://host[:port]`, byte-exact as browsers send them.
///   `"*"` alone allows any origin and is answered with `Access-Control-Allow-Origin: *`.
///   A leading `*.` matches one or more labels (`https://*.example.com` matches
///   `https://a.b.example.com`, never `https://example.com`). `https` and application schemes
///   (`tauri://localhost`, `chrome-extension://id`) are accepted; `http` needs
///   `dangerously_allow_insecure_origins`.
/// - `dev_origins`: loopback origins (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`) over
///   `http` or `https`, optionally with `:*` for any port. Emitted under
///   `#[cfg(debug_assertions)]`, evaluated in your crate: release builds serve none of them.
/// - `methods`: identifiers or string literals. `delete get head options post put` are
///   upper-cased in any case; other methods are case-sensitive, as browsers send them.
/// - `headers`: allowed request-header names, compared case-insensitively. `"*"` allows any
///   name except `authorization`, which must be listed by name.
/// - `expose`: response-header names scripts may read; `"*"` for all (without credentials).
/// - `credentials`: allow cookies and HTTP authentication (`Access-Control-Allow-Credentials`).
/// - `max_age`: `Access-Control-Max-Age` in seconds; omitted means no header (browsers then
///   cache a preflight for 5 seconds).
/// - `crate`: the path of `cors_runtime`, for crates that re-export it.
///
/// # Compile-time checks
///
/// Each is an error on the offending literal or key, with the fix in the message; all
/// independent problems are reported in one build. Afterwards a stub named after the handler
/// is still emitted, so `App::new().service(handler)` adds no error of its own.
///
/// Origins:
/// - `origins` is required and not empty: there is no safe default set of origins.
/// - `"*"` must stand alone, and not with `credentials`: browsers reject
///   `Access-Control-Allow-Origin: *` on credentialed requests.
/// - `null` is rejected: sandboxed iframes and `file:` or `data:` documents all send it.
/// - The `file` scheme is rejected: its documents have the opaque origin `null`.
/// - A path (even a lone `/`), a query, a fragment, userinfo or whitespace is rejected:
///   browsers never send them in `Origin`, so the entry could never match.
/// - Upper case in the scheme or host is rejected (with the lower-case form): browsers send
///   lower case and the match is byte-exact.
/// - A non-ASCII host is rejected with its Punycode form; invalid Punycode is rejected:
///   browsers send internationalised hosts as `xn--` labels.
/// - Empty labels and more than one trailing dot are rejected: no browser sends them.
/// - A default port (`:443` on `https`, `:80` on `http`) is rejected: browsers omit it.
/// - A port outside 1..=65535 or with a leading zero is rejected.
/// - A host ending in a number must be a canonical dotted quad (`127.1` is rejected with
///   `127.0.0.1`); IPv6 must be RFC 5952 (`[::1]`), not IPv4-mapped, without a zone id: these
///   are the forms browsers serialise.
/// - Regular-expression syntax (`\`, `^`, `$`, `(`, `|`, `[`, `.*`, ...) is rejected: entries
///   are literal, and unanchored patterns are how `example.com.evil.net` gets in.
/// - Entries above 326 bytes are rejected: longer than any origin a browser sends.
/// - `*.` may only be the first label, must be followed by `.`, and cannot cover an IP
///   address; `**.` is rejected. `:*` is allowed in `dev_origins` only.
/// - `http` in `origins` needs `dangerously_allow_insecure_origins`: anyone on the network
///   path can inject script into an `http` page and read the responses (a downgrade attack).
///   A loopback `http` origin must move to `dev_origins` instead.
/// - `dev_origins` only holds loopback origins, so that nothing reachable from the network is
///   trusted by a development build by mistake.
/// - `*.` over a public suffix (`*.com`, `*.github.io`) with `credentials` needs
///   `dangerously_allow_public_suffix_wildcards`: anyone can register a site under it.
/// - Duplicates, and entries already covered by a `*.` or `:*` entry, are rejected.
/// - Each `dangerously_*` flag is an error when nothing in the policy needs it, so that a
///   stale escape hatch cannot silently cover an entry added later.
///
/// Methods:
/// - Each method is one HTTP token; `"*"` is rejected: a per-route policy names its methods.
/// - `CONNECT`, `TRACE` and `TRACK` are rejected in any case: browsers never send them.
/// - A method with lower case other than `delete get head options post put` is rejected
///   ("did you mean `PATCH`?"): browsers send it verbatim and the match is case-sensitive.
/// - Duplicates are rejected, and each method must be one the route serves.
///
/// Request headers:
/// - Each is a token, lower-cased; duplicates are rejected.
/// - Fetch's forbidden request headers (`cookie`, `host`, `origin`, `content-length`, ...) and
///   `proxy-` and `sec-` names are rejected: scripts cannot set them.
/// - CORS response-header names (`access-control-allow-*`, `access-control-max-age`,
///   `access-control-expose-headers`) are rejected: the server sends them.
/// - `"*"` with `credentials` is rejected: on credentialed requests browsers read `*` as a
///   name.
///
/// Exposed headers:
/// - Tokens, lower-cased, no duplicates; `"*"` with `credentials` is rejected.
/// - `set-cookie` and `set-cookie2` are rejected: browsers never expose cookies.
/// - `origin` and CORS protocol names are rejected: they are not response data.
/// - CORS-safelisted response headers (`cache-control`, `content-language`, `content-length`,
///   `content-type`, `expires`, `last-modified`, `pragma`) are rejected as already exposed.
///
/// Max age: an integer from 0 to 86400.
///
/// Placement and syntax: unknown keys (with "did you mean"), repeated keys, `#[cors]`
/// without a route attribute below it, and `#[cors]` applied twice are errors.
///
/// # Examples
///
/// Runnable examples are on `cors_runtime::cors`, the re-export users import.
#[proc_macro_attribute]
pub fn cors(args: TokenStream, item: TokenStream) -> TokenStream {
    cors_impl(args.into(), item.into()).into()
}
