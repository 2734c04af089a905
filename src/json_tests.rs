//! `serde_json` is the oracle: on every document here our parser must accept exactly what it
//! accepts, read the same strings and integers, and write text it reads back as the same value.
//! The one known difference is kept out of the generated documents and checked on its own:
//! serde_json refuses numbers beyond f64 (`1e400`), which we keep as text like any other.

use super::*;
use serde_json::Value as Oracle;

fn oracle(text: &str) -> Result<Oracle, serde_json::Error> {
    serde_json::from_str(text)
}

/// Our value, written and read back by the oracle.
fn as_oracle(v: &Value) -> Oracle {
    oracle(&v.to_json()).expect("our output is JSON")
}

/// Both accept or both refuse; when both accept, the values agree.
fn agree(text: &str) {
    let ours = parse(text);
    match (oracle(text), &ours) {
        (Ok(want), Ok(got)) => assert_eq!(as_oracle(got), want, "{text:?}"),
        (Err(e), Ok(_)) if e.to_string().starts_with("number out of range") => {}
        (Err(_), Err(_)) => {}
        (want, got) => panic!("{text:?}: serde_json {want:?}, ours {got:?}"),
    }
}

#[test]
fn accepts_and_refuses_what_serde_json_does() {
    for text in [
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1",
        "-1",
        "1.5",
        "-1.5e3",
        "1E+2",
        "1e-2",
        "0.0",
        "123456789012345678901234567890",
        "\"\"",
        "\"a\"",
        "[]",
        "{}",
        " [ 1 , 2 ] ",
        "{\"a\":1,\"b\":[true,null,{\"c\":\"d\"}]}",
        "\t\n\r 7 \n",
        "{\"a\":1,\"a\":2}",
        "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"",
        "\"\\u0000\\u001f\\u00e9\\u4e2d\"",
        "\"\\ud83d\\ude00\"",
        "\"\\uD83D\\uDE00\"",
        "\"é中😀\"",
        "[[[]]]",
        "{\"\":{}}",
        // refused
        "",
        " ",
        "nul",
        "nulll",
        "True",
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "1e+",
        "+1",
        "0x10",
        "--1",
        "1 2",
        "[1,]",
        "[,1]",
        "{\"a\":1,}",
        "{,}",
        "{\"a\"}",
        "{\"a\" 1}",
        "{a:1}",
        "['a']",
        "\"abc",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12G4\"",
        "\"a\u{1}b\"",
        "\"\n\"",
        "\"\t\"",
        "\"\\ud83d\"",
        "\"\\ud83d x\"",
        "\"\\ud83d\\u0041\"",
        "\"\\ude00\"",
        "\"\\ude00\\ud83d\"",
        "[1]]",
        "{}}",
        "[",
        "{",
        "]",
        "}",
        ":",
        ",",
        "NaN",
        "Infinity",
        "-Infinity",
        "1e5x",
        "\u{feff}1",
        "[1 2]",
        "{\"a\":1 \"b\":2}",
    ] {
        agree(text);
    }
    // Known difference: numbers beyond f64 are kept as text here, refused by serde_json.
    assert!(oracle("1e400").is_err());
    assert_eq!(parse("1e400").unwrap().to_json(), "1e400");
}

#[test]
fn nesting_is_bounded_like_serde_json() {
    for depth in [1, 2, 126, 127, 128, 129, 1000, 100_000] {
        for (open, close) in [("[", "]"), ("{\"k\":", "}")] {
            let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
            assert_eq!(parse(&text).is_ok(), oracle(&text).is_ok(), "depth {depth}");
            assert_eq!(parse(&text).is_ok(), depth < MAX_DEPTH, "depth {depth}");
        }
    }
    // Unclosed deep input fails at the limit, without recursing further.
    assert!(parse(&"[".repeat(1_000_000)).is_err());
}

#[test]
fn numbers_keep_their_text() {
    for text in [
        "1e2",
        "1E+02",
        "-0",
        "0.10",
        "123456789012345678901234567890",
        "1.0",
    ] {
        let doc = format!("{{\"n\":{text},\"a\":[{text}]}}");
        assert_eq!(parse(&doc).unwrap().to_json(), doc);
    }
}

#[test]
fn integers_read_like_serde_json() {
    for text in [
        "0",
        "-0",
        "1",
        "-1",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "1.0",
        "1e2",
        "-5",
        "20",
        "1.5",
    ] {
        let ours = parse(text).unwrap();
        let want = oracle(text).unwrap();
        assert_eq!(ours.as_i64(), want.as_i64(), "{text}");
        assert_eq!(ours.as_u64(), want.as_u64(), "{text}");
    }
}

