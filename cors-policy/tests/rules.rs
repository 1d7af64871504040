//! One test per rule of POLICY.md §2, through the public `validate()`.
//!
//! Each test asserts the exact `Rule` and the `Field` it points at, and checks both sides of
//! every boundary, so that removing or loosening a rule makes a test fail. Entries under test
//! sit at index 1 of their list (after a valid one), so that a wrong index is caught too.

use cors_policy::{
    AllowedOrigins, Compiled, CompiledOrigins, DevOrigins, Field, Key, OriginPattern, OriginTable, PolicySpec, Rule,
    ValidPolicy, Violation, Violations, compile, validate, validate_route_methods, validate_stored_origin,
};

/// A valid origin that every spec below starts with.
const OK: &str = "https://app.example";
/// A valid development origin that the `dev_origins` cases start with.
const DEV_OK: &str = "http://127.0.0.2:5173";

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// `items`, sorted: a hash table has no order of its own.
fn sorted(items: &[&str]) -> Vec<String> {
    let mut v = strings(items);
    v.sort();
    v
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
        Err(v) => {
            v.iter().for_each(well_formed);
            v.iter().map(|v| (v.field, v.rule)).collect()
        }
    }
}

#[track_caller]
fn valid(spec: &PolicySpec) -> ValidPolicy {
    validate(spec).unwrap_or_else(|v| panic!("{spec:?} was rejected: {v}"))
}

/// A message is lower case from its first word (an acronym such as `IPv6` is fine), has no
/// trailing period, and comes with a fix.
#[track_caller]
fn well_formed(v: &Violation) {
    let mut first = v.message.chars();
    let capitalised = first.next().is_some_and(char::is_uppercase) && first.next().is_some_and(char::is_lowercase);
    assert!(!v.message.is_empty() && !capitalised && !v.message.ends_with('.'), "{v:?}");
    assert!(!v.fix.is_empty(), "{v:?}");
}

/// Asserts that `spec` breaks exactly one rule, `rule` at `field`, and returns the violation.
#[track_caller]
fn only(spec: &PolicySpec, field: Field, rule: Rule) -> Violation {
    match validate(spec) {
        Ok(p) => panic!("{spec:?} was accepted as {p:?}"),
        Err(v) => only_in(v, field, rule, &format!("{spec:?}")),
    }
}

/// Asserts that `v` holds exactly one violation, `rule` at `field`, and returns it.
#[track_caller]
fn only_in(v: Violations, field: Field, rule: Rule, what: &str) -> Violation {
    assert_eq!(v.iter().map(|v| (v.field, v.rule)).collect::<Vec<_>>(), [(field, rule)], "{what}: {v}");
    let v = v.into_iter().next().unwrap();
    well_formed(&v);
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

/// The patterns of a policy that lists its origins (neither `"*"` nor a store).
#[track_caller]
fn listed(p: &ValidPolicy) -> &[OriginPattern] {
    match &p.origins {
        AllowedOrigins::List(list) => list,
        other => panic!("origins are {other:?}, not a list"),
    }
}

/// The lookup keys of `patterns`, in the user's order.
fn keys(patterns: &[OriginPattern]) -> Vec<String> {
    patterns.iter().map(OriginPattern::key).collect()
}

/// The keys of the lookup table built from `patterns`, sorted.
fn table_keys(patterns: &[OriginPattern]) -> Vec<String> {
    let mut k: Vec<String> = OriginTable::build(patterns).keys().map(str::to_owned).collect();
    k.sort();
    k
}

/// `policy` as a debug build serves it (with its `dev_origins`).
fn served(policy: &ValidPolicy) -> Compiled {
    compile(policy, DevOrigins::Serve)
}

/// The origin table a compiled policy serves.
#[track_caller]
fn table(c: &Compiled) -> &OriginTable {
    match &c.origins {
        CompiledOrigins::Table(t) => t,
        other => panic!("origins are served as {other:?}, not a table"),
    }
}

/// `entry` is accepted in `origins`, and kept byte for byte as its lookup key.
#[track_caller]
fn origin_ok(entry: &str) -> ValidPolicy {
    let p = valid(&in_origins(entry));
    assert_eq!(keys(listed(&p)), [OK, entry]);
    assert_eq!(table_keys(listed(&p)), sorted(&[OK, entry]));
    p
}

/// `entry` is accepted in `dev_origins`, and kept byte for byte as its lookup key.
#[track_caller]
fn dev_ok(entry: &str) -> ValidPolicy {
    let p = valid(&in_dev(entry));
    assert_eq!(keys(&p.dev_origins), [DEV_OK, entry]);
    assert_eq!(table_keys(&p.dev_origins), sorted(&[DEV_OK, entry]));
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
    // `"*"` is its own variant: there are no patterns, and no table is served.
    assert_eq!(p.origins, AllowedOrigins::Any);
    assert_eq!(served(&p).origins, CompiledOrigins::Any);
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
    // Any label: first, middle or last, behind a wildcard or not.
    for (ok, long) in [
        (format!("https://x.{}.example", "a".repeat(63)), format!("https://x.{}.example", "a".repeat(64))),
        (format!("https://x.example.{}", "a".repeat(63)), format!("https://x.example.{}", "a".repeat(64))),
        (format!("https://*.{}.example", "a".repeat(63)), format!("https://*.{}.example", "a".repeat(64))),
    ] {
        origin_ok(&ok);
        let v = origin_err(&long, Rule::LabelTooLong);
        assert!(v.message.contains("63"), "{v:?}");
    }
    // In `dev_origins` too.
    dev_ok(&format!("http://{}.local:5173", "a".repeat(63)));
    dev_err(&format!("http://{}.local:5173", "a".repeat(64)), Rule::LabelTooLong);
}

#[test]
fn host_too_long() {
    origin_ok(&format!("https://{}", host_of_len(253)));
    origin_ok(&format!("https://{}.", host_of_len(253)));
    let v = origin_err(&format!("https://{}", host_of_len(254)), Rule::HostTooLong);
    assert!(v.message.contains("253"), "{v:?}");
    origin_err(&format!("https://{}.", host_of_len(254)), Rule::HostTooLong);
    // In `dev_origins` too: a 253-byte `.local` name, and one byte more.
    dev_ok(&format!("http://{}.local", host_of_len(247)));
    dev_err(&format!("http://{}.local", host_of_len(248)), Rule::HostTooLong);
    // `*.` stands for at least one label and its dot, so the hosts that `*.base` admits are at
    // least two bytes longer than `base`: past 251 bytes it admits no DNS name at all.
    origin_ok(&format!("https://*.{}", host_of_len(251)));
    origin_err(&format!("https://*.{}", host_of_len(252)), Rule::HostTooLong);
    origin_err(&format!("https://*.{}", host_of_len(253)), Rule::HostTooLong);
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
    let w = &listed(&p)[1];
    assert!(w.subdomains);
    assert_eq!(w.host, "example.com");
    assert!(OriginTable::build(listed(&p)).wildcards);
    origin_ok("https://*.example.com:8443");
    origin_ok("https://*.app.example.com");
    assert!(!OriginTable::build(listed(&valid(&base()))).wildcards);
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
    assert!(OriginTable::build(&p.dev_origins).any_port);
    assert!(!OriginTable::build(listed(&p)).any_port);
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
        assert_eq!(keys(listed(&p)), [OK, s]);
    }
}

