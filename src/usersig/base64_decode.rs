//! Standard base64 decoding (RFC 4648, `+/`), strict like the `base64` crate's `STANDARD` and
//! `STANDARD_NO_PAD` engines: canonical padding, no stray `=`, zero trailing bits. Decoding is
//! off the hot path (reading and verifying UserSigs), so a plain loop replaces the crate's
//! unrolled decoder (~4 KB of wasm); encoding, which is hot, still uses the crate.

/// `padded`: `=` padding to a multiple of four is required; otherwise no `=` may appear.
pub fn decode(input: &[u8], padded: bool) -> Option<Vec<u8>> {
    let mut body = input;
    if padded {
        if !input.len().is_multiple_of(4) {
            return None;
        }
        let pad = input
            .iter()
            .rev()
            .take(2)
            .take_while(|&&c| c == b'=')
            .count();
        body = &input[..input.len() - pad];
        if pad != (4 - body.len() % 4) % 4 {
            return None;
        }
    }
    if body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in body {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // The last symbol's unused bits must be zero (one encoding per byte string).
    (acc == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::decode;
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
    use base64::Engine as _;

    /// The `base64` crate is the oracle: same acceptance, same bytes.
    fn agree(input: &[u8]) {
        assert_eq!(
            decode(input, true),
            STANDARD.decode(input).ok(),
            "{input:?} padded"
        );
        assert_eq!(
            decode(input, false),
            STANDARD_NO_PAD.decode(input).ok(),
            "{input:?} unpadded"
        );
    }

    #[test]
    fn agrees_with_the_base64_crate() {
        for s in [
            "",
            "=",
            "==",
            "A",
            "QQ",
            "QQ=",
            "QQ==",
            "QR==",
            "QUI",
            "QUI=",
            "QUJ=",
            "QUJD",
            "QUJD=",
            "QUJDRA==",
            "QUJDRA",
            "Q===",
            "QQ==QQ==",
            "Q=Q=",
            "QU=I",
            "AAAA",
            "////",
            "++++",
            "-_-_",
            "QUJD\n",
            " QUJD",
            "QUJDR",
            "QUJDRA=",
            "QUJDREU=",
            "QUJDREU",
            "4pyTIMOgIGxh",
        ] {
            agree(s.as_bytes());
        }
        // Every string of up to five symbols from a set that covers each rule.
        let alphabet = b"AQRgw/+=_a9";
        let mut buf = Vec::new();
        for len in 0..=5u32 {
            for n in 0..alphabet.len().pow(len) {
                buf.clear();
                let mut k = n;
                for _ in 0..len {
                    buf.push(alphabet[k % alphabet.len()]);
                    k /= alphabet.len();
                }
                agree(&buf);
            }
        }
        // Round trips of every length around the block size.
        for len in 0..64u8 {
            let bytes: Vec<u8> = (0..len)
                .map(|i| i.wrapping_mul(97).wrapping_add(len))
                .collect();
            agree(STANDARD.encode(&bytes).as_bytes());
            agree(STANDARD_NO_PAD.encode(&bytes).as_bytes());
        }
    }
}
