//! One test per rule of POLICY.md §2, through the public `validate()`.
//!
//! Each test asserts the exact `Rule` and the `Field` it points at, and checks both sides of
//! every boundary, so that removing or loosening a rule makes a test fail. Entries under test
//! sit at index 1 of their list (after a valid one), so that a wrong index is caught too.

use cors_policy::{Field, Key, PolicySpec, Rule, ValidPolicy, Violation, validate};

/// A valid origin that every spec below starts with.
const OK: &str = "https://app.example";
/// A valid development origin that the `dev_origins` cases start with.
const DEV_OK: &str = "http://127.0.0.2:5173";

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// A valid spec for a route serving `GET` and `PUT`.
fn base() -> PolicySpec {
    PolicySpec { origins: Some(strings(&[OK])), route_methods: Some(strings(&["GET", "PUT"])), ..PolicySpec::default() }
}

fn with_origins(items: &[&str]) -> PolicySpec {
    PolicySpec { origins: Some(strings(items)), ..base() }
}

fn with_dev(items: &[&str]) -> PolicySpec {
    PolicySpec { dev_origins: strings(items), ..base() }
}

/// `entry` at index 1 of `origins`.
fn in_origins(entry: &str) -> PolicySpec {
    with_origins(&[OK, entry])
}

/// `entry` at index 1 of `dev_origins`.
fn in_dev(entry: &str) -> PolicySpec {
    with_dev(&[DEV_OK, entry])
}

/// `(field, rule)` of every violation, in order; empty when the spec is valid.
fn found(spec: &PolicySpec) -> Vec<(Field, Rule)> {
    match validate(spec) {
        Ok(_) => Vec::new(),
        Err(v) => v.iter().map(|v| (v.field, v.rule)).collect(),
    }
}

#[track_caller]
fn valid(spec: &PolicySpec) -> ValidPolicy {
    validate(spec).unwrap_or_else(|v| panic!("{spec:?} was rejected: {v}"))
}

/// Asserts that `spec` breaks exactly one rule, `rule` at `field`, and returns the violation.
#[track_caller]
fn only(spec: &PolicySpec, field: Field, rule: Rule) -> Violation {
    let v = match validate(spec) {
        Ok(p) => panic!("{spec:?} was accepted as {p:?}"),
        Err(v) => v,
    };
    assert_eq!(v.iter().map(|v| (v.field, v.rule)).collect::<Vec<_>>(), [(field, rule)], "{spec:?}: {v}");
    let v = v.0.into_iter().next().unwrap();
    assert!(!v.message.is_empty() && !v.message.ends_with('.'), "{v:?}");
    assert!(!v.fix.is_empty(), "{v:?}");
    v
}

/// `entry` in `origins` breaks `rule`, and nothing else.
#[track_caller]
fn origin_err(entry: &str, rule: Rule) -> Violation {
    only(&in_origins(entry), Field::Item(Key::Origins, 1), rule)
}

/// `entry` in `dev_origins` breaks `rule`, and nothing else.
#[track_caller]
fn dev_err(entry: &str, rule: Rule) -> Violation {
    only(&in_dev(entry), Field::Item(Key::DevOrigins, 1), rule)
}

/// `entry` is accepted in `origins`, and kept byte for byte as its lookup key.
#[track_caller]
fn origin_ok(entry: &str) -> ValidPolicy {
    let p = valid(&in_origins(entry));
    assert_eq!(p.origins.keys(), [OK, entry]);
    p
}

/// `entry` is accepted in `dev_origins`, and kept byte for byte as its lookup key.
#[track_caller]
fn dev_ok(entry: &str) -> ValidPolicy {
    let p = valid(&in_dev(entry));
    assert_eq!(p.dev_origins.keys(), [DEV_OK, entry]);
    p
}

#[track_caller]
fn assert_did_you_mean(v: &Violation, origin: &str) {
    let want = format!("did you mean `{origin}`?");
    assert!(v.fix.contains(&want), "fix of {:?} should contain {want:?}, got {:?}", v.rule, v.fix);
}

/// Host of exactly `len` bytes, labels of at most 63 bytes.
fn host_of_len(len: usize) -> String {
    let mut labels = Vec::new();
    let mut left = len;
    while left > 0 {
        let n = left.min(63);
        let c = (b'a' + labels.len() as u8) as char;
        labels.push(c.to_string().repeat(n));
        left -= n;
        if left > 0 {
            left -= 1; // the dot before the next label
            if left == 0 {
                // A dot cannot end the host: borrow a byte from the last label.
                let last = labels.last_mut().unwrap();
                last.pop();
                left = 1;
            }
        }
    }
    let h = labels.join(".");
    assert_eq!(h.len(), len);
    h
}

// ---------------------------------------------------------------------------------------------
// origins: presence and "*"

#[test]
fn origins_required() {
    let missing = PolicySpec { origins: None, ..base() };
    only(&missing, Field::Policy, Rule::OriginsRequired);
    let empty = PolicySpec { origins: Some(Vec::new()), ..base() };
    only(&empty, Field::Key(Key::Origins), Rule::OriginsRequired);
    valid(&base());
}

#[test]
fn any_origin_alone_is_accepted() {
    let p = valid(&with_origins(&["*"]));
    assert!(p.origins.any);
    assert!(p.origins.patterns.is_empty());
    assert!(p.origins.keys().is_empty());
}

#[test]
fn any_origin_not_alone() {
    only(&with_origins(&["*", OK]), Field::Item(Key::Origins, 0), Rule::AnyOriginNotAlone);
    only(&with_origins(&[OK, "*"]), Field::Item(Key::Origins, 1), Rule::AnyOriginNotAlone);
    only(&with_origins(&["*", "https://*.example.com"]), Field::Item(Key::Origins, 0), Rule::AnyOriginNotAlone);
    assert_eq!(
        found(&with_origins(&["*", "*"])),
        [
            (Field::Item(Key::Origins, 0), Rule::AnyOriginNotAlone),
            (Field::Item(Key::Origins, 1), Rule::DuplicateOrigin)
        ]
    );
}

