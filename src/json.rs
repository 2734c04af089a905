//! A small JSON document model: parse, read, modify, write. It replaced `serde_json` in the
//! shipped wasm (serde_json, serde_core, its float printer and `std::io` errors were ~40 KB of
//! code for the few reads and rewrites the SDK does).
//!
//! - Numbers keep their source text, so a body that is modified and written again (a batch
//!   chunk, the next page's request) carries every number exactly as the caller wrote it: no
//!   float rounding of large integers, no `1e2` turned into `100.0`.
//! - Objects keep their members in source order. Lookups take the last of duplicate keys (as
//!   `JSON.parse` does); [`Object::insert`] replaces the first and drops the others.
//! - Strings follow RFC 8259: every escape including `\uXXXX` surrogate pairs; lone surrogates,
//!   raw control characters and anything after the value are errors, as in `serde_json`.
//! - Nesting is bounded ([`MAX_DEPTH`], serde_json's limit), so hostile input cannot exhaust the
//!   stack while parsing, comparing, cloning, writing or dropping a document.
//!
//! `serde_json` stays a dev-dependency: the tests below check this module against it.

/// Containers may nest this many levels minus one (serde_json's recursion limit, same count).
pub const MAX_DEPTH: usize = 128;

/// Not JSON (or nested too deeply). Callers say what was wrong in their own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Object),
}

/// A number's text, as it appeared in the source (always valid JSON number grammar).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

/// Members in source order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object(Vec<(String, Value)>);

pub fn parse(text: &str) -> Result<Value, Error> {
    let mut p = Parser {
        text,
        s: text.as_bytes(),
        i: 0,
    };
    let v = p.value(MAX_DEPTH)?;
    p.ws();
    if p.i != p.s.len() {
        return Err(Error);
    }
    Ok(v)
}

/// [`parse`] of bytes that must be UTF-8.
pub fn parse_bytes(bytes: &[u8]) -> Result<Value, Error> {
    parse(core::str::from_utf8(bytes).map_err(|_| Error)?)
}

struct Parser<'a> {
    text: &'a str,
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.i += hit as usize;
        hit
    }

    fn expect(&mut self, b: u8) -> Result<(), Error> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(Error)
        }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn word(&mut self, w: &str, v: Value) -> Result<Value, Error> {
        if !self
            .s
            .get(self.i..)
            .is_some_and(|r| r.starts_with(w.as_bytes()))
        {
            return Err(Error);
        }
        self.i += w.len();
        Ok(v)
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        self.ws();
        match self.peek().ok_or(Error)? {
            b'n' => self.word("null", Value::Null),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'"' => {
                self.i += 1;
                Ok(Value::String(self.string()?))
            }
            b'-' | b'0'..=b'9' => self.number(),
            open @ (b'[' | b'{') => {
                let depth = depth - 1;
                if depth == 0 {
                    return Err(Error);
                }
                self.i += 1;
                let close = open + 2; // ']' and '}' follow their openers by two in ASCII
                self.ws();
                let mut items = Vec::new();
                let mut members = Vec::new();
                if !self.eat(close) {
                    loop {
                        if open == b'[' {
                            items.push(self.value(depth)?);
                        } else {
                            self.ws();
                            self.expect(b'"')?;
                            let key = self.string()?;
                            self.ws();
                            self.expect(b':')?;
                            members.push((key, self.value(depth)?));
                        }
                        self.ws();
                        if self.eat(close) {
                            break;
                        }
                        self.expect(b',')?;
                    }
                }
                Ok(if open == b'[' {
                    Value::Array(items)
                } else {
                    Value::Object(Object(members))
                })
            }
            _ => Err(Error),
        }
    }

    /// Consumes digits; whether there was at least one.
    fn digits(&mut self) -> bool {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i > start
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.i;
        self.eat(b'-');
        if !self.eat(b'0') && !self.digits() {
            return Err(Error);
        }
        if self.eat(b'.') && !self.digits() {
            return Err(Error);
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !self.digits() {
                return Err(Error);
            }
        }
        let text = self.text.get(start..self.i).ok_or(Error)?;
        Ok(Value::Number(Number(text.to_owned())))
    }

    /// The rest of a string whose opening quote was consumed.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // Both ends sit on ASCII bytes (or the end), so this is a char boundary.
            out.push_str(self.text.get(start..self.i).ok_or(Error)?);
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = self.escape()?;
                    out.push(c);
                }
                _ => return Err(Error), // a raw control character, or the text ended
            }
        }
    }

    fn escape(&mut self) -> Result<char, Error> {
        let b = self.peek().ok_or(Error)?;
        self.i += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&hi) {
                    // A leading surrogate must be followed by an escaped trailing one.
                    self.expect(b'\\')?;
                    self.expect(b'u')?;
                    let lo = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return Err(Error);
                    }
                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                } else {
                    hi
                };
                // None for a lone trailing surrogate.
                char::from_u32(code).ok_or(Error)?
            }
            _ => return Err(Error),
        })
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut n = 0;
        for _ in 0..4 {
            let d = (self.peek().ok_or(Error)? as char)
                .to_digit(16)
                .ok_or(Error)?;
            self.i += 1;
            n = n * 16 + d;
        }
        Ok(n)
    }
}

