//! A static open-addressing hash set of origin keys.
//!
//! The macro builds the slot array at compile time and the run-time builder at start-up, with
//! the same [`build`]; [`find`] then costs one hash of the request's origin and, typically,
//! one comparison, however many origins the policy lists. The table is fixed before any
//! request arrives, so an attacker who chooses the looked-up key cannot lengthen probe chains.

/// FNV-1a, 64-bit: tiny, `const`, and good enough for a table whose keys are fixed in advance.
#[inline]
pub const fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
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

/// [`build`], with each slot holding its key, or `""` for an empty slot.
pub fn build_strings<S: AsRef<str>>(keys: &[S]) -> Vec<String> {
    build(&keys.iter().map(|k| k.as_ref().as_bytes()).collect::<Vec<_>>())
        .into_iter()
        .map(|slot| slot.map_or_else(String::new, |i| keys[i].as_ref().to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_nothing_else() {
        for n in [0usize, 1, 2, 3, 10, 100, 1000] {
            let keys: Vec<String> = (0..n).map(|i| format!("https://o{i}.example.com")).collect();
            let slots = build_strings(&keys);
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