#[test]
fn any_origin_with_credentials() {
    let spec = PolicySpec { credentials: true, ..with_origins(&["*"]) };
    let v = only(&spec, Field::Item(Key::Origins, 0), Rule::AnyOriginWithCredentials);
    assert!(v.message.contains("credentials"), "{v:?}");
    let spec = PolicySpec { credentials: true, ..with_origins(&[OK, "*"]) };
    assert_eq!(
        found(&spec),
        [
            (Field::Item(Key::Origins, 1), Rule::AnyOriginWithCredentials),
            (Field::Item(Key::Origins, 1), Rule::AnyOriginNotAlone)
        ]
    );
    valid(&PolicySpec { credentials: true, ..base() });
}

#[test]
fn any_origin_in_dev_origins() {
    dev_err("*", Rule::AnyOriginInDevOrigins);
    only(&with_dev(&["*"]), Field::Item(Key::DevOrigins, 0), Rule::AnyOriginInDevOrigins);
}

// ---------------------------------------------------------------------------------------------
// origins: the shape of one entry

#[test]
fn null_origin() {
    for s in ["null", "NULL", "Null"] {
        origin_err(s, Rule::NullOrigin);
        dev_err(s, Rule::NullOrigin);
    }
}

#[test]
fn file_scheme() {
    for s in ["file:///srv/app", "file://", "file:", "FILE://host", "File:///x"] {
        origin_err(s, Rule::FileScheme);
        dev_err(s, Rule::FileScheme);
    }
}

#[test]
fn missing_scheme() {
    let v = origin_err("example.com", Rule::MissingScheme);
    assert_did_you_mean(&v, "https://example.com");
    let v = origin_err("example.com/", Rule::MissingScheme);
    assert_did_you_mean(&v, "https://example.com");
    origin_err("", Rule::MissingScheme);
    origin_err("https:example.com", Rule::MissingScheme);
    dev_err("localhost:3000", Rule::MissingScheme);
}

#[test]
fn invalid_scheme() {
    for s in ["1https://x.example", "-a://x.example", "a_b://x.example", "://x.example", "ht!tp://x.example"] {
        origin_err(s, Rule::InvalidScheme);
    }
    // A scheme is at most 64 bytes: the longest `Origin` a browser sends is built from it.
    origin_ok(&format!("{}://x.example", "s".repeat(64)));
    origin_err(&format!("{}://x.example", "s".repeat(65)), Rule::InvalidScheme);
    // Custom application schemes are accepted as they are.
    origin_ok("tauri://localhost");
    origin_ok("chrome-extension://abcdefghijklmnopabcdefghijklmnop");
    origin_ok("web+app.v-1://x.example");
}

#[test]
fn uppercase_origin() {
    let v = origin_err("https://Example.com", Rule::UppercaseOrigin);
    assert_did_you_mean(&v, "https://example.com");
    let v = origin_err("HTTPS://example.com", Rule::UppercaseOrigin);
    assert_did_you_mean(&v, "https://example.com");
    let v = origin_err("https://*.EXAMPLE.com:8443", Rule::UppercaseOrigin);
    assert_did_you_mean(&v, "https://*.example.com:8443");
    let v = origin_err("https://[2001:DB8::1]", Rule::UppercaseOrigin);
    assert_did_you_mean(&v, "https://[2001:db8::1]");
    let v = dev_err("http://LOCALHOST:3000", Rule::UppercaseOrigin);
    assert_did_you_mean(&v, "http://localhost:3000");
}

#[test]
fn whitespace() {
    let v = origin_err(" https://example.com", Rule::Whitespace);
    assert_did_you_mean(&v, "https://example.com");
    let v = origin_err("https://example.com\n", Rule::Whitespace);
    assert_did_you_mean(&v, "https://example.com");
    for s in ["https://exa mple.com", "https://example.com\t.x", "https://example.com\u{a0}", "https://\u{0}x.com"] {
        origin_err(s, Rule::Whitespace);
    }
    dev_err("http://localhost:3000 ", Rule::Whitespace);
}

#[test]
fn path() {
    let v = origin_err("https://example.com/", Rule::Path);
    assert_did_you_mean(&v, "https://example.com");
    let v = origin_err("https://example.com:8443/app/", Rule::Path);
    assert_did_you_mean(&v, "https://example.com:8443");
    let v = dev_err("http://localhost:3000/", Rule::Path);
    assert_did_you_mean(&v, "http://localhost:3000");
}

#[test]
fn query() {
    let v = origin_err("https://example.com?x=1", Rule::Query);
    assert_did_you_mean(&v, "https://example.com");
    origin_err("https://example.com?", Rule::Query);
    // `?` is also regex syntax; either way it is reported where it stands.
    origin_err("https://exa?mple.com", Rule::Query);
}

#[test]
fn fragment() {
    let v = origin_err("https://example.com#nav", Rule::Fragment);
    assert_did_you_mean(&v, "https://example.com");
    origin_err("https://example.com#", Rule::Fragment);
}

#[test]
fn userinfo() {
    let v = origin_err("https://user@example.com", Rule::Userinfo);
    assert_did_you_mean(&v, "https://example.com");
    let v = origin_err("https://user:pw@example.com:8443", Rule::Userinfo);
    assert_did_you_mean(&v, "https://example.com:8443");
    origin_err("https://@example.com", Rule::Userinfo);
}

#[test]
fn regex_syntax() {
    for s in [
        "https://example\\.com",
        "^https://example.com",
        "https://example.com$",
        "https://(app|www).example.com",
        "https://app|www.example.com",
        "https://app[0-9].example.com",
        "https://.*example.com",
        "https://.*\\.example\\.com",
        "https://example.*",
        "https://app.example.com)",
        "https://ex{2}ample.com",
        "https://a+.example.com",
    ] {
        origin_err(s, Rule::RegexSyntax);
    }
    // Controls: the brackets of an IPv6 host and the `*.` wildcard are not regex syntax.
    origin_ok("https://[2001:db8::1]:8443");
    origin_ok("https://*.example.com");
}

