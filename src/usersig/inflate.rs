//! A small zlib (RFC 1950) + DEFLATE (RFC 1951) decoder for reading UserSigs.
//!
//! Why not a crate: a UserSig document is a few hundred bytes, so speed does not matter here but
//! wasm size does; this canonical-Huffman decoder (after Mark Adler's `puff`) is a few KB of
//! wasm where a general-purpose inflater is about 15. Output is capped, every index is checked,
//! and malformed input is an error, never a panic.

/// Why a stream was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InflateError {
    /// The output would exceed the cap.
    TooLarge,
    /// Not a valid zlib stream (header, block data, or checksum).
    Invalid,
}

use InflateError::{Invalid, TooLarge};

const MAX_BITS: usize = 15;
const MAX_LIT_LEN_CODES: usize = 286;
const MAX_DIST_CODES: usize = 30;

const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEN_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
/// The order code-length code lengths are sent in (RFC 1951 3.2.7).
const CL_ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// Inflates a zlib stream, refusing output longer than `cap` bytes. Checks the header and the
/// Adler-32 trailer.
pub fn zlib(input: &[u8], cap: usize) -> Result<Vec<u8>, InflateError> {
    let (cmf, flg) = match input {
        [c, f, ..] => (*c, *f),
        _ => return Err(Invalid),
    };
    // CM 8 (deflate), window at most 32 KiB, header checksum, no preset dictionary.
    if cmf & 0x0f != 8
        || cmf >> 4 > 7
        || !(cmf as u16 * 256 + flg as u16).is_multiple_of(31)
        || flg & 0x20 != 0
    {
        return Err(Invalid);
    }
    let mut s = Inflater {
        input,
        pos: 2,
        bit_buf: 0,
        bit_count: 0,
        out: Vec::new(),
        cap,
    };
    loop {
        let last = s.bits(1)?;
        match s.bits(2)? {
            0 => s.stored()?,
            1 => s.fixed()?,
            2 => s.dynamic()?,
            _ => return Err(Invalid),
        }
        if last == 1 {
            break;
        }
    }
    // The Adler-32 of the output follows, byte-aligned, big-endian.
    let at = s.pos;
    let trailer = input.get(at..at + 4).ok_or(Invalid)?;
    let want = u32::from_be_bytes([trailer[0], trailer[1], trailer[2], trailer[3]]);
    if super::adler32(&s.out) != want {
        return Err(Invalid);
    }
    Ok(s.out)
}

struct Inflater<'a> {
    input: &'a [u8],
    /// Next input byte to load into the bit buffer.
    pos: usize,
    bit_buf: u32,
    bit_count: u32,
    out: Vec<u8>,
    cap: usize,
}

/// A canonical Huffman code: how many codes of each length, and the symbols in code order.
struct Huffman {
    count: [u16; MAX_BITS + 1],
    symbol: [u16; 288],
}

impl Huffman {
    /// Builds the decoding table from code lengths; refuses over-subscribed sets. Incomplete
    /// sets are allowed (a single distance code is legal); their unused codes fail to decode.
    fn new(lengths: &[u8]) -> Result<Huffman, InflateError> {
        let mut h = Huffman {
            count: [0; MAX_BITS + 1],
            symbol: [0; 288],
        };
        for &l in lengths {
            *h.count.get_mut(l as usize).ok_or(Invalid)? += 1;
        }
        let mut left: i32 = 1;
        for len in 1..=MAX_BITS {
            left = (left << 1) - h.count[len] as i32;
            if left < 0 {
                return Err(Invalid);
            }
        }
        let mut offs = [0u16; MAX_BITS + 2];
        for len in 1..=MAX_BITS {
            offs[len + 1] = offs[len] + h.count[len];
        }
        for (sym, &l) in lengths.iter().enumerate() {
            if l != 0 {
                let slot = &mut offs[l as usize];
                *h.symbol.get_mut(*slot as usize).ok_or(Invalid)? = sym as u16;
                *slot += 1;
            }
        }
        Ok(h)
    }
}