#[test]
fn whole_numbers_in_any_notation() {
    // The oracle: f64 parsing and `fract() == 0`, which is exact for these magnitudes.
    for text in [
        "0",
        "-0",
        "0.0",
        "0e9",
        "20",
        "20.0",
        "2e1",
        "2E+1",
        "200e-1",
        "2.5",
        "25e-1",
        "1.50",
        "15e-1",
        "-3",
        "-3.0",
        "-30e-1",
        "1e-7",
        "0.5",
        "123.456e3",
        "123.4567e3",
        "9007199254740991",
        "1e15",
        "-1e15",
    ] {
        let f: f64 = text.parse().unwrap();
        let want = (f.fract() == 0.0).then_some(f as i64);
        let n = parse(text).unwrap();
        assert_eq!(n.as_number().unwrap().as_whole(), want, "{text}");
        assert_eq!(n.as_number().unwrap().is_zero(), f == 0.0, "{text}");
    }
    // Beyond i64: saturated, as `f64 as i64` does.
    for (text, want) in [
        ("1e30", i64::MAX),
        ("-1e30", i64::MIN),
        ("9223372036854775808", i64::MAX),
        ("123456789012345678901230e-1", i64::MAX),
        ("1e99999999999999999999999", i64::MAX),
    ] {
        assert_eq!(
            parse(text).unwrap().as_number().unwrap().as_whole(),
            Some(want),
            "{text}"
        );
    }
    assert_eq!(
        parse("1e-99999999999999999999")
            .unwrap()
            .as_number()
            .unwrap()
            .as_whole(),
        None
    );
}