#[test]
fn too_long() {
    // The longest origin a browser sends: a 64-byte scheme, `://`, a 253-byte host, `:65535`.
    let scheme = format!("x{}", "s".repeat(63));
    let longest = format!("{scheme}://{}:65535", host_of_len(253));
    assert_eq!(longest.len(), 326);
    origin_ok(&longest);
    // One byte more (a trailing dot, otherwise fine) is too long.
    let over = format!("{scheme}://{}.:65535", host_of_len(253));
    assert_eq!(over.len(), 327);
    origin_err(&over, Rule::TooLong);
    let over_dot = format!("{scheme}://{}.:6553", host_of_len(253));
    assert_eq!(over_dot.len(), 326);
    origin_ok(&over_dot);
    origin_err(&format!("https://{}", "a.".repeat(1 << 19)), Rule::TooLong);
    dev_err(&format!("http://{}.localhost", "a".repeat(330)), Rule::TooLong);
}

#[test]
fn empty_host() {
    origin_err("https://", Rule::EmptyHost);
    origin_err("https://:8443", Rule::EmptyHost);
}

#[test]
fn invalid_host_char() {
    for s in ["https://exa%mple.com", "https://example!.com", "https://exam,ple.com", "https://[::1]x"] {
        origin_err(s, Rule::InvalidHostChar);
    }
    origin_ok("https://my_app.example.com");
    origin_ok("https://my-app.example.com");
}

#[test]
fn non_ascii_host() {
    let v = origin_err("https://bücher.example", Rule::NonAsciiHost);
    assert_did_you_mean(&v, "https://xn--bcher-kva.example");
    let v = origin_err("https://*.bücher.example:8443", Rule::NonAsciiHost);
    assert_did_you_mean(&v, "https://*.xn--bcher-kva.example:8443");
    origin_ok("https://xn--bcher-kva.example");
}

#[test]
fn invalid_punycode() {
    origin_err("https://xn--f.example", Rule::InvalidPunycode);
    origin_err("https://ab--c.example", Rule::InvalidPunycode);
    origin_ok("https://xn--bcher-kva.example");
    origin_ok("https://a-b--c.example");
}

#[test]
fn empty_label() {
    for s in ["https://example..com", "https://.example.com", "https://*..example.com", "https://."] {
        origin_err(s, Rule::EmptyLabel);
    }
}

#[test]
fn trailing_dots() {
    // One trailing dot is a distinct origin that browsers do send; two never are.
    origin_ok("https://example.com.");
    origin_ok("https://*.example.com.");
    let v = origin_err("https://example.com..", Rule::TrailingDots);
    assert!(v.fix.contains("did you mean `https://example.com"), "{v:?}");
    origin_err("https://example.com...:8443", Rule::TrailingDots);
    origin_err("https://*.example.com..", Rule::TrailingDots);
}

#[test]
fn label_too_long() {
    origin_ok(&format!("https://{}.example", "a".repeat(63)));
    origin_err(&format!("https://{}.example", "a".repeat(64)), Rule::LabelTooLong);
    origin_err(&format!("https://*.{}", "a".repeat(64)), Rule::LabelTooLong);
}

#[test]
fn host_too_long() {
    origin_ok(&format!("https://{}", host_of_len(253)));
    origin_ok(&format!("https://{}.", host_of_len(253)));
    origin_err(&format!("https://{}", host_of_len(254)), Rule::HostTooLong);
}

#[test]
fn default_port() {
    let v = origin_err("https://example.com:443", Rule::DefaultPort);
    assert_did_you_mean(&v, "https://example.com");
    let v = origin_err("http://example.com:80", Rule::DefaultPort);
    assert_did_you_mean(&v, "http://example.com");
    let v = dev_err("http://localhost:80", Rule::DefaultPort);
    assert_did_you_mean(&v, "http://localhost");
    dev_err("https://localhost:443", Rule::DefaultPort);
    // The other scheme's default port is an ordinary port.
    origin_ok("https://example.com:80");
    valid(&PolicySpec { allow_insecure_origins: true, ..in_origins("http://example.com:443") });
}

#[test]
fn invalid_port() {
    let v = origin_err("https://example.com:", Rule::InvalidPort);
    assert_did_you_mean(&v, "https://example.com");
    origin_err("https://example.com:abc", Rule::InvalidPort);
    origin_err("https://example.com:-1", Rule::InvalidPort);
}

#[test]
fn port_range() {
    origin_err("https://example.com:0", Rule::PortRange);
    origin_ok("https://example.com:1");
    origin_ok("https://example.com:65535");
    origin_err("https://example.com:65536", Rule::PortRange);
    origin_err("https://example.com:99999999999", Rule::PortRange);
    dev_err("http://localhost:0", Rule::PortRange);
}

#[test]
fn port_leading_zero() {
    let v = origin_err("https://example.com:08443", Rule::PortLeadingZero);
    assert_did_you_mean(&v, "https://example.com:8443");
    origin_err("https://example.com:00", Rule::PortLeadingZero);
    dev_err("http://localhost:03000", Rule::PortLeadingZero);
    origin_ok("https://example.com:8443");
}

#[test]
fn non_canonical_ipv4() {
    let v = origin_err("https://127.1", Rule::NonCanonicalIpv4);
    assert_did_you_mean(&v, "https://127.0.0.1");
    let v = dev_err("http://127.1:8080", Rule::NonCanonicalIpv4);
    assert_did_you_mean(&v, "http://127.0.0.1:8080");
    let v = origin_err("https://0xc0.0.2.1", Rule::NonCanonicalIpv4);
    assert_did_you_mean(&v, "https://192.0.2.1");
    for s in
        ["https://192.000.2.1", "https://192.0.2.1.", "https://3221225985", "https://example.255", "https://1.2.3.256"]
    {
        origin_err(s, Rule::NonCanonicalIpv4);
    }
    origin_ok("https://192.0.2.1");
    origin_ok("https://255.255.255.255:8443");
}

#[test]
fn invalid_ipv6() {
    for s in ["https://[::1", "https://[zz::1]", "https://[]", "https://[1:2:3:4:5:6:7:8:9]"] {
        origin_err(s, Rule::InvalidIpv6);
    }
}

