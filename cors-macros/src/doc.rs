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
///     crate = "path::to::cors_runtime",       // for re-exports
/// )]
/// #[put("/api/items/{id}")]   // or get, post, delete, patch, head, options, trace, connect,
///                             // route(path, method = ...), or routes with several below it
/// async fn handler(/* extractors */) -> impl Responder { /* ... */ }
///
/// #[cors(SPA)]                  // a shared policy: `static SPA: Policy = policy!(...);`
/// #[cors(SPA, methods = [PUT])] // ... narrowed to some of the route's methods
/// ```
///
/// `#[cors]` must stand directly **above** the route attribute: attribute macros expand from
/// the top, and a route attribute expanded first hides the path and methods from `#[cors]`.
/// The route attribute's own options (`name`, `guard`, `wrap`) are kept; the CORS middleware
/// becomes the outermost `wrap`, and the preflight route applies the same `guard`s.
///
/// # Keys
///
/// The same keys make a shared policy with `policy!(...)`.
///
/// - `origins`: serialised origins, `scheme://host[:port]`, byte-exact as browsers send them.
///   `"*"` alone allows any origin and is answered with `Access-Control-Allow-Origin: *`.
///   A leading `*.` matches one or more labels (`https://*.example.com` matches
///   `https://a.b.example.com`, never `https://example.com`). `https` and application schemes
///   (`tauri://localhost`, `chrome-extension://id`) are accepted; `http` needs
///   `dangerously_allow_insecure_origins`.
/// - `origins_from_store = "name"`: instead of `origins`, the origins of the request's tenant
///   in a tenant store of that name (see `cors_runtime::tenant` and the `cors-store` crate).
/// - `dev_origins`: the origins of a development server: loopback (`localhost`,
///   `*.localhost`, `127.0.0.0/8`, `[::1]`), the private network (`10.0.0.0/8`,
///   `172.16.0.0/12`, `192.168.0.0/16`, `169.254.0.0/16`, `fc00::/7`, `fe80::/10`) and `.local`
///   names, over `http` or `https`, optionally with `:*` for any port, so that a phone on the
///   developer's network can reach a debug build. Emitted under `#[cfg(debug_assertions)]`,
///   evaluated in your crate: release builds serve none of them.
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
/// Escape hatches, each an error when nothing in the policy needs it, so that a stale one
/// cannot silently cover an entry added later:
/// - `dangerously_allow_insecure_origins`: accept `http` origins in `origins`;
/// - `dangerously_allow_public_suffix_wildcards`: accept a credentialed `*.` that admits sites
///   anyone can register;
/// - `dangerously_allow_loopback_origins`: accept loopback hosts in `origins`, for an app that
///   serves one in production (a desktop app's web view such as `http://tauri.localhost`);
/// - `dangerously_accept_cross_origin_writes`: let writes and WebSocket handshakes from any
///   origin run (see below).
///
/// # Cross-origin writes and WebSocket handshakes
///
/// CORS decides who may read a response; a `<form>` on any site can still `POST` to a route,
/// and browsers apply no CORS to WebSocket handshakes. So a policy that lists its origins
/// also refuses, with `403` and before the handler runs, every request other than `GET`,
/// `HEAD` and `OPTIONS`, and every WebSocket handshake, that a browser sends from a page on
/// an origin the policy does not allow. Same-origin requests (by `Sec-Fetch-Site`, or by
/// `Origin` against the request's own `Host`) and requests from non-browsers pass.
///
/// # Compile-time checks
///
/// Each is an error on the offending literal or key, with the fix in the message; all
/// independent problems are reported in one build. Afterwards a stub named after the handler
/// is still emitted, so `App::new().service(handler)` adds no error of its own.
///
/// Origins:
/// - `origins` is required and not empty: there is no safe default set of origins. Entries
///   are literals (a constant or `concat!` cannot be checked); to share origins, share a
///   policy with `policy!`.
/// - `"*"` must stand alone, and not with `credentials`: browsers reject
///   `Access-Control-Allow-Origin: *` on credentialed requests.
/// - `null` is rejected: sandboxed iframes and `file:` or `data:` documents all send it.
/// - The schemes `file`, `ws`, `wss`, `ftp`, `data`, `blob`, `about` and `javascript` are
///   rejected: they never appear in a browser's `Origin`.
/// - A path (even a lone `/`), a query, a fragment, userinfo or whitespace is rejected:
///   browsers never send them in `Origin`, so the entry could never match.
/// - Upper case in the scheme or host is rejected (with the lower-case form): browsers send
///   lower case and the match is byte-exact.
/// - A non-ASCII host is rejected with its Punycode form; invalid Punycode is rejected:
///   browsers send internationalised hosts as `xn--` labels.
/// - Empty labels and more than one trailing dot are rejected; a label is at most 63 bytes
///   and a host at most 253 (RFC 1035): no browser sends anything else.
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
/// - A loopback host (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`) over `http` or
///   `https` in `origins` must move to `dev_origins`: in `origins` it ships in release builds,
///   where any program on the user's machine could serve it.
/// - `dev_origins` only holds loopback, private-network and `.local` origins, so that nothing
///   on the public network is trusted by a development build by mistake; with
///   `origins = ["*"]` it has no effect and is an error.
/// - With `credentials`, a `*.` wildcard needs `dangerously_allow_public_suffix_wildcards`
///   when its base is a public suffix (`*.com`, `*.github.io`), when a public suffix lies
///   below it (`*.amazonaws.com` admits `anyone.s3.amazonaws.com`), or when its top-level
///   domain is not on the public-suffix list (`*.internal`): anyone can register a site there.
/// - Duplicates, and entries already covered by a `*.` or `:*` entry, are rejected.
///
/// Methods:
/// - Each method is one HTTP token; `"*"` is rejected: a per-route policy names its methods.
/// - `CONNECT`, `TRACE` and `TRACK` are rejected in any case: browsers never send them.
/// - A method with lower case other than `delete get head options post put` is rejected
///   ("did you mean `PATCH`?"): browsers send it verbatim and the match is case-sensitive.
/// - Duplicates are rejected, and each method must be one the route serves. Under a shared
///   policy that lists `methods`, every method the route serves must be among them (checked
///   by a constant; the error is on the policy's name).
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
/// without a route attribute below it or written below one, `#[cors]` applied twice (also
/// under another name), and any key but `methods` beside a shared policy's name are errors.
///
/// # Examples
///
/// Runnable examples are on `cors_runtime::cors`, the re-export users import.
#[proc_macro_attribute]
pub fn cors(args: TokenStream, item: TokenStream) -> TokenStream {
    cors_impl(args.into(), item.into()).into()
}
