//! A static open-addressing hash set of origin keys.
//!
//! The macro builds the slot array at compile time and the run-time builder at start-up, with
//! the same [`build`]; [`find`] then costs one hash of the request's origin and, typically,
//! one comparison, however many origins the policy lists. The table is fixed before any
//! request arrives, so an attacker who chooses the looked-up key cannot lengthen probe chains.

/// A word-at-a-time multiplicative hash: eight bytes per multiply, then a final mix. The keys
/// are fixed before any request arrives, so speed matters more than resistance to chosen keys.
#[inline]
pub fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (bytes.len() as u64) ^ 0x243f_6a88_85a3_08d3;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(K).rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(K);
    h ^ (h >> 29)
}

/// The set of lengths of a table's pattern keys (all keys are at most 383 bytes long), so that
/// a candidate key of another length is never built nor looked up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyLengths(pub [u64; 6]);

impl KeyLengths {
    /// The lengths of `keys`.
    pub fn of<S: AsRef<str>>(keys: impl IntoIterator<Item = S>) -> KeyLengths {
        let mut bits = [0u64; 6];
        for k in keys {
            let n = k.as_ref().len();
            if n < 384 {
                bits[n / 64] |= 1 << (n % 64);
            }
        }
        KeyLengths(bits)
    }

    /// Whether some key has length `n`.
    #[inline]
    pub fn contains(&self, n: usize) -> bool {
        n < 384 && self.0[n / 64] & (1 << (n % 64)) != 0
    }
}

/// Lays out `keys` (distinct, non-empty) in a power-of-two slot array at most half full.
/// Each slot holds the index of its key, or `None`.
pub fn build<S: AsRef<[u8]>>(keys: &[S]) -> Vec<Option<usize>> {
    if keys.is_empty() {
        return Vec::new();
    }
    let cap = (keys.len() * 2).next_power_of_two();
    let mask = cap - 1;
    let mut slots = vec![None; cap];
    for (idx, k) in keys.iter().enumerate() {
        let mut i = hash(k.as_ref()) as usize & mask;
        while slots[i].is_some() {
            i = (i + 1) & mask;
        }
        slots[i] = Some(idx);
    }
    slots
}

/// The slot holding `key` in a slot array made by [`build`], with empty slots as `""`.
#[inline]
pub fn find<S: AsRef<str>>(slots: &[S], key: &[u8]) -> Option<usize> {
    if slots.is_empty() {
        return None;
    }
    let mask = slots.len() - 1;
    let mut i = hash(key) as usize & mask;
    loop {
        let s = slots[i].as_ref().as_bytes();
        if s.is_empty() {
            return None;
        }
        if s == key {
            return Some(i);
        }
        i = (i + 1) & mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_lengths() {
        let l = KeyLengths::of(["https://*.example.com", "http://localhost:*"]);
        assert!(l.contains(21) && l.contains(18));
        assert!(!l.contains(20) && !l.contains(0) && !l.contains(1000));
    }

    #[test]
    fn finds_every_key_and_nothing_else() {
        for n in [0usize, 1, 2, 3, 10, 100, 1000] {
            let keys: Vec<String> = (0..n).map(|i| format!("https://o{i}.example.com")).collect();
            let slots: Vec<String> =
                build(&keys).into_iter().map(|slot| slot.map_or_else(String::new, |i| keys[i].clone())).collect();
            assert!(slots.len() >= 2 * n);
            for k in &keys {
                let i = find(&slots, k.as_bytes()).expect(k);
                assert_eq!(&slots[i], k);
            }
            assert_eq!(find(&slots, b"https://evil.example.com"), None);
            assert_eq!(find(&slots, b""), None);
        }
    }
}