#[test]
fn non_canonical_ipv6() {
    let v = origin_err("https://[2001:db8:0:0:0:0:0:1]", Rule::NonCanonicalIpv6);
    assert_did_you_mean(&v, "https://[2001:db8::1]");
    let v = origin_err("https://[2001:0db8::1]:8443", Rule::NonCanonicalIpv6);
    assert_did_you_mean(&v, "https://[2001:db8::1]:8443");
    let v = dev_err("http://[0:0:0:0:0:0:0:1]:3000", Rule::NonCanonicalIpv6);
    assert_did_you_mean(&v, "http://[::1]:3000");
    origin_ok("https://[2001:db8::1]");
    dev_ok("http://[::1]:3000");
}

#[test]
fn ipv4_mapped_ipv6() {
    let v = origin_err("https://[::ffff:192.0.2.1]", Rule::Ipv4MappedIpv6);
    assert_did_you_mean(&v, "https://192.0.2.1");
    let v = dev_err("http://[::ffff:7f00:1]:3000", Rule::Ipv4MappedIpv6);
    assert_did_you_mean(&v, "http://127.0.0.1:3000");
}

#[test]
fn ipv6_zone_id() {
    let v = origin_err("https://[fe80::1%eth0]", Rule::Ipv6ZoneId);
    assert_did_you_mean(&v, "https://[fe80::1]");
    origin_err("https://[fe80::1%25eth0]:8443", Rule::Ipv6ZoneId);
}

// ---------------------------------------------------------------------------------------------
// origins: wildcards

#[test]
fn wildcard_first_label_is_accepted() {
    let p = origin_ok("https://*.example.com");
    let w = &p.origins.patterns[1];
    assert!(w.subdomains);
    assert_eq!(w.host, "example.com");
    assert!(p.origins.has_wildcards());
    origin_ok("https://*.example.com:8443");
    origin_ok("https://*.app.example.com");
    assert!(!valid(&base()).origins.has_wildcards());
}

#[test]
fn wildcard_no_dot() {
    let v = origin_err("https://*example.com", Rule::WildcardNoDot);
    assert!(v.fix.contains("https://*.example.com") && v.fix.contains("`https://example.com`"), "{v:?}");
    origin_err("https://*", Rule::WildcardNoDot);
}

#[test]
fn wildcard_misplaced() {
    for s in ["https://a.*.example.com", "https://example.*.com", "https://app*.example.com", "https://a*b.example.com"]
    {
        origin_err(s, Rule::WildcardMisplaced);
    }
}

#[test]
fn double_wildcard() {
    let v = origin_err("https://**.example.com", Rule::DoubleWildcard);
    assert_did_you_mean(&v, "https://*.example.com");
    origin_err("https://**.x", Rule::DoubleWildcard);
}

#[test]
fn wildcard_ip() {
    origin_err("https://*.192.0.2.1", Rule::WildcardIp);
    origin_err("https://*.0.2.1:8443", Rule::WildcardIp);
}

#[test]
fn any_port_outside_dev() {
    origin_err("https://example.com:*", Rule::AnyPortOutsideDev);
    origin_err("https://*.example.com:*", Rule::AnyPortOutsideDev);
    let p = dev_ok("http://localhost:*");
    assert!(p.dev_origins.has_any_port());
    assert!(!p.origins.has_any_port());
    dev_ok("http://*.localhost:*");
    dev_ok("https://[::1]:*");
}

// ---------------------------------------------------------------------------------------------
// origins: schemes, loopback, dev_origins

#[test]
fn insecure_origin() {
    let v = origin_err("http://example.com", Rule::InsecureOrigin);
    assert_did_you_mean(&v, "https://example.com");
    assert!(v.fix.contains("dangerously_allow_insecure_origins"), "{v:?}");
    let v = origin_err("http://*.example.com:8080", Rule::InsecureOrigin);
    assert_did_you_mean(&v, "https://*.example.com:8080");
    // With the escape hatch, the same entries are accepted.
    for s in ["http://example.com", "http://*.example.com:8080"] {
        let p = valid(&PolicySpec { allow_insecure_origins: true, ..in_origins(s) });
        assert_eq!(p.origins.keys(), [OK, s]);
    }
}

#[test]
fn loopback_in_origins() {
    for s in [
        "http://localhost",
        "http://localhost:3000",
        "http://app.localhost:3000",
        "http://*.localhost",
        "http://127.0.0.1",
        "http://127.255.255.254:8080",
        "http://[::1]:8080",
        "http://localhost.",
    ] {
        let v = origin_err(s, Rule::LoopbackInOrigins);
        assert!(v.fix.contains(&format!("dev_origins = [\"{s}\"]")), "{v:?}");
        // The insecure-origin hatch does not cover loopback origins, and is then unneeded.
        let spec = PolicySpec { allow_insecure_origins: true, ..in_origins(s) };
        assert_eq!(
            found(&spec),
            [
                (Field::Item(Key::Origins, 1), Rule::LoopbackInOrigins),
                (Field::Key(Key::AllowInsecureOrigins), Rule::UnneededEscapeHatch)
            ],
            "{s}"
        );
    }
    // Over `https` a loopback host is an ordinary origin; so are look-alikes over `http`.
    origin_ok("https://localhost:8443");
    for s in ["http://localhost.example.com", "http://128.0.0.1", "http://[::2]"] {
        origin_err(s, Rule::InsecureOrigin);
    }
}

#[test]
fn dev_origins_accept_loopback() {
    for s in [
        "http://localhost",
        "http://localhost:3000",
        "https://localhost:8443",
        "http://localhost:*",
        "http://app.localhost:5173",
        "http://*.localhost",
        "http://*.localhost:*",
        "http://127.0.0.1:8080",
        "http://127.0.0.0",
        "http://127.255.255.255:*",
        "http://[::1]",
        "https://[::1]:8443",
        "http://localhost.",
    ] {
        dev_ok(s);
    }
    // No escape hatch is needed for `http` here.
    valid(&with_dev(&["http://localhost:*"]));
}

#[test]
fn dev_origin_not_loopback() {
    for s in [
        "https://app.example.com:8443",
        "http://example.com",
        "http://localhost.example.com",
        "http://alocalhost",
        "http://localhostx:3000",
        "http://128.0.0.1",
        "http://126.255.255.255",
        "http://10.0.0.1:*",
        "http://0.0.0.0",
        "http://[::2]",
        "http://[::]:3000",
        "https://*.example.com:*",
        "tauri://localhost",
        "ws://localhost:3000",
    ] {
        dev_err(s, Rule::DevOriginNotLoopback);
    }
}