impl Inflater<'_> {
    fn bits(&mut self, n: u32) -> Result<u32, InflateError> {
        while self.bit_count < n {
            let b = *self.input.get(self.pos).ok_or(Invalid)?;
            self.pos += 1;
            self.bit_buf |= (b as u32) << self.bit_count;
            self.bit_count += 8;
        }
        let v = self.bit_buf & ((1u32 << n) - 1);
        self.bit_buf >>= n;
        self.bit_count -= n;
        Ok(v)
    }

    fn push(&mut self, b: u8) -> Result<(), InflateError> {
        if self.out.len() >= self.cap {
            return Err(TooLarge);
        }
        self.out.push(b);
        Ok(())
    }

    fn stored(&mut self) -> Result<(), InflateError> {
        // Skip to a byte boundary; any whole bytes still buffered were never consumed.
        self.pos -= (self.bit_count / 8) as usize;
        self.bit_buf = 0;
        self.bit_count = 0;
        let h = self.input.get(self.pos..self.pos + 4).ok_or(Invalid)?;
        let len = u16::from_le_bytes([h[0], h[1]]);
        if len != !u16::from_le_bytes([h[2], h[3]]) {
            return Err(Invalid);
        }
        let start = self.pos + 4;
        let data = self.input.get(start..start + len as usize).ok_or(Invalid)?;
        if self.out.len() + data.len() > self.cap {
            return Err(TooLarge);
        }
        self.out.extend_from_slice(data);
        self.pos = start + len as usize;
        Ok(())
    }

    fn decode(&mut self, h: &Huffman) -> Result<u16, InflateError> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..=MAX_BITS {
            code |= self.bits(1)? as i32;
            let count = h.count[len] as i32;
            if code - first < count {
                return h
                    .symbol
                    .get((index + code - first) as usize)
                    .copied()
                    .ok_or(Invalid);
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(Invalid)
    }

    fn codes(&mut self, lit: &Huffman, dist: &Huffman) -> Result<(), InflateError> {
        loop {
            let sym = self.decode(lit)? as usize;
            if sym < 256 {
                self.push(sym as u8)?;
            } else if sym == 256 {
                return Ok(());
            } else {
                let i = sym - 257;
                let len = *LEN_BASE.get(i).ok_or(Invalid)? as usize
                    + self.bits(*LEN_EXTRA.get(i).ok_or(Invalid)? as u32)? as usize;
                let d = self.decode(dist)? as usize;
                let back = *DIST_BASE.get(d).ok_or(Invalid)? as usize
                    + self.bits(*DIST_EXTRA.get(d).ok_or(Invalid)? as u32)? as usize;
                if back > self.out.len() {
                    return Err(Invalid);
                }
                for _ in 0..len {
                    let b = self.out[self.out.len() - back];
                    self.push(b)?;
                }
            }
        }
    }

    fn fixed(&mut self) -> Result<(), InflateError> {
        let mut lengths = [0u8; 288];
        for (i, l) in lengths.iter_mut().enumerate() {
            *l = match i {
                0..=143 => 8,
                144..=255 => 9,
                256..=279 => 7,
                _ => 8,
            };
        }
        let lit = Huffman::new(&lengths)?;
        let dist = Huffman::new(&[5u8; MAX_DIST_CODES])?;
        self.codes(&lit, &dist)
    }

    fn dynamic(&mut self) -> Result<(), InflateError> {
        let nlen = self.bits(5)? as usize + 257;
        let ndist = self.bits(5)? as usize + 1;
        let ncode = self.bits(4)? as usize + 4;
        if nlen > MAX_LIT_LEN_CODES || ndist > MAX_DIST_CODES {
            return Err(Invalid);
        }
        let mut cl = [0u8; 19];
        for &i in &CL_ORDER[..ncode] {
            cl[i] = self.bits(3)? as u8;
        }
        let cl_code = Huffman::new(&cl)?;
        let mut lengths = [0u8; MAX_LIT_LEN_CODES + MAX_DIST_CODES];
        let mut i = 0;
        while i < nlen + ndist {
            let sym = self.decode(&cl_code)?;
            let (value, repeat) = match sym {
                0..=15 => (sym as u8, 1),
                16 => {
                    let prev = *lengths.get(i.wrapping_sub(1)).ok_or(Invalid)?;
                    (prev, 3 + self.bits(2)? as usize)
                }
                17 => (0, 3 + self.bits(3)? as usize),
                _ => (0, 11 + self.bits(7)? as usize),
            };
            if i + repeat > nlen + ndist {
                return Err(Invalid);
            }
            lengths[i..i + repeat].fill(value);
            i += repeat;
        }
        // A block without an end-of-block code could never end.
        if lengths[256] == 0 {
            return Err(Invalid);
        }
        let lit = Huffman::new(&lengths[..nlen])?;
        let dist = Huffman::new(&lengths[nlen..nlen + ndist])?;
        self.codes(&lit, &dist)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random bytes (xorshift), so failures replay.
    fn noise(seed: u32, len: usize, alphabet: u8) -> Vec<u8> {
        let mut s = seed | 1;
        (0..len)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 17;
                s ^= s << 5;
                (s % alphabet as u32) as u8 + if alphabet < 128 { b' ' } else { 0 }
            })
            .collect()
    }

    #[test]
    fn inflates_what_an_independent_deflater_wrote_at_every_level() {
        // miniz_oxide (a dev-dependency) is the oracle: levels 0-10 give stored, fixed and
        // dynamic blocks, long matches and overlapping copies.
        let mut inputs: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"a".to_vec(),
            br#"{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":1400000000}"#.to_vec(),
            vec![b'z'; 3000],
        ];
        for (seed, len, alphabet) in [
            (1, 100, 4),
            (2, 2000, 16),
            (3, 4000, 95),
            (4, 3000, 255),
            (5, 70, 2),
        ] {
            inputs.push(noise(seed, len, alphabet));
        }
        for data in &inputs {
            for level in 0..=10u8 {
                let z = miniz_oxide::deflate::compress_to_vec_zlib(data, level);
                assert_eq!(
                    zlib(&z, 4096).as_ref(),
                    Ok(data),
                    "len {} level {level}",
                    data.len()
                );
            }
        }
    }

    #[test]
    fn caps_the_output_and_refuses_broken_streams() {
        let big = miniz_oxide::deflate::compress_to_vec_zlib(&[b'x'; 5000], 6);
        assert_eq!(zlib(&big, 4096), Err(TooLarge));
        assert_eq!(zlib(&big, 5000).map(|v| v.len()), Ok(5000));
        let stored = miniz_oxide::deflate::compress_to_vec_zlib(&[b'x'; 5000], 0);
        assert_eq!(zlib(&stored, 4999), Err(TooLarge));

        let good = miniz_oxide::deflate::compress_to_vec_zlib(b"hello hello hello", 6);
        assert!(zlib(&good, 100).is_ok());
        // Header: wrong method, bad check bits, preset dictionary.
        for (i, b) in [(0, 0x79u8), (1, 0x9d), (1, 0xbb)] {
            let mut z = good.clone();
            z[i] = b;
            assert_eq!(zlib(&z, 100), Err(Invalid), "header byte {i} = {b:#x}");
        }
        // Checksum.
        let mut z = good.clone();
        let n = z.len();
        z[n - 1] ^= 1;
        assert_eq!(zlib(&z, 100), Err(Invalid));
        // Every truncation.
        for cut in 0..good.len() {
            assert!(zlib(&good[..cut], 100).is_err(), "cut at {cut}");
        }
        // Block type 3 is reserved.
        assert_eq!(zlib(&[0x78, 0x01, 0x07, 0, 0, 0, 0], 100), Err(Invalid));
        // Stored block whose NLEN is not the complement of LEN.
        assert_eq!(
            zlib(&[0x78, 0x01, 0x01, 2, 0, 0, 0, b'a', b'b'], 100),
            Err(Invalid)
        );
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        let good = miniz_oxide::deflate::compress_to_vec_zlib(&noise(9, 600, 40), 9);
        for seed in 0..3000u32 {
            // Flip a few bits of a valid stream, or feed plain noise behind a valid header.
            let mut z = good.clone();
            let flips = noise(seed, 3, 255);
            for &f in &flips {
                let i = 2 + (f as usize * 7 + seed as usize) % (z.len() - 2);
                z[i] ^= 1 << (seed % 8);
            }
            let _ = zlib(&z, 4096);
            let mut junk = vec![0x78, 0x9c];
            junk.extend(noise(seed, 64, 255));
            let _ = zlib(&junk, 4096);
        }
    }
}
