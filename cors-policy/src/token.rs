//! RFC 9110 token syntax, shared by method and header-name checks.

/// `tchar` (RFC 9110 §5.6.2) as a table: one load per byte in the hot loops.
const TCHAR: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b as u8,
            b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'.' | b'^' | b'_' | b'`'
            | b'|' | b'~' | b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z');
        b += 1;
    }
    t
};

/// Whether `b` is a `tchar` (RFC 9110 §5.6.2).
#[inline]
pub const fn is_tchar(b: u8) -> bool {
    TCHAR[b as usize]
}

/// Whether `s` is a non-empty token.
pub fn is_token(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(|&b| is_tchar(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        assert!(is_token(b"x-request-id"));
        assert!(is_token(b"PURGE"));
        assert!(!is_token(b""));
        assert!(!is_token(b"GET POST"));
        assert!(!is_token(b"a;b"));
        assert!(!is_token("é".as_bytes()));
    }
}