#[test]
fn public_suffix_wildcard() {
    for s in ["https://*.github.io", "https://*.com", "https://*.co.uk"] {
        let creds = PolicySpec { credentials: true, ..in_origins(s) };
        let v = only(&creds, Field::Item(Key::Origins, 1), Rule::PublicSuffixWildcard);
        assert!(v.fix.contains("dangerously_allow_public_suffix_wildcards"), "{v:?}");
        // Needed, so accepted with the hatch.
        let p = valid(&PolicySpec { allow_public_suffix_wildcards: true, ..creds });
        assert_eq!(p.origins.keys(), [OK, s]);
        // Without credentials nothing is at stake: accepted, and the hatch is unneeded.
        valid(&in_origins(s));
        let hatch = PolicySpec { allow_public_suffix_wildcards: true, ..in_origins(s) };
        only(&hatch, Field::Key(Key::AllowPublicSuffixWildcards), Rule::UnneededEscapeHatch);
    }
    // A site under a public suffix is someone's own domain.
    for s in ["https://*.myapp.github.io", "https://*.example.com", "https://*.example.co.uk"] {
        valid(&PolicySpec { credentials: true, ..in_origins(s) });
    }
}

/// The public-suffix list also has wildcard rules: `*.ck` makes every `<label>.ck` a public
/// suffix, so `https://*.ck` admits `https://site.anyone.ck`, registered by anyone. The same
/// holds for `*.kawasaki.jp` and `*.compute.amazonaws.com`.

#[test]
fn public_suffix_wildcard_under_a_wildcard_rule() {
    for s in ["https://*.ck", "https://*.kawasaki.jp", "https://*.compute.amazonaws.com"] {
        let creds = PolicySpec { credentials: true, ..in_origins(s) };
        assert_eq!(found(&creds), [(Field::Item(Key::Origins, 1), Rule::PublicSuffixWildcard)], "{s}");
    }
    // Control: an exception rule (`!city.kawasaki.jp`) makes the host an ordinary domain.
    valid(&PolicySpec { credentials: true, ..in_origins("https://*.city.kawasaki.jp") });
}

// ---------------------------------------------------------------------------------------------
// origins: duplicates and coverage

#[test]
fn duplicate_origin() {
    only(&with_origins(&[OK, OK]), Field::Item(Key::Origins, 1), Rule::DuplicateOrigin);
    only(
        &with_origins(&[OK, "https://*.example.org", "https://*.example.org"]),
        Field::Item(Key::Origins, 2),
        Rule::DuplicateOrigin,
    );
    only(&with_dev(&[DEV_OK, DEV_OK]), Field::Item(Key::DevOrigins, 1), Rule::DuplicateOrigin);
    // Across the lists: a dev origin that `origins` already serves.
    let spec = PolicySpec { dev_origins: strings(&["https://localhost:8443"]), ..in_origins("https://localhost:8443") };
    only(&spec, Field::Item(Key::DevOrigins, 0), Rule::DuplicateOrigin);
    // Distinct origins, however similar, are not duplicates.
    for other in ["https://app.example.com.", "https://app.example.com:8443", "https://*.app.example.com"] {
        valid(&with_origins(&[OK, other]));
    }
}

#[test]
fn redundant_origin() {
    let v = only(
        &with_origins(&["https://*.example.com", "https://api.example.com"]),
        Field::Item(Key::Origins, 1),
        Rule::RedundantOrigin,
    );
    assert!(v.message.contains("https://*.example.com"), "{v:?}");
    only(
        &with_origins(&["https://api.example.com", "https://*.example.com"]),
        Field::Item(Key::Origins, 0),
        Rule::RedundantOrigin,
    );
    only(
        &with_origins(&["https://*.example.com", "https://*.api.example.com"]),
        Field::Item(Key::Origins, 1),
        Rule::RedundantOrigin,
    );
    only(
        &with_dev(&["http://localhost:3000", "http://localhost:*"]),
        Field::Item(Key::DevOrigins, 0),
        Rule::RedundantOrigin,
    );
    only(
        &with_dev(&["http://*.localhost:*", "http://app.localhost:5173"]),
        Field::Item(Key::DevOrigins, 1),
        Rule::RedundantOrigin,
    );
    // Across the lists: a dev origin covered by a wildcard of `origins`.
    let spec = PolicySpec { dev_origins: strings(&["https://app.localhost"]), ..in_origins("https://*.localhost") };
    only(&spec, Field::Item(Key::DevOrigins, 0), Rule::RedundantOrigin);
    // Not covered: the apex, another port, another scheme, a look-alike suffix.
    for other in
        ["https://example.com", "https://api.example.com:8443", "wss://api.example.com", "https://evil-example.com"]
    {
        valid(&with_origins(&["https://*.example.com", other]));
    }
}

// ---------------------------------------------------------------------------------------------
// escape hatches

#[test]
fn unneeded_insecure_hatch() {
    let hatch = |s: PolicySpec| PolicySpec { allow_insecure_origins: true, ..s };
    only(&hatch(base()), Field::Key(Key::AllowInsecureOrigins), Rule::UnneededEscapeHatch);
    // `http` in `dev_origins` never needs it.
    only(
        &hatch(with_dev(&["http://localhost:3000"])),
        Field::Key(Key::AllowInsecureOrigins),
        Rule::UnneededEscapeHatch,
    );
    // Needed: accepted.
    valid(&hatch(in_origins("http://intranet.example.com")));
}

#[test]
fn unneeded_public_suffix_hatch() {
    let hatch = |s: PolicySpec| PolicySpec { allow_public_suffix_wildcards: true, ..s };
    let creds = |s: PolicySpec| PolicySpec { credentials: true, ..s };
    only(&hatch(base()), Field::Key(Key::AllowPublicSuffixWildcards), Rule::UnneededEscapeHatch);
    for s in ["https://*.example.com", "https://github.io", "https://*.myapp.github.io"] {
        only(&hatch(creds(in_origins(s))), Field::Key(Key::AllowPublicSuffixWildcards), Rule::UnneededEscapeHatch);
    }
    valid(&hatch(creds(in_origins("https://*.github.io"))));
}