impl Number {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value when the text is an integer literal (no fraction or exponent) within i64.
    /// As in serde_json, `1.0`, `1e2` and `-0` are not integers here (see [`Number::as_whole`]).
    pub fn as_i64(&self) -> Option<i64> {
        let (neg, digits) = match self.0.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, self.0.as_str()),
        };
        let m = digits_u64(digits)?;
        if neg {
            // `-0` is not an integer literal to serde_json either (it reads it as a float).
            0i64.checked_sub_unsigned(m).filter(|&n| n != 0)
        } else {
            i64::try_from(m).ok()
        }
    }

    /// The value when the text is a non-negative integer literal within u64.
    pub fn as_u64(&self) -> Option<u64> {
        digits_u64(&self.0)
    }

    /// The exact value when it is a whole number, whatever the notation (`20`, `20.0`, `2e1`);
    /// saturated outside i64. `None` for a fraction.
    pub fn as_whole(&self) -> Option<i64> {
        // m: the digits as an integer (None once it overflows); trailing zeros wait in `zeros`
        // so that `1.50` is seen as 15 x 10^-1; `scale` is the power of ten m is multiplied by.
        let times10 = |m: Option<u64>, n: i64| {
            m.and_then(|m| (0..n.min(20)).try_fold(m, |m, _| m.checked_mul(10)))
        };
        let (mut m, mut zeros, mut scale) = (Some(0u64), 0i64, 0i64);
        let (mut neg, mut frac) = (false, false);
        // One pass over text that the parser checked against the number grammar.
        let mut bytes = self.0.bytes();
        while let Some(b) = bytes.next() {
            match b {
                b'-' => neg = true,
                b'.' => frac = true,
                b'e' | b'E' => {
                    // Saturated far beyond any i64's digit count: only sign and size matter.
                    let (mut eneg, mut e) = (false, 0i64);
                    for b in bytes.by_ref() {
                        match b {
                            b'-' => eneg = true,
                            b'+' => {}
                            d => e = (e * 10 + d.wrapping_sub(b'0') as i64).min(1 << 40),
                        }
                    }
                    scale += if eneg { -e } else { e };
                }
                d => {
                    scale -= frac as i64;
                    if d == b'0' {
                        zeros += 1;
                    } else {
                        m = times10(m, zeros + 1)
                            .and_then(|m| m.checked_add(d.wrapping_sub(b'0') as u64));
                        zeros = 0;
                    }
                }
            }
        }
        if m == Some(0) {
            return Some(0);
        }
        scale += zeros;
        if scale < 0 {
            return None;
        }
        Some(match times10(m, scale) {
            None if neg => i64::MIN,
            None => i64::MAX,
            Some(m) if neg => 0i64.checked_sub_unsigned(m).unwrap_or(i64::MIN),
            Some(m) => i64::try_from(m).unwrap_or(i64::MAX),
        })
    }

    /// Whether the value is zero (`0`, `-0`, `0.0`, `0e7`): no non-zero digit before the exponent.
    pub fn is_zero(&self) -> bool {
        for b in self.0.bytes() {
            match b {
                b'1'..=b'9' => return false,
                b'e' | b'E' => break,
                _ => {}
            }
        }
        true
    }
}

/// A plain run of decimal digits (no sign, no leading zero unless it is "0") as u64.
fn digits_u64(d: &str) -> Option<u64> {
    if d.is_empty() || (d.len() > 1 && d.starts_with('0')) {
        return None;
    }
    d.bytes().try_fold(0u64, |n, b| {
        if !b.is_ascii_digit() {
            return None;
        }
        n.checked_mul(10)?.checked_add((b - b'0') as u64)
    })
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        let mut s = String::new();
        push_int(&mut s, n);
        Value::Number(Number(s))
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl Value {
    /// An object's member (the last one, if the key repeats); `None` for other values.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|o| o.get(key))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// See [`Number::as_i64`].
    pub fn as_i64(&self) -> Option<i64> {
        self.as_number().and_then(Number::as_i64)
    }

    /// See [`Number::as_u64`].
    pub fn as_u64(&self) -> Option<u64> {
        self.as_number().and_then(Number::as_u64)
    }

    /// Compact JSON text.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    pub fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => out.push_str(&n.0),
            Value::String(s) => push_string(out, s),
            Value::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Value::Object(o) => {
                out.push('{');
                for (i, (k, v)) in o.0.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    push_string(out, k);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

impl Object {
    pub fn new() -> Object {
        Object(Vec::new())
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0
            .iter_mut()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key`: the first member of that name takes the value (keeping its place) and any
    /// later duplicates go; a new key is appended.
    pub fn insert(&mut self, key: &str, value: Value) {
        let mut value = Some(value);
        self.0.retain_mut(|(k, v)| {
            if k != key {
                return true;
            }
            match value.take() {
                Some(new) => {
                    *v = new;
                    true
                }
                None => false,
            }
        });
        if let Some(v) = value {
            self.0.push((key.to_owned(), v));
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// `v` as a JSON string literal, escaped exactly like `JSON.stringify` (and `serde_json`):
/// `"` `\` and control characters only, the short forms where they exist, else `\u00xx`.
pub fn push_string(out: &mut String, v: &str) {
    out.push('"');
    for c in v.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Decimal text of `n`, without `core::fmt`.
pub fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut m = n.unsigned_abs();
    let mut buf = [0u8; 20];
    let mut len = 0;
    // Digits from the right; iterators rather than indexing keep panic paths out of the wasm.
    for slot in buf.iter_mut().rev() {
        *slot = b'0' + (m % 10) as u8;
        m /= 10;
        len += 1;
        if m == 0 {
            break;
        }
    }
    for &b in buf.iter().skip(buf.len() - len) {
        out.push(b as char);
    }
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