#[test]
fn forbidden_scheme() {
    // POLICY §2 (schemes): these schemes never appear in a browser's `Origin`.
    for scheme in ["ws", "wss", "ftp", "data", "blob", "about", "javascript"] {
        for s in
            [format!("{scheme}://app.example.com"), format!("{}://app.example.com:8443", scheme.to_ascii_uppercase())]
        {
            let v = origin_err(&s, Rule::ForbiddenScheme);
            assert!(v.message.contains(&format!("`{scheme}:`")), "{v:?}");
            dev_err(&s, Rule::ForbiddenScheme);
        }
    }
    // The forms these schemes take in the wild are rejected for their scheme, not their shape.
    for s in ["ws://localhost:3000", "data:text/html,hello", "blob:https://app.example.com/0b3c", "about:blank"] {
        origin_err(s, Rule::ForbiddenScheme);
        dev_err(s, Rule::ForbiddenScheme);
    }
    // `file` keeps its own rule (see `file_scheme`); custom schemes that only begin with a
    // forbidden name are ordinary custom schemes.
    origin_err("file://app.example.com", Rule::FileScheme);
    for s in
        ["wsx://app.example.com", "data-app://app.example.com", "about.x://app.example.com", "ftps://app.example.com"]
    {
        origin_ok(s);
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
        // POLICY §2 (loopback hosts in `origins`): over `https` too, which used to be accepted.
        "https://localhost",
        "https://localhost:8443",
        "https://*.localhost",
        "https://app.localhost:5173",
        "https://127.0.0.0",
        "https://127.0.0.1:3000",
        "https://127.255.255.255",
        "https://[::1]",
    ] {
        let v = origin_err(s, Rule::LoopbackInOrigins);
        assert!(v.fix.contains(&format!("dev_origins = [\"{s}\"]")), "{v:?}");
        assert!(v.fix.contains("dangerously_allow_loopback_origins"), "{v:?}");
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
    // Look-alikes are not loopback hosts: over `http` they are insecure origins, over `https`
    // ordinary ones. (POLICY §2 changed the `https` side: `https://localhost:8443` was accepted
    // here before, and is rejected above.)
    for host in ["localhost.example.com", "alocalhost", "localhostx", "126.255.255.255", "128.0.0.0", "[::2]"] {
        origin_err(&format!("http://{host}"), Rule::InsecureOrigin);
        origin_ok(&format!("https://{host}"));
    }
    // Only `http` and `https` are web origins: a desktop app's custom scheme is not loopback.
    origin_ok("tauri://localhost");
    // Private-network addresses are not loopback: only `dev_origins` treats them specially.
    origin_ok("https://192.168.1.20");
}

#[test]
fn loopback_hatch() {
    let hatch = |s: PolicySpec| PolicySpec { allow_loopback_origins: true, ..s };
    // Needed: each loopback origin is accepted with it, and it covers their `http` too, so the
    // insecure-origin hatch is then unneeded.
    for s in [
        "http://tauri.localhost",
        "http://localhost:3000",
        "https://localhost:8443",
        "https://*.localhost",
        "http://127.0.0.1:8080",
        "http://[::1]",
    ] {
        let p = valid(&hatch(in_origins(s)));
        assert_eq!(keys(listed(&p)), [OK, s]);
        let both = PolicySpec { allow_insecure_origins: true, ..hatch(in_origins(s)) };
        only(&both, Field::Key(Key::AllowInsecureOrigins), Rule::UnneededEscapeHatch);
    }
    // Not needed: no entry of `origins` has a loopback host over `http(s)`.
    only(&hatch(base()), Field::Key(Key::AllowLoopbackOrigins), Rule::UnneededEscapeHatch);
    for s in ["tauri://localhost", "https://localhost.example.com", "https://128.0.0.1", "https://192.168.1.20"] {
        let v = only(&hatch(in_origins(s)), Field::Key(Key::AllowLoopbackOrigins), Rule::UnneededEscapeHatch);
        assert!(v.message.contains("dangerously_allow_loopback_origins"), "{v:?}");
    }
    // Loopback `dev_origins` never need it.
    only(&hatch(with_dev(&["http://localhost:*"])), Field::Key(Key::AllowLoopbackOrigins), Rule::UnneededEscapeHatch);
    // It does not stand in for the insecure-origin hatch on other hosts.
    assert_eq!(
        found(&hatch(in_origins("http://intranet.example.com"))),
        [
            (Field::Item(Key::Origins, 1), Rule::InsecureOrigin),
            (Field::Key(Key::AllowLoopbackOrigins), Rule::UnneededEscapeHatch)
        ]
    );
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
fn dev_origins_accept_the_local_network() {
    // POLICY §2 (`dev_origins`): private-network addresses and `.local` names, over `http(s)`,
    // with or without a port, so that a phone on the developer's network reaches a debug build.
    for s in [
        "http://10.0.0.0",
        "http://10.0.0.1:*",
        "https://10.255.255.255:8443",
        "http://172.16.0.0",
        "http://172.16.0.1:5173",
        "http://172.31.255.255",
        "http://192.168.0.0",
        "http://192.168.1.20:5173",
        "https://192.168.255.255:*",
        "http://169.254.0.0",
        "http://169.254.255.255:3000",
        "http://[fc00::]",
        "http://[fd00::5]:3000",
        "http://[fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]:*",
        "http://[fe80::]",
        "http://[fe80::1]:8080",
        "https://[febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff]",
        "http://my-laptop.local:5173",
        "https://printer.office.local",
        "http://my-laptop.local.",
        "http://*.local:*",
        "https://*.office.local",
    ] {
        dev_ok(s);
    }
}

#[test]
fn dev_origin_not_local() {
    for s in [
        "https://app.example.com:8443",
        "http://example.com",
        "http://localhost.example.com",
        "http://alocalhost",
        "http://localhostx:3000",
        "http://128.0.0.1",
        "http://126.255.255.255",
        "http://0.0.0.0",
        "http://[::2]",
        "http://[::]:3000",
        "https://*.example.com:*",
        "tauri://localhost",
        // Just outside the private and link-local ranges.
        "http://9.255.255.255",
        "http://11.0.0.0",
        "http://172.15.255.255",
        "http://172.32.0.0:5173",
        "http://192.167.255.255",
        "http://192.169.0.0",
        "http://169.253.255.255",
        "http://169.255.0.0",
        "http://100.64.0.1",
        "http://8.8.8.8:3000",
        "http://[fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]",
        "http://[fe00::1]",
        "http://[fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff]",
        "http://[fec0::1]",
        "http://[2001:db8::1]:3000",
        // Names that only look like `.local` ones, and a custom scheme on a private address.
        "http://local.example",
        "http://my-laptop.localx",
        "http://mylocal",
        "http://local",
        "http://local:5173",
        "tauri://192.168.1.20",
    ] {
        let v = dev_err(s, Rule::DevOriginNotLocal);
        assert!(v.fix.contains("http://localhost:*"), "{v:?}");
    }
    // POLICY §2: `http://10.0.0.1:*` was rejected here before; a private address is now a
    // development origin (see `dev_origins_accept_the_local_network`). `ws://localhost:3000`
    // was rejected here too; it is now a forbidden scheme in either list (see `forbidden_scheme`).
    dev_ok("http://10.0.0.1:*");
    dev_err("ws://localhost:3000", Rule::ForbiddenScheme);
    // A zone id is never part of an origin, in `dev_origins` either.
    dev_err("http://[fe80::1%eth0]:3000", Rule::Ipv6ZoneId);
}

#[test]
fn dev_origins_with_any_origin() {
    let spec = PolicySpec { dev_origins: strings(&["http://localhost:*"]), ..with_origins(&["*"]) };
    let v = only(&spec, Field::Key(Key::DevOrigins), Rule::DevOriginsWithAnyOrigin);
    assert!(v.message.contains("\"*\""), "{v:?}");
    // Reported once, on the key, whatever the entries are.
    let spec = PolicySpec { dev_origins: strings(&["http://localhost:*", "https://example.com", "*"]), ..spec };
    only(&spec, Field::Key(Key::DevOrigins), Rule::DevOriginsWithAnyOrigin);
    // Either alone is fine.
    valid(&with_origins(&["*"]));
    valid(&with_dev(&["http://localhost:*"]));
}

/// `entry`, with `credentials`, is a wildcard over sites anyone can register.
#[track_caller]
fn assert_public_suffix_wildcard(s: &str) {
    let creds = PolicySpec { credentials: true, ..in_origins(s) };
    let v = only(&creds, Field::Item(Key::Origins, 1), Rule::PublicSuffixWildcard);
    assert!(v.fix.contains("dangerously_allow_public_suffix_wildcards"), "{v:?}");
    // Needed, so accepted with the hatch.
    let p = valid(&PolicySpec { allow_public_suffix_wildcards: true, ..creds });
    assert_eq!(keys(listed(&p)), [OK, s]);
    // Without credentials nothing is at stake: accepted, and the hatch is unneeded.
    valid(&in_origins(s));
    let hatch = PolicySpec { allow_public_suffix_wildcards: true, ..in_origins(s) };
    only(&hatch, Field::Key(Key::AllowPublicSuffixWildcards), Rule::UnneededEscapeHatch);
}

#[test]
fn public_suffix_wildcard() {
    for s in ["https://*.github.io", "https://*.com", "https://*.co.uk"] {
        assert_public_suffix_wildcard(s);
    }
    // A site under a public suffix is someone's own domain.
    for s in ["https://*.myapp.github.io", "https://*.example.com", "https://*.example.co.uk"] {
        valid(&PolicySpec { credentials: true, ..in_origins(s) });
    }
}

#[test]
fn public_suffix_below_the_base_or_unlisted_tld() {
    // POLICY §2 (public suffixes): a public suffix anywhere below the base (`s3.amazonaws.com`,
    // `blob.core.windows.net`, `global.ssl.fastly.net`), or a top-level domain that the list
    // does not name.
    for s in [
        "https://*.amazonaws.com",
        "https://*.core.windows.net",
        "https://*.fastly.net",
        "https://*.internal",
        "https://*.zzz",
    ] {
        assert_public_suffix_wildcard(s);
    }
    // Controls: one's own domain, and a registrable name under an unlisted top-level domain.
    for s in ["https://*.example.com", "https://*.api.example.com", "https://*.corp.internal", "https://*.app.zzz"] {
        let p = valid(&PolicySpec { credentials: true, ..in_origins(s) });
        assert_eq!(keys(listed(&p)), [OK, s]);
    }
    // Exact hosts are never wildcards, whatever they are.
    for s in ["https://amazonaws.com", "https://s3.amazonaws.com", "https://internal"] {
        valid(&PolicySpec { credentials: true, ..in_origins(s) });
    }
}

#[test]
fn public_suffix_rule_is_for_origins_only() {
    // POLICY §2: `dev_origins` never ship, so `*.local` and `*.localhost` there need no flag...
    let creds = |s: PolicySpec| PolicySpec { credentials: true, ..s };
    for s in ["http://*.local:*", "http://*.localhost:*", "https://*.localhost"] {
        dev_ok(s);
        valid(&creds(in_dev(s)));
        let hatch = PolicySpec { allow_public_suffix_wildcards: true, ..creds(in_dev(s)) };
        only(&hatch, Field::Key(Key::AllowPublicSuffixWildcards), Rule::UnneededEscapeHatch);
    }
    // ...while in `origins`, `*.localhost` (not on the list) needs it beside the loopback hatch.
    let spec = PolicySpec { allow_loopback_origins: true, ..creds(in_origins("https://*.localhost")) };
    only(&spec, Field::Item(Key::Origins, 1), Rule::PublicSuffixWildcard);
    valid(&PolicySpec { allow_public_suffix_wildcards: true, ..spec });
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
    // Across the lists: a dev origin that `origins` already serves. (A loopback origin in
    // `origins` now needs its hatch, POLICY §2; the hatch is needed, so only the duplicate is
    // reported.)
    let spec = PolicySpec {
        dev_origins: strings(&["https://localhost:8443"]),
        allow_loopback_origins: true,
        ..in_origins("https://localhost:8443")
    };
    only(&spec, Field::Item(Key::DevOrigins, 0), Rule::DuplicateOrigin);
    // The same with a private-network address, which needs no hatch in either list.
    let spec = PolicySpec { dev_origins: strings(&["https://192.168.1.20"]), ..in_origins("https://192.168.1.20") };
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
    // Across the lists: a dev origin covered by a wildcard of `origins` (which, being a
    // loopback wildcard, now needs its hatch there: POLICY §2).
    let spec = PolicySpec {
        dev_origins: strings(&["https://app.localhost"]),
        allow_loopback_origins: true,
        ..in_origins("https://*.localhost")
    };
    only(&spec, Field::Item(Key::DevOrigins, 0), Rule::RedundantOrigin);
    let spec = PolicySpec { dev_origins: strings(&["https://printer.local"]), ..in_origins("https://*.local") };
    only(&spec, Field::Item(Key::DevOrigins, 0), Rule::RedundantOrigin);
    // Not covered: the apex, another port, another scheme, a look-alike suffix. (The other
    // scheme was `wss`, which POLICY §2 now rejects outright; a custom scheme takes its place.)
    for other in
        ["https://example.com", "https://api.example.com:8443", "web+app://api.example.com", "https://evil-example.com"]
    {
        valid(&with_origins(&["https://*.example.com", other]));
    }
    let insecure = PolicySpec {
        allow_insecure_origins: true,
        ..with_origins(&["https://*.example.com", "http://api.example.com"])
    };
    valid(&insecure);
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
    // The same for the loopback hatch.
    for (s, rule) in [
        ("http://Tauri.localhost", Rule::UppercaseOrigin),
        ("https://localhost:8443/", Rule::Path),
        ("http://127.0.0.1:08080", Rule::PortLeadingZero),
        ("http://[::1]/", Rule::Path),
    ] {
        only(&PolicySpec { allow_loopback_origins: true, ..in_origins(s) }, Field::Item(Key::Origins, 1), rule);
    }
}

#[test]
fn cross_origin_writes_hatch() {
    // POLICY §4: listed origins refuse cross-origin writes from other origins by default.
    let p = valid(&base());
    assert!(p.write_check && served(&p).write_check);
    let hatch = |s: PolicySpec| PolicySpec { accept_cross_origin_writes: true, ..s };
    let p = valid(&hatch(base()));
    assert!(!p.write_check && !served(&p).write_check);
    // `"*"` has nothing to check: no write check, and the hatch is an error.
    let p = valid(&with_origins(&["*"]));
    assert!(!p.write_check && !served(&p).write_check);
    let v = only(&hatch(with_origins(&["*"])), Field::Key(Key::AcceptCrossOriginWrites), Rule::UnneededEscapeHatch);
    assert!(v.message.contains("dangerously_accept_cross_origin_writes"), "{v:?}");
    // Beside a store, the check applies to the store's entries, and the hatch turns it off.
    assert!(valid(&store("tenants")).write_check);
    assert!(!valid(&hatch(store("tenants"))).write_check);
}

// ---------------------------------------------------------------------------------------------
// origins from a store

/// A policy whose origins come from the store `name`.
fn store(name: &str) -> PolicySpec {
    PolicySpec { origins: None, origins_from_store: Some(name.into()), ..base() }
}

#[test]
fn origins_from_store() {
    let p = valid(&store("tenants"));
    assert_eq!(p.origins, AllowedOrigins::Store("tenants".into()));
    assert_eq!(p.methods, Some(strings(&["GET", "PUT"])));
    // `dev_origins` are served beside the store's entries in debug builds only.
    let spec = PolicySpec { dev_origins: strings(&["http://localhost:*"]), credentials: true, ..store("tenants") };
    let p = valid(&spec);
    assert_eq!(keys(&p.dev_origins), ["http://localhost:*"]);
    let CompiledOrigins::Store { name, dev } = compile(&p, DevOrigins::Serve).origins else { panic!("not a store") };
    assert_eq!(name, "tenants");
    assert_eq!(dev.keys().collect::<Vec<_>>(), ["http://localhost:*"]);
    assert!(dev.any_port);
    let CompiledOrigins::Store { name, dev } = compile(&p, DevOrigins::Leave).origins else { panic!("not a store") };
    assert_eq!(name, "tenants");
    assert_eq!(dev.keys().count(), 0);
    // Neither `origins` nor a store: `origins` is required, as before.
    only(&PolicySpec { origins: None, ..base() }, Field::Policy, Rule::OriginsRequired);
}

#[test]
fn origins_and_store() {
    let both = |s: PolicySpec| PolicySpec { origins_from_store: Some("tenants".into()), ..s };
    let v = only(&both(base()), Field::Key(Key::OriginsFromStore), Rule::OriginsAndStore);
    assert!(v.message.contains("origins_from_store") && v.message.contains("origins"), "{v:?}");
    only(&both(with_origins(&["*"])), Field::Key(Key::OriginsFromStore), Rule::OriginsAndStore);
    // The entries are still checked: their problems are independent of this one.
    assert_eq!(
        found(&both(with_origins(&[]))),
        [(Field::Key(Key::OriginsFromStore), Rule::OriginsAndStore), (Field::Key(Key::Origins), Rule::OriginsRequired)]
    );
    assert_eq!(
        found(&both(in_origins("https://app.example/"))),
        [(Field::Key(Key::OriginsFromStore), Rule::OriginsAndStore), (Field::Item(Key::Origins, 1), Rule::Path)]
    );
}

#[test]
fn invalid_store_name() {
    let long = "a".repeat(65);
    for name in ["", "Tenants", "ten ants", "tenants!", "tenants.db", "../tenants", "ténants", "tenants\n", &long] {
        let v = only(&store(name), Field::Key(Key::OriginsFromStore), Rule::InvalidStoreName);
        assert!(v.message.contains(&format!("`{name}`")), "{v:?}");
    }
    let longest = "a".repeat(64);
    for name in ["t", "0", "tenants", "tenant-origins_2", "-", "_", &longest] {
        assert_eq!(valid(&store(name)).origins, AllowedOrigins::Store(name.into()));
    }
}

#[test]
fn hatches_beside_a_store() {
    // A store's entries are checked one by one without escape hatches: none can be needed.
    type Hatch = fn(PolicySpec) -> PolicySpec;
    let cases: [(Key, Hatch); 3] = [
        (Key::AllowInsecureOrigins, |s| PolicySpec { allow_insecure_origins: true, ..s }),
        (Key::AllowPublicSuffixWildcards, |s| PolicySpec { allow_public_suffix_wildcards: true, ..s }),
        (Key::AllowLoopbackOrigins, |s| PolicySpec { allow_loopback_origins: true, ..s }),
    ];
    for (key, hatch) in cases {
        only(&hatch(store("tenants")), Field::Key(key), Rule::UnneededEscapeHatch);
        only(&hatch(PolicySpec { credentials: true, ..store("tenants") }), Field::Key(key), Rule::UnneededEscapeHatch);
    }
    // The writes hatch is about the route, not the entries: it stands beside a store.
    valid(&PolicySpec { accept_cross_origin_writes: true, ..store("tenants") });
}

#[test]
fn stored_origin() {
    for (entry, credentials) in [
        ("https://app.acme.example", true),
        ("https://acme.example:8443", true),
        ("https://*.acme.example", true),
        ("https://*.github.io", false),
        ("tauri://localhost", true),
        ("https://192.168.1.20", false),
    ] {
        let p = validate_stored_origin(entry, credentials).unwrap_or_else(|v| panic!("{entry} was rejected: {v}"));
        assert_eq!(p.key(), entry);
    }
}

#[test]
fn stored_origin_errors() {
    // The rules of `origins`, with the policy's `credentials` and no escape hatch.
    let at = Field::Item(Key::Origins, 0);
    for (entry, credentials, rule) in [
        ("http://app.acme.example", false, Rule::InsecureOrigin),
        ("https://localhost:3000", false, Rule::LoopbackInOrigins),
        ("http://127.0.0.1:8080", false, Rule::LoopbackInOrigins),
        ("https://*.github.io", true, Rule::PublicSuffixWildcard),
        ("https://*.amazonaws.com", true, Rule::PublicSuffixWildcard),
        ("https://*.internal", true, Rule::PublicSuffixWildcard),
        ("*", false, Rule::AnyOriginNotAlone),
        ("null", false, Rule::NullOrigin),
        ("", false, Rule::MissingScheme),
        ("app.acme.example", false, Rule::MissingScheme),
        ("https://app.acme.example/", false, Rule::Path),
        ("https://App.acme.example", false, Rule::UppercaseOrigin),
        ("https://app.acme.example:443", false, Rule::DefaultPort),
        ("https://app.acme.example:*", false, Rule::AnyPortOutsideDev),
        ("wss://app.acme.example", false, Rule::ForbiddenScheme),
        ("file:///srv/app", false, Rule::FileScheme),
    ] {
        let what = format!("stored {entry:?} with credentials = {credentials}");
        let v = validate_stored_origin(entry, credentials).expect_err(&what);
        // Whoever writes the store gets no escape hatch, so none is suggested.
        assert!(v.iter().all(|v| !v.fix.contains("dangerously")), "{what}: {v}");
        only_in(v, at, rule, &what);
    }
    let v = validate_stored_origin("http://app.acme.example", false).unwrap_err();
    assert!(v.first().fix.contains("`https://app.acme.example`"), "{v}");
    // `"*"` with credentials breaks two rules.
    let v = validate_stored_origin("*", true).unwrap_err();
    assert_eq!(
        v.iter().map(|v| (v.field, v.rule)).collect::<Vec<_>>(),
        [(at, Rule::AnyOriginWithCredentials), (at, Rule::AnyOriginNotAlone)]
    );
    v.iter().for_each(well_formed);
}

#[test]
fn new_keys() {
    use cors_policy::KeyKind;
    for (name, key, kind) in [
        ("origins_from_store", Key::OriginsFromStore, KeyKind::Value),
        ("dangerously_allow_loopback_origins", Key::AllowLoopbackOrigins, KeyKind::Flag),
        ("dangerously_accept_cross_origin_writes", Key::AcceptCrossOriginWrites, KeyKind::Flag),
    ] {
        assert_eq!(Key::from_name(name), Some(key));
        assert_eq!((key.name(), key.kind()), (name, kind));
        assert!(Key::ALL.contains(&key));
    }
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
    assert_eq!(
        valid(&spec).methods,
        Some(strings(&["GET", "PUT", "POST", "DELETE", "HEAD", "OPTIONS", "PATCH", "PURGE"]))
    );
    assert_eq!(valid(&methods(&["get"])).methods, Some(strings(&["GET"])));
}

#[test]
fn methods_omitted_take_the_routes() {
    let p = valid(&base());
    assert_eq!(p.methods, Some(strings(&["GET", "PUT"])));
    let spec = PolicySpec { route_methods: Some(strings(&["GET", "TRACE", "PATCH", "CONNECT"])), ..base() };
    assert_eq!(valid(&spec).methods, Some(strings(&["GET", "PATCH"])));
}

#[test]
fn methods_required() {
    // POLICY §5 (shared policies): a shared or run-time policy that lists no methods is valid,
    // and answers the preflights of `GET`, `HEAD` and `POST`. This was `MethodsRequired` before.
    let spec = PolicySpec { route_methods: None, methods: None, ..base() };
    let p = valid(&spec);
    assert_eq!(p.methods, None);
    assert_eq!(served(&p).methods, None);
    // An empty list is still an error, with or without a route.
    only(&methods(&[]), Field::Key(Key::Methods), Rule::MethodsRequired);
    only(&runtime_methods(&[]), Field::Key(Key::Methods), Rule::MethodsRequired);
    assert_eq!(valid(&runtime_methods(&["DELETE"])).methods, Some(strings(&["DELETE"])));
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
    assert_eq!(valid(&runtime_methods(&["PATCH", "PURGE"])).methods, Some(strings(&["PATCH", "PURGE"])));
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
    assert_eq!(valid(&methods(&["put"])).methods, Some(strings(&["PUT"])));
    // A run-time policy has no route to compare with.
    valid(&runtime_methods(&["DELETE"]));
}

/// `validate_route_methods(listed, route)`, for the `methods` beside a shared policy's name.
fn route_methods(listed: Option<&[&str]>, route: &[&str]) -> Result<Vec<String>, Violations> {
    validate_route_methods(listed.map(strings).as_deref(), &strings(route))
}

#[test]
fn route_methods_beside_a_shared_policy() {
    let route = ["PUT", "PATCH"];
    // None listed: the route's own methods.
    assert_eq!(route_methods(None, &route).unwrap(), ["PUT", "PATCH"]);
    // Narrowed, and normalised before the comparison.
    assert_eq!(route_methods(Some(&["put"]), &route).unwrap(), ["PUT"]);
    assert_eq!(route_methods(Some(&["PATCH", "PUT"]), &route).unwrap(), ["PATCH", "PUT"]);
    assert_eq!(route_methods(Some(&["PURGE"]), &["GET", "PURGE"]).unwrap(), ["PURGE"]);
    // Methods that browsers never send cross-origin are left out of the route's own.
    assert_eq!(route_methods(None, &["GET", "TRACE", "CONNECT"]).unwrap(), ["GET"]);
}

#[test]
fn route_methods_errors() {
    let route = ["PUT", "PATCH"];
    /// `(listed, route)`: the methods beside the policy's name, and the route's own.
    type Methods<'a> = (Option<&'a [&'a str]>, &'a [&'a str]);
    let cases: [(Methods, Field, Rule); 10] = [
        ((Some(&["DELETE"]), &route), Field::Item(Key::Methods, 0), Rule::MethodNotServed),
        ((Some(&["PUT", "GET"]), &route), Field::Item(Key::Methods, 1), Rule::MethodNotServed),
        ((Some(&[]), &route), Field::Key(Key::Methods), Rule::MethodsRequired),
        ((Some(&["*"]), &route), Field::Item(Key::Methods, 0), Rule::MethodStar),
        ((Some(&["PUT", "put"]), &route), Field::Item(Key::Methods, 1), Rule::DuplicateMethod),
        ((Some(&["patch"]), &route), Field::Item(Key::Methods, 0), Rule::MethodCase),
        ((Some(&["PUT POST"]), &route), Field::Item(Key::Methods, 0), Rule::InvalidMethod),
        ((Some(&["TRACE"]), &["PUT", "TRACE"]), Field::Item(Key::Methods, 0), Rule::ForbiddenMethod),
        ((None, &["TRACE"]), Field::Policy, Rule::NoCorsMethods),
        ((None, &["CONNECT", "TRACK"]), Field::Policy, Rule::NoCorsMethods),
    ];
    for ((listed, route), field, rule) in cases {
        let what = format!("{listed:?} on a route serving {route:?}");
        let v = only_in(route_methods(listed, route).expect_err(&what), field, rule, &what);
        if rule == Rule::MethodNotServed {
            assert!(v.message.contains("`PUT`") && v.message.contains("`PATCH`"), "{v:?}");
        }
    }
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
    assert_eq!(served(&p).expose.as_deref(), Some("*"));
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
    assert_eq!(served(&p).expose.as_deref(), Some("x-total-count,etag,x-request-id"));
    assert_eq!(served(&valid(&expose(&["x-a", "*"]))).expose.as_deref(), Some("*,x-a"));
    assert_eq!(served(&valid(&base())).expose, None);
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
        assert_eq!(served(&p).max_age.as_deref(), Some(value));
    }
    assert_eq!(served(&valid(&base())).max_age, None);
}

// ---------------------------------------------------------------------------------------------
// the policy as a whole

#[test]
fn every_independent_problem_is_reported() {
    let spec = PolicySpec {
        origins: Some(strings(&["http://example.com", "https://Example.org", OK, OK])),
        origins_from_store: None,
        dev_origins: strings(&["https://example.net"]),
        methods: Some(strings(&["patch", "CONNECT", "GET"])),
        route_methods: Some(strings(&["GET", "PATCH"])),
        headers: strings(&["cookie", "x-a", "X-A"]),
        expose: strings(&["set-cookie", "content-type"]),
        credentials: false,
        max_age: Some(86_401),
        allow_insecure_origins: false,
        allow_public_suffix_wildcards: true,
        allow_loopback_origins: false,
        accept_cross_origin_writes: false,
    };
    let expected = [
        (Field::Item(Key::Origins, 0), Rule::InsecureOrigin),
        (Field::Item(Key::Origins, 1), Rule::UppercaseOrigin),
        (Field::Item(Key::Origins, 3), Rule::DuplicateOrigin),
        (Field::Key(Key::AllowPublicSuffixWildcards), Rule::UnneededEscapeHatch),
        (Field::Item(Key::DevOrigins, 0), Rule::DevOriginNotLocal),
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
fn every_independent_problem_of_the_new_rules_is_reported() {
    let spec = PolicySpec {
        origins: Some(strings(&[
            OK,
            "https://localhost:5173",
            "wss://app.example.com",
            "https://*.amazonaws.com",
            &format!("https://{}.example", "a".repeat(64)),
        ])),
        dev_origins: strings(&["http://192.168.1.20:*", "http://8.8.8.8:3000"]),
        credentials: true,
        allow_insecure_origins: true,
        ..base()
    };
    assert_eq!(
        found(&spec),
        [
            (Field::Item(Key::Origins, 1), Rule::LoopbackInOrigins),
            (Field::Item(Key::Origins, 2), Rule::ForbiddenScheme),
            (Field::Item(Key::Origins, 3), Rule::PublicSuffixWildcard),
            (Field::Item(Key::Origins, 4), Rule::LabelTooLong),
            (Field::Key(Key::AllowInsecureOrigins), Rule::UnneededEscapeHatch),
            (Field::Item(Key::DevOrigins, 1), Rule::DevOriginNotLocal),
        ]
    );
    // With a store in place of the list: the store rules, the hatches, and `dev_origins`.
    let spec = PolicySpec {
        origins: None,
        origins_from_store: Some("Tenants".into()),
        dev_origins: strings(&["http://8.8.8.8:3000"]),
        allow_loopback_origins: true,
        ..base()
    };
    assert_eq!(
        found(&spec),
        [
            (Field::Key(Key::OriginsFromStore), Rule::InvalidStoreName),
            (Field::Key(Key::AllowLoopbackOrigins), Rule::UnneededEscapeHatch),
            (Field::Item(Key::DevOrigins, 0), Rule::DevOriginNotLocal),
        ]
    );
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
    // Neither list is `"*"` (`listed` panics otherwise; `dev_origins` can no longer be one).
    let origins = listed(&p);
    assert_eq!(keys(origins), [OK, "https://*.example.org", "https://api.example.net:8443"]);
    let built = OriginTable::build(origins);
    assert!(built.wildcards && !built.any_port);
    assert_eq!(keys(&p.dev_origins), ["http://localhost:*", "http://[::1]:3000"]);
    let dev = OriginTable::build(&p.dev_origins);
    assert!(!dev.wildcards && dev.any_port);
    assert_eq!(p.methods, Some(strings(&["PUT", "GET"])));
    assert_eq!(p.headers.names, ["content-type", "x-request-id"]);
    let c = served(&p);
    assert_eq!(c.expose.as_deref(), Some("x-total-count"));
    assert_eq!(c.max_age.as_deref(), Some("600"));
    assert!(p.credentials && c.credentials);
    assert!(p.write_check && c.write_check);
    // The table holds every key once, and nothing else.
    let mut slots: Vec<&str> = built.slots.iter().flatten().map(|s| s.key.as_str()).collect();
    slots.sort();
    assert_eq!(slots, table_keys(origins));
    assert_eq!(table_keys(origins), sorted(&[OK, "https://*.example.org", "https://api.example.net:8443"]));
    // Served by a debug build: `origins` and `dev_origins` in one table, only exact origins
    // marked as echoable; a release build leaves `dev_origins` out.
    let debug = table(&c);
    let mut all: Vec<(&str, bool)> = debug.slots.iter().flatten().map(|s| (s.key.as_str(), s.exact)).collect();
    all.sort();
    assert_eq!(
        all,
        [
            ("http://[::1]:3000", true),
            ("http://localhost:*", false),
            ("https://*.example.org", false),
            ("https://api.example.net:8443", true),
            (OK, true)
        ]
    );
    assert!(debug.wildcards && debug.any_port);
    let release = compile(&p, DevOrigins::Leave);
    let mut release_keys: Vec<&str> = table(&release).keys().collect();
    release_keys.sort();
    assert_eq!(release_keys, table_keys(origins));
    assert!(!table(&release).any_port);
}

/// A "did you mean" suggestion that is itself rejected sends the user round in circles.
/// These entries each have one problem; following the fix must give a valid policy.

#[test]
fn suggestions_are_valid_origins() {
    let origins = [
        "https://example.com/",
        "https://Example.com",
        "example.com",
        "https://user@example.com",
        "https://example.com:443",
        "https://example.com:08443",
        // `https://127.1` stood here; its fix, `https://127.0.0.1`, is right as an address but is
        // now a loopback origin, which POLICY §2 keeps out of `origins` (it is checked in
        // `dev_origins` below). A public address takes its place.
        "https://192.0.2",
        "https://[2001:db8:0:0:0:0:0:1]",
        "https://[::ffff:192.0.2.1]",
        "https://**.example.com",
        "https://bücher.example",
        // An `http` origin on port 443 becomes `https` on its default port, written without it.
        "http://example.com:443",
        "https://example.com:0443",
        "//app.example.com",
    ];
    let dev = [
        "http://127.1:8080",
        "http://LOCALHOST:3000",
        "http://localhost:3000/",
        "http://localhost:03000",
        "http://[0:0:0:0:0:0:0:1]:3000",
        "http://[::ffff:7f00:1]:3000",
        "http://192.168.001.20:5173",
    ];
    let cases = origins
        .iter()
        .map(|e| (in_origins as fn(&str) -> PolicySpec, *e))
        .chain(dev.iter().map(|e| (in_dev as fn(&str) -> PolicySpec, *e)));
    let mut wrong = Vec::new();
    for (spec, entry) in cases {
        let v = validate(&spec(entry)).unwrap_err();
        let fix = &v[0].fix;
        let Some(start) = fix.find("did you mean `") else {
            wrong.push(format!("{entry}: no suggestion in {fix:?}"));
            continue;
        };
        let rest = &fix[start + "did you mean `".len()..];
        let suggestion = &rest[..rest.find('`').unwrap()];
        if let Err(e) = validate(&spec(suggestion)) {
            wrong.push(format!("{entry} -> {suggestion}: {e}"));
        }
    }
    assert!(wrong.is_empty(), "suggestions that are themselves rejected:\n{}", wrong.join("\n"));
}