/// An `http` entry with a typo still needs the insecure-origin hatch once the typo is fixed;
/// telling the user to remove the hatch as well contradicts the other fix.

#[test]
fn malformed_entry_still_needs_its_hatch() {
    let insecure = PolicySpec { allow_insecure_origins: true, ..in_origins("http://Intranet.example.com") };
    let suffix =
        PolicySpec { credentials: true, allow_public_suffix_wildcards: true, ..in_origins("https://*.github.io/") };
    assert_eq!(
        (found(&insecure), found(&suffix)),
        (vec![(Field::Item(Key::Origins, 1), Rule::UppercaseOrigin)], vec![(Field::Item(Key::Origins, 1), Rule::Path)])
    );
}

// ---------------------------------------------------------------------------------------------
// methods

fn methods(list: &[&str]) -> PolicySpec {
    PolicySpec { methods: Some(strings(list)), ..base() }
}

fn runtime_methods(list: &[&str]) -> PolicySpec {
    PolicySpec { methods: Some(strings(list)), route_methods: None, ..base() }
}

#[test]
fn methods_normalised() {
    let spec = PolicySpec {
        route_methods: None,
        methods: Some(strings(&["get", "Put", "pOsT", "delete", "Head", "options", "PATCH", "PURGE"])),
        ..base()
    };
    assert_eq!(valid(&spec).methods, ["GET", "PUT", "POST", "DELETE", "HEAD", "OPTIONS", "PATCH", "PURGE"]);
    assert_eq!(valid(&methods(&["get"])).methods, ["GET"]);
}

#[test]
fn methods_omitted_take_the_routes() {
    let p = valid(&base());
    assert_eq!(p.methods, ["GET", "PUT"]);
    let spec = PolicySpec { route_methods: Some(strings(&["GET", "TRACE", "PATCH", "CONNECT"])), ..base() };
    assert_eq!(valid(&spec).methods, ["GET", "PATCH"]);
}

#[test]
fn methods_required() {
    let spec = PolicySpec { route_methods: None, methods: None, ..base() };
    only(&spec, Field::Key(Key::Methods), Rule::MethodsRequired);
    only(&methods(&[]), Field::Key(Key::Methods), Rule::MethodsRequired);
    only(&runtime_methods(&[]), Field::Key(Key::Methods), Rule::MethodsRequired);
    assert_eq!(valid(&runtime_methods(&["DELETE"])).methods, ["DELETE"]);
}

#[test]
fn no_cors_methods() {
    for route in [&["TRACE"][..], &["CONNECT", "TRACE"], &["TRACK"]] {
        let spec = PolicySpec { route_methods: Some(strings(route)), ..base() };
        only(&spec, Field::Policy, Rule::NoCorsMethods);
    }
}

#[test]
fn method_star() {
    only(&methods(&["GET", "*"]), Field::Item(Key::Methods, 1), Rule::MethodStar);
    only(&runtime_methods(&["*"]), Field::Item(Key::Methods, 0), Rule::MethodStar);
}

#[test]
fn invalid_method() {
    for m in ["GET POST", "", "GET,PUT", "GÉT", "G\"T", " GET"] {
        only(&runtime_methods(&["GET", m]), Field::Item(Key::Methods, 1), Rule::InvalidMethod);
    }
}

#[test]
fn forbidden_method() {
    for m in ["CONNECT", "connect", "Connect", "TRACE", "trace", "tRaCe", "TRACK", "track", "Track"] {
        let v = only(&runtime_methods(&["GET", m]), Field::Item(Key::Methods, 1), Rule::ForbiddenMethod);
        assert!(v.message.to_ascii_uppercase().contains(&m.to_ascii_uppercase()), "{v:?}");
        // Even when the route serves it.
        let spec = PolicySpec { route_methods: Some(strings(&["GET", &m.to_ascii_uppercase()])), ..methods(&[m]) };
        only(&spec, Field::Item(Key::Methods, 0), Rule::ForbiddenMethod);
    }
}

#[test]
fn method_case() {
    for (m, fix) in [("patch", "PATCH"), ("Patch", "PATCH"), ("pAtCh", "PATCH"), ("purge", "PURGE"), ("Purge", "PURGE")]
    {
        let v = only(&runtime_methods(&["GET", m]), Field::Item(Key::Methods, 1), Rule::MethodCase);
        assert_eq!(v.fix, format!("did you mean `{fix}`?"));
        assert!(v.message.contains("case-sensitive"), "{v:?}");
    }
    assert_eq!(valid(&runtime_methods(&["PATCH", "PURGE"])).methods, ["PATCH", "PURGE"]);
}

#[test]
fn duplicate_method() {
    only(&methods(&["GET", "get"]), Field::Item(Key::Methods, 1), Rule::DuplicateMethod);
    only(&methods(&["put", "GET", "PUT"]), Field::Item(Key::Methods, 2), Rule::DuplicateMethod);
    only(&runtime_methods(&["PATCH", "PATCH"]), Field::Item(Key::Methods, 1), Rule::DuplicateMethod);
}

#[test]
fn method_not_served() {
    let v = only(&methods(&["GET", "DELETE"]), Field::Item(Key::Methods, 1), Rule::MethodNotServed);
    assert!(v.message.contains("`GET`") && v.message.contains("`PUT`"), "{v:?}");
    only(&methods(&["PATCH"]), Field::Item(Key::Methods, 0), Rule::MethodNotServed);
    // Normalised before the comparison.
    assert_eq!(valid(&methods(&["put"])).methods, ["PUT"]);
    // A run-time policy has no route to compare with.
    valid(&runtime_methods(&["DELETE"]));
}

// ---------------------------------------------------------------------------------------------
// headers

fn headers(list: &[&str]) -> PolicySpec {
    PolicySpec { headers: strings(list), ..base() }
}

fn expose(list: &[&str]) -> PolicySpec {
    PolicySpec { expose: strings(list), ..base() }
}

