//! Request bodies as the caller wrote them: JSON text from `JSON.stringify` (or any JSON object).
//!
//! The SDK reads a body (validation, which dedup keys are present, which list to split) but never
//! rewrites what the caller wrote: it splices fields in (`retry::fill_dedup_keys`) or copies the
//! caller's text of each member (`api::batch::split`, `api::paging::next_page`).
//!
//! One JSON detail needs care. `JSON.stringify` writes a string cut in the middle of a surrogate
//! pair (an emoji split by `slice`) as a lone `\udXXX` escape, which is valid JSON text but not a
//! Unicode string, so serde_json refuses to read it into a `String`. For *reading*, such an
//! escape is taken as U+FFFD (`\ufffd`, the same six bytes, so nothing else moves); the text
//! sent is unchanged, and what Tencent makes of the escape is Tencent's to decide. serde_json's
//! `RawValue` skips over string escapes without decoding them, so verbatim copies keep them.

use serde_json::Value;
use std::borrow::Cow;

/// The body's text is not JSON (or nests deeper than serde_json's 128 levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotJson;

/// Parses a body for reading; lone surrogate escapes read as U+FFFD (see the module docs).
pub fn read(text: &str) -> Result<Value, NotJson> {
    serde_json::from_str(&readable(text)).map_err(|_| NotJson)
}

/// `text` with every `\u` escape of an unpaired UTF-16 surrogate replaced by `\ufffd`.
pub fn readable(text: &str) -> Cow<'_, str> {
    if !text.contains("\\u") {
        return Cow::Borrowed(text);
    }
    let b = text.as_bytes();
    let surrogate = |i: usize| -> Option<u16> {
        let hex = b.get(i + 2..i + 6)?;
        if b[i] != b'\\' || b[i + 1] != b'u' {
            return None;
        }
        let n = u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
        (0xD800..=0xDFFF).contains(&n).then_some(n)
    };
    let mut out: Option<String> = None;
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        // An escape: `\\` and friends are two bytes; only `\u` can be a surrogate.
        let Some(high) = surrogate(i) else {
            i += 2;
            continue;
        };
        let paired = (0xD800..0xDC00).contains(&high)
            && surrogate(i + 6).is_some_and(|low| (0xDC00..=0xDFFF).contains(&low));
        if paired {
            i += 12;
            continue;
        }
        let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
        o.push_str(&text[copied..i]);
        o.push_str("\\ufffd");
        i += 6;
        copied = i;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied..]);
            Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_read_as_the_replacement_character() {
        // What JSON.stringify writes for "ab😀".slice(0, 3) and for the low half alone.
        for (text, want) in [
            (r#"{"Text":"ab\ud83d"}"#, "ab\u{fffd}"),
            (r#"{"Text":"\ude00x"}"#, "\u{fffd}x"),
            (r#"{"Text":"\ud83d\ud83d"}"#, "\u{fffd}\u{fffd}"),
            (r#"{"Text":"\ud83d\ude00"}"#, "😀"),
            (r#"{"Text":"\\ud83d"}"#, "\\ud83d"), // an escaped backslash, not an escape
            (r#"{"Text":"\u00e9\ud83d"}"#, "é\u{fffd}"),
        ] {
            assert_eq!(read(text).unwrap()["Text"], want, "{text}");
            assert_eq!(readable(text).len(), text.len());
        }
        assert!(matches!(readable(r#"{"a":"plain"}"#), Cow::Borrowed(_)));
        assert_eq!(read("{"), Err(NotJson));
        assert_eq!(read(r#"{"a":"\ud83"}"#), Err(NotJson));
    }

    #[test]
    fn raw_values_keep_lone_surrogates_verbatim() {
        let text = r#"{"MsgBody":[{"Text":"ab\ud83d"}],"n":1}"#;
        let raw: std::collections::BTreeMap<&str, &serde_json::value::RawValue> =
            serde_json::from_str(text).unwrap();
        assert_eq!(raw["MsgBody"].get(), r#"[{"Text":"ab\ud83d"}]"#);
    }
}