#[test]
fn objects_take_the_last_duplicate_and_insert_replaces() {
    let mut v = parse(r#"{"a":1,"b":2,"a":3}"#).unwrap();
    assert_eq!(v.get("a").and_then(Value::as_i64), Some(3));
    let Value::Object(o) = &mut v else { panic!() };
    o.insert("a", Value::from(9));
    o.insert("c", Value::from(-4));
    assert_eq!(v.to_json(), r#"{"a":9,"b":2,"c":-4}"#);
    assert_eq!(as_oracle(&v), oracle(r#"{"a":9,"b":2,"c":-4}"#).unwrap());
}

#[test]
fn integers_are_written_like_to_string() {
    for n in [
        0,
        1,
        -1,
        9,
        10,
        -10,
        1234567890,
        i64::MAX,
        i64::MIN,
        i64::MIN + 1,
    ] {
        assert_eq!(Value::from(n).to_json(), n.to_string());
    }
}

/// xorshift64*: a small deterministic generator, so a failure names a reproducible seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

fn ws(r: &mut Rng, out: &mut String) {
    for _ in 0..r.below(3).saturating_sub(1) {
        out.push_str(r.pick(&[" ", "\t", "\n", "\r"]));
    }
}

/// A random string literal body: plain text, every escape form, raw non-ASCII.
fn gen_string(r: &mut Rng, out: &mut String) {
    out.push('"');
    for _ in 0..r.below(8) {
        out.push_str(r.pick(&[
            "a",
            "Z",
            " ",
            "é",
            "中",
            "😀",
            "\\\"",
            "\\\\",
            "\\/",
            "\\b",
            "\\f",
            "\\n",
            "\\r",
            "\\t",
            "\\u0000",
            "\\u001F",
            "\\u007f",
            "\\u00e9",
            "\\uFFFF",
            "\\ud83d\\ude00",
            "\\uDBFF\\uDFFF",
            "\u{7f}",
            "'",
            "<",
            "\u{2028}",
        ]));
    }
    out.push('"');
}

fn gen_number(r: &mut Rng, out: &mut String) {
    out.push_str(r.pick(&["", "", "-"]));
    out.push_str(r.pick(&[
        "0",
        "1",
        "7",
        "42",
        "100",
        "9007199254740993",
        "18446744073709551615",
        "99999999999999999999",
    ]));
    if r.below(3) == 0 {
        out.push_str(r.pick(&[".0", ".5", ".25", ".000", ".1234567890123"]));
    }
    if r.below(4) == 0 {
        out.push_str(r.pick(&["e", "E"]));
        out.push_str(r.pick(&["", "+", "-"]));
        out.push_str(r.pick(&["0", "1", "2", "17", "99"]));
    }
}

fn gen_value(r: &mut Rng, out: &mut String, depth: usize) {
    ws(r, out);
    let kinds = if depth == 0 { 5 } else { 7 };
    match r.below(kinds) {
        0 => out.push_str("null"),
        1 => out.push_str(r.pick(&["true", "false"])),
        2 | 3 => gen_number(r, out),
        4 => gen_string(r, out),
        5 => {
            out.push('[');
            for i in 0..r.below(4) {
                if i > 0 {
                    out.push(',');
                }
                gen_value(r, out, depth - 1);
            }
            ws(r, out);
            out.push(']');
        }
        _ => {
            out.push('{');
            for i in 0..r.below(4) {
                if i > 0 {
                    out.push(',');
                }
                ws(r, out);
                // Few distinct keys, so duplicates occur.
                if r.below(2) == 0 {
                    out.push_str(r.pick(&["\"a\"", "\"b\"", "\"\\u0061\""]));
                } else {
                    gen_string(r, out);
                }
                ws(r, out);
                out.push(':');
                gen_value(r, out, depth - 1);
            }
            ws(r, out);
            out.push('}');
        }
    }
    ws(r, out);
}

#[test]
fn generated_documents_agree_with_serde_json() {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let mut text = String::new();
        gen_value(&mut r, &mut text, 4);
        let want =
            oracle(&text).unwrap_or_else(|e| panic!("generator made bad JSON {text:?}: {e}"));
        let got = parse(&text).unwrap_or_else(|_| panic!("refused {text:?}"));
        assert_eq!(as_oracle(&got), want, "{text:?}");
        // The writer: what serde_json writes, we read and write back byte for byte.
        let canonical = serde_json::to_string(&want).unwrap();
        assert_eq!(parse(&canonical).unwrap().to_json(), canonical);
        if let (Value::String(s), Oracle::String(w)) = (&got, &want) {
            assert_eq!(s, w);
        }
        if let Value::Number(n) = &got {
            assert_eq!(
                (got.as_i64(), got.as_u64()),
                (want.as_i64(), want.as_u64()),
                "{text}"
            );
            // as_whole against f64, where f64 is exact: at most 15 significant digits, < 1e15.
            let t = n.as_str();
            let mantissa = t.split(['e', 'E']).next().unwrap();
            let digits = mantissa
                .trim_start_matches(['-', '0', '.'])
                .bytes()
                .filter(u8::is_ascii_digit);
            let f: f64 = t.parse().unwrap();
            if digits.count() <= 15 && f.abs() < 1e15 {
                assert_eq!(n.as_whole(), (f.fract() == 0.0).then_some(f as i64), "{t}");
                assert_eq!(n.is_zero(), f == 0.0, "{t}");
            }
        }
    }
}

#[test]
fn strings_are_escaped_like_serde_json() {
    let mut r = Rng(7);
    for _ in 0..5_000 {
        let s: String = (0..r.below(12))
            .map(|_| match r.below(4) {
                0 => char::from_u32(r.below(0x80) as u32).unwrap(),
                1 => char::from_u32(r.below(0x20) as u32).unwrap(),
                2 => r
                    .pick(&["\"", "\\", "é", "😀", "\u{2028}"])
                    .chars()
                    .next()
                    .unwrap(),
                _ => char::from_u32(r.below(0xD7FF) as u32).unwrap(),
            })
            .collect();
        let mut ours = String::new();
        push_string(&mut ours, &s);
        assert_eq!(ours, serde_json::to_string(&s).unwrap());
        assert_eq!(parse(&ours), Ok(Value::String(s)));
    }
}

/// A bounded fuzz run: mutated documents and random bytes never panic, and acceptance still
/// matches serde_json.
#[test]
fn mutated_input_never_panics() {
    let mut r = Rng(0xDEAD_BEEF_CAFE_F00D);
    const BITS: &[&str] = &[
        "\"", "\\", "\\u", "\\ud800", "{", "}", "[", "]", ",", ":", "-", "0", "1", ".", "e", "+",
        "\u{0}", "\n", "n", "t", "f", "é", "😀",
    ];
    for _ in 0..30_000 {
        let mut text = String::new();
        gen_value(&mut r, &mut text, 3);
        for _ in 0..1 + r.below(3) {
            let mut at = r.below(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            match r.below(3) {
                0 => text.insert_str(at, r.pick(BITS)),
                1 => text.truncate(at),
                _ => {
                    let end = (at + 1 + r.below(3)).min(text.len());
                    if text.is_char_boundary(end) {
                        text.replace_range(at..end, "");
                    }
                }
            }
        }
        agree(&text);
    }
    for _ in 0..10_000 {
        let bytes: Vec<u8> = (0..r.below(24))
            .map(|_| r.pick(BITS).as_bytes()[0])
            .collect();
        let _ = parse_bytes(&bytes);
        if let Ok(text) = core::str::from_utf8(&bytes) {
            agree(text);
        }
    }
}