const FORBIDDEN_REQUEST: [&str; 21] = [
    "Accept-Charset",
    "Accept-Encoding",
    "Access-Control-Request-Headers",
    "Access-Control-Request-Method",
    "Connection",
    "Content-Length",
    "Cookie",
    "Cookie2",
    "Date",
    "DNT",
    "Expect",
    "Host",
    "Keep-Alive",
    "Origin",
    "Referer",
    "Set-Cookie",
    "TE",
    "Trailer",
    "Transfer-Encoding",
    "Upgrade",
    "Via",
];

const CORS_RESPONSE: [&str; 7] = [
    "Access-Control-Allow-Origin",
    "access-control-allow-credentials",
    "access-control-allow-methods",
    "access-control-allow-headers",
    "access-control-allow-private-network",
    "Access-Control-Max-Age",
    "access-control-expose-headers",
];

const SAFELISTED_RESPONSE: [&str; 7] =
    ["Cache-Control", "Content-Language", "Content-Length", "Content-Type", "Expires", "Last-Modified", "Pragma"];

#[test]
fn headers_normalised() {
    let p = valid(&headers(&["Content-Type", "X-Request-ID", "authorization"]));
    assert_eq!(p.headers.names, ["content-type", "x-request-id", "authorization"]);
    assert!(!p.headers.any);
    assert_eq!(p.headers.value().as_deref(), Some("content-type,x-request-id,authorization"));
    assert_eq!(valid(&base()).headers.value(), None);
}

#[test]
fn invalid_header() {
    for h in ["", "a b", "x:y", "content-type\t", "x-é", "a,b", "\"x\""] {
        only(&headers(&["accept", h]), Field::Item(Key::Headers, 1), Rule::InvalidHeader);
        only(&expose(&["x-a", h]), Field::Item(Key::Expose, 1), Rule::InvalidHeader);
    }
}

#[test]
fn forbidden_request_header() {
    for h in FORBIDDEN_REQUEST {
        for name in [h.to_string(), h.to_ascii_lowercase(), h.to_ascii_uppercase()] {
            only(&headers(&["accept", &name]), Field::Item(Key::Headers, 1), Rule::ForbiddenRequestHeader);
        }
    }
    for h in ["proxy-authorization", "Proxy-Connection", "proxy-", "sec-fetch-mode", "Sec-CH-UA", "SEC-X"] {
        only(&headers(&["accept", h]), Field::Item(Key::Headers, 1), Rule::ForbiddenRequestHeader);
    }
    // Only the prefixes are forbidden, not the words.
    let p = valid(&headers(&["x-proxy-id", "proxy", "secret", "x-sec-token", "accept"]));
    assert_eq!(p.headers.names, ["x-proxy-id", "proxy", "secret", "x-sec-token", "accept"]);
}

#[test]
fn cors_response_header_in_headers() {
    for h in CORS_RESPONSE {
        only(&headers(&["accept", h]), Field::Item(Key::Headers, 1), Rule::CorsResponseHeader);
    }
}

#[test]
fn duplicate_header() {
    only(&headers(&["Content-Type", "content-type"]), Field::Item(Key::Headers, 1), Rule::DuplicateHeader);
    only(&headers(&["*", "x-a", "*"]), Field::Item(Key::Headers, 2), Rule::DuplicateHeader);
    only(&expose(&["X-Total-Count", "x-total-count"]), Field::Item(Key::Expose, 1), Rule::DuplicateHeader);
    only(&expose(&["*", "*"]), Field::Item(Key::Expose, 1), Rule::DuplicateHeader);
}

#[test]
fn headers_star() {
    let p = valid(&headers(&["*"]));
    assert!(p.headers.any);
    assert!(p.headers.names.is_empty());
    assert_eq!(p.headers.value().as_deref(), Some("*"));
    // `authorization` is not covered by `*` and must be listed by name.
    let p = valid(&headers(&["*", "Authorization"]));
    assert!(p.headers.any);
    assert_eq!(p.headers.names, ["authorization"]);
    assert_eq!(p.headers.value().as_deref(), Some("*,authorization"));
}

#[test]
fn star_with_credentials() {
    let creds = |s: PolicySpec| PolicySpec { credentials: true, ..s };
    only(&creds(headers(&["*"])), Field::Item(Key::Headers, 0), Rule::StarWithCredentials);
    only(&creds(headers(&["authorization", "*"])), Field::Item(Key::Headers, 1), Rule::StarWithCredentials);
    only(&creds(expose(&["x-a", "*"])), Field::Item(Key::Expose, 1), Rule::StarWithCredentials);
    let p = valid(&creds(headers(&["authorization"])));
    assert_eq!(p.headers.names, ["authorization"]);
    let p = valid(&expose(&["*"]));
    assert_eq!(p.expose_value().as_deref(), Some("*"));
}

#[test]
fn forbidden_expose() {
    for h in [
        "set-cookie",
        "Set-Cookie",
        "SET-COOKIE2",
        "origin",
        "Origin",
        "access-control-request-method",
        "access-control-request-headers",
    ] {
        only(&expose(&["x-a", h]), Field::Item(Key::Expose, 1), Rule::ForbiddenExpose);
    }
}

#[test]
fn safelisted_expose() {
    for h in SAFELISTED_RESPONSE {
        for name in [h.to_string(), h.to_ascii_lowercase()] {
            let v = only(&expose(&["x-a", &name]), Field::Item(Key::Expose, 1), Rule::SafelistedExpose);
            assert!(v.message.contains("already exposed"), "{v:?}");
        }
    }
}

#[test]
fn expose_normalised() {
    let p = valid(&expose(&["X-Total-Count", "ETag", "x-request-id"]));
    assert_eq!(p.expose.names, ["x-total-count", "etag", "x-request-id"]);
    assert_eq!(p.expose_value().as_deref(), Some("x-total-count,etag,x-request-id"));
    assert_eq!(valid(&expose(&["x-a", "*"])).expose_value().as_deref(), Some("*,x-a"));
    assert_eq!(valid(&base()).expose_value(), None);
    // Forbidden request headers are fine to expose, and vice versa.
    valid(&expose(&["date", "content-encoding"]));
}

// ---------------------------------------------------------------------------------------------
// max_age

