//! Scans of every byte of a text: eight bytes at a time as the bytes of a `u64` ("SIMD
//! within a register"), and memchr's vector search for the line feeds. A test and a branch
//! per byte is slower, and the branch is mispredicted wherever the answer changes.

/// Each byte 1.
const ONES: u64 = 0x0101_0101_0101_0101;
/// Each byte's high bit.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of a block as a `u64`, the first byte lowest; a short block is filled
/// with `fill`.
pub(crate) fn load(block: &[u8], fill: u8) -> u64 {
    u64::from_le_bytes(<[u8; 8]>::try_from(block).unwrap_or_else(|_| {
        let mut bytes = [fill; 8];
        bytes.iter_mut().zip(block).for_each(|(to, from)| *to = *from);
        bytes
    }))
}

/// The high bit of each byte of `x` that is an ASCII letter or digit, the others clear: the
/// low seven bits of each byte compared with each range by an addition that carries into
/// the byte's high bit, no carry crossing into the next byte.
pub(crate) fn ascii_words(x: u64) -> u64 {
    let low = x & !HIGH;
    // The high bit set where the byte's low seven bits are in `lo..=hi`.
    let within = |lo: u8, hi: u8| {
        let at_least_lo = low + ONES * u64::from(0x80 - lo);
        let above_hi = low + ONES * u64::from(0x7f - hi);
        at_least_lo & !above_hi
    };
    (within(b'0', b'9') | within(b'A', b'Z') | within(b'a', b'z')) & !x & HIGH
}

/// The high bit of each byte of `x` that is not ASCII, the others clear.
pub(crate) fn non_ascii(x: u64) -> u64 {
    x & HIGH
}

/// The lines of `text` as `text.split('\n')` gives them, the line feeds found by memchr's
/// vector search (the standard library's scans eight bytes at a time).
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    ends.map(move |end| {
        let line = text.get(start..end).unwrap_or_default();
        start = end + 1;
        line
    })
}

/// The set bits of a word, lowest first.
pub(crate) struct Bits(pub(crate) u64);

impl Iterator for Bits {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        (self.0 != 0).then(|| {
            let bit = self.0.trailing_zeros() as usize;
            self.0 &= self.0 - 1;
            bit
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_of_split() {
        for text in ["", "\n", "a", "a\n", "\na", "a\n\nb\r\n", "é\nü\n\n"] {
            assert_eq!(lines(text).collect::<Vec<_>>(), text.split('\n').collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn the_word_mask_of_eight_bytes_is_right_for_every_byte() {
        for c in 0..=u8::MAX {
            for at in 0..8 {
                // The byte among others that are and are not letters or digits.
                let mut bytes = *b"a -9\xff Z\x80";
                bytes[at] = c;
                let mask = ascii_words(u64::from_le_bytes(bytes));
                for (k, b) in bytes.iter().enumerate() {
                    assert_eq!(mask >> (8 * k + 7) & 1 == 1, b.is_ascii_alphanumeric(), "byte {b} at {k}");
                }
            }
        }
    }
}