#[test]
fn max_age_range() {
    for n in [-1, 86_401, i64::MIN, i64::MAX, i64::from(u32::MAX) + 1] {
        let v = only(&PolicySpec { max_age: Some(n), ..base() }, Field::Key(Key::MaxAge), Rule::MaxAgeRange);
        assert!(v.message.contains(&n.to_string()), "{v:?}");
    }
    for (n, value) in [(0, "0"), (1, "1"), (600, "600"), (86_400, "86400")] {
        let p = valid(&PolicySpec { max_age: Some(n), ..base() });
        assert_eq!(p.max_age, Some(n as u32));
        assert_eq!(p.max_age_value().as_deref(), Some(value));
    }
    assert_eq!(valid(&base()).max_age_value(), None);
}

// ---------------------------------------------------------------------------------------------
// the policy as a whole

#[test]
fn every_independent_problem_is_reported() {
    let spec = PolicySpec {
        origins: Some(strings(&["http://example.com", "https://Example.org", OK, OK])),
        dev_origins: strings(&["https://example.net"]),
        methods: Some(strings(&["patch", "CONNECT", "GET"])),
        route_methods: Some(strings(&["GET", "PATCH"])),
        headers: strings(&["cookie", "x-a", "X-A"]),
        expose: strings(&["set-cookie", "content-type"]),
        credentials: false,
        max_age: Some(86_401),
        allow_insecure_origins: false,
        allow_public_suffix_wildcards: true,
    };
    let expected = [
        (Field::Item(Key::Origins, 0), Rule::InsecureOrigin),
        (Field::Item(Key::Origins, 1), Rule::UppercaseOrigin),
        (Field::Item(Key::Origins, 3), Rule::DuplicateOrigin),
        (Field::Key(Key::AllowPublicSuffixWildcards), Rule::UnneededEscapeHatch),
        (Field::Item(Key::DevOrigins, 0), Rule::DevOriginNotLoopback),
        (Field::Item(Key::Methods, 0), Rule::MethodCase),
        (Field::Item(Key::Methods, 1), Rule::ForbiddenMethod),
        (Field::Item(Key::Headers, 0), Rule::ForbiddenRequestHeader),
        (Field::Item(Key::Headers, 2), Rule::DuplicateHeader),
        (Field::Item(Key::Expose, 0), Rule::ForbiddenExpose),
        (Field::Item(Key::Expose, 1), Rule::SafelistedExpose),
        (Field::Key(Key::MaxAge), Rule::MaxAgeRange),
    ];
    assert_eq!(found(&spec), expected);
    let text = validate(&spec).unwrap_err().to_string();
    assert!(text.starts_with("invalid CORS policy (12 problems):"), "{text}");
}

#[test]
fn two_problems_in_one_entry_are_both_reported() {
    // `http` and a credentialed public-suffix wildcard are independent problems.
    let spec = PolicySpec { credentials: true, ..in_origins("http://*.github.io") };
    assert_eq!(
        found(&spec),
        [
            (Field::Item(Key::Origins, 1), Rule::InsecureOrigin),
            (Field::Item(Key::Origins, 1), Rule::PublicSuffixWildcard)
        ]
    );
}

#[test]
fn normalised_policy() {
    let spec = PolicySpec {
        origins: Some(strings(&[OK, "https://*.example.org", "https://api.example.net:8443"])),
        dev_origins: strings(&["http://localhost:*", "http://[::1]:3000"]),
        methods: Some(strings(&["put", "get"])),
        headers: strings(&["Content-Type", "X-Request-ID"]),
        expose: strings(&["X-Total-Count"]),
        credentials: true,
        max_age: Some(600),
        ..base()
    };
    let p = valid(&spec);
    assert!(!p.origins.any && !p.dev_origins.any);
    assert_eq!(p.origins.keys(), [OK, "https://*.example.org", "https://api.example.net:8443"]);
    assert!(p.origins.has_wildcards() && !p.origins.has_any_port());
    assert_eq!(p.dev_origins.keys(), ["http://localhost:*", "http://[::1]:3000"]);
    assert!(!p.dev_origins.has_wildcards() && p.dev_origins.has_any_port());
    assert_eq!(p.methods, ["PUT", "GET"]);
    assert_eq!(p.headers.names, ["content-type", "x-request-id"]);
    assert_eq!(p.expose_value().as_deref(), Some("x-total-count"));
    assert_eq!(p.max_age_value().as_deref(), Some("600"));
    assert!(p.credentials);
    // The table holds every key once, and nothing else.
    let mut slots: Vec<String> = p.origins.slots().into_iter().filter(|s| !s.is_empty()).collect();
    slots.sort();
    let mut keys = p.origins.keys();
    keys.sort();
    assert_eq!(slots, keys);
}

/// A "did you mean" suggestion that is itself rejected sends the user round in circles.
/// These entries each have one problem; following the fix must give a valid policy.

#[test]
fn suggestions_are_valid_origins() {
    let cases = [
        "https://example.com/",
        "https://Example.com",
        "example.com",
        "https://user@example.com",
        "https://example.com:443",
        "https://example.com:08443",
        "https://127.1",
        "https://[2001:db8:0:0:0:0:0:1]",
        "https://[::ffff:192.0.2.1]",
        "https://**.example.com",
        "https://bücher.example",
        // An `http` origin on port 443 becomes `https` on its default port, written without it.
        "http://example.com:443",
        "https://example.com:0443",
        "//app.example.com",
    ];
    let mut wrong = Vec::new();
    for entry in cases {
        let v = validate(&in_origins(entry)).unwrap_err();
        let fix = &v[0].fix;
        let Some(start) = fix.find("did you mean `") else {
            wrong.push(format!("{entry}: no suggestion in {fix:?}"));
            continue;
        };
        let rest = &fix[start + "did you mean `".len()..];
        let suggestion = &rest[..rest.find('`').unwrap()];
        if let Err(e) = validate(&in_origins(suggestion)) {
            wrong.push(format!("{entry} -> {suggestion}: {e}"));
        }
    }
    assert!(wrong.is_empty(), "suggestions that are themselves rejected:\n{}", wrong.join("\n"));
}
