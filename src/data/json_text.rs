//! JSON text read into a [`JsonTree`], by the command line and the page's core alike. The core
//! was once handed the value the browser had parsed, but walking that value cost a call across
//! the wasm boundary per member (about 60 ms of a phone's first second); the text is one copy
//! and one pass. Errors use serde_json's words and positions (tests/json_text.rs holds the two
//! readers to the same trees and refusals), so the messages editors know stay the same.

use std::collections::HashMap;

use super::tree::{JsonTree, MAX_DEPTH};

/// Up to how many members an object is searched for a repeated key (as most are: a record
/// has a dozen fields); a larger one is indexed.
const SEARCHED_MEMBERS: usize = 32;

/// Where the text stops being JSON, and why (serde_json's words).
#[derive(Debug, Clone, PartialEq)]
pub struct JsonSyntaxError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in bytes (as serde_json counts), of the byte that did not fit; 0 when
    /// the text ended at the start of a line.
    pub column: usize,
    pub message: &'static str,
}

/// Turns a number's text (already checked against JSON's grammar) into the nearest f64, for the
/// numbers [`parse_json_text`] cannot convert exactly itself (more than 15 digits, or a large
/// exponent): std's [`std_read_number`] natively; the page passes the browser's `parseFloat`,
/// as std's would add ~19 KB to the wasm (its tables of powers).
pub type ReadNumber = fn(&str) -> f64;

/// std's decimal conversion, as a [`ReadNumber`].
pub fn std_read_number(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

/// Reads `text` as one JSON value. Member order is the file's; a repeated key keeps its first
/// place and its last value, as `JSON.parse` does.
pub fn parse_json_text(text: &str, read_number: ReadNumber) -> Result<JsonTree, JsonSyntaxError> {
    let mut reader = Reader {
        source: text,
        text: text.as_bytes(),
        at: 0,
        read_number,
    };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at < reader.text.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    source: &'a str,
    /// `source`'s bytes.
    text: &'a [u8],
    at: usize,
    read_number: ReadNumber,
}

impl Reader<'_> {
    /// An error at the byte the reader is on (or at the end of the text).
    fn error(&self, message: &'static str) -> JsonSyntaxError {
        self.error_after((self.at + 1).min(self.text.len()), message)
    }

    /// An error placed after the first `end` bytes as serde_json places it: the line, and the
    /// column in bytes, the last of those bytes counted.
    fn error_after(&self, end: usize, message: &'static str) -> JsonSyntaxError {
        let upto = &self.text[..end];
        let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        JsonSyntaxError {
            line: 1 + upto.iter().filter(|&&b| b == b'\n').count(),
            column: upto.len() - line_start,
            message,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// The next non-space byte, not consumed; `eof` names what was being read.
    fn next_token(&mut self, eof: &'static str) -> Result<u8, JsonSyntaxError> {
        self.skip_space();
        self.peek().ok_or_else(|| self.error(eof))
    }

    fn value(&mut self, depth: usize) -> Result<JsonTree, JsonSyntaxError> {
        match self.next_token("EOF while parsing a value")? {
            // serde_json's limit: the 128th level is refused.
            b'{' | b'[' if depth + 1 == MAX_DEPTH => Err(self.error("recursion limit exceeded")),
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => self.string().map(JsonTree::String),
            b'-' | b'0'..=b'9' => self.number(),
            b't' => self.word("true", JsonTree::Bool(true)),
            b'f' => self.word("false", JsonTree::Bool(false)),
            b'n' => self.word("null", JsonTree::Null),
            _ => Err(self.error("expected value")),
        }
    }

    fn word(&mut self, word: &str, value: JsonTree) -> Result<JsonTree, JsonSyntaxError> {
        for &expected in word.as_bytes() {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(b) if b != expected => return Err(self.error("expected ident")),
                _ => self.at += 1,
            }
        }
        Ok(value)
    }

    fn array(&mut self, depth: usize) -> Result<JsonTree, JsonSyntaxError> {
        let mut items = Vec::new();
        self.members(
            b']',
            "EOF while parsing a list",
            "expected `,` or `]`",
            |reader| {
                items.push(reader.value(depth)?);
                Ok(())
            },
        )?;
        Ok(JsonTree::Array(items))
    }

    fn object(&mut self, depth: usize) -> Result<JsonTree, JsonSyntaxError> {
        let mut members = Members::default();
        self.members(
            b'}',
            "EOF while parsing an object",
            "expected `,` or `}`",
            |reader| {
                if reader.next_token("EOF while parsing an object")? != b'"' {
                    return Err(reader.error("key must be a string"));
                }
                let key = reader.string()?;
                if reader.next_token("EOF while parsing an object")? != b':' {
                    return Err(reader.error("expected `:`"));
                }
                reader.at += 1;
                members.insert(key, reader.value(depth)?);
                Ok(())
            },
        )?;
        Ok(JsonTree::Object(members.list))
    }

    /// The members of a list or an object, from its opening bracket to `close`, each read by
    /// `one`; a missing comma, the end of the text and a trailing comma refused as serde_json
    /// refuses them (`eof` and `expected` name what was being read).
    fn members(
        &mut self,
        close: u8,
        eof: &'static str,
        expected: &'static str,
        mut one: impl FnMut(&mut Self) -> Result<(), JsonSyntaxError>,
    ) -> Result<(), JsonSyntaxError> {
        self.at += 1; // [ or {
        if self.next_token(eof)? == close {
            self.at += 1;
            return Ok(());
        }
        loop {
            one(self)?;
            match self.next_token(eof)? {
                b',' => self.at += 1,
                b if b == close => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.error(expected)),
            }
            if self.next_token("EOF while parsing a value")? == close {
                return Err(self.error("trailing comma"));
            }
        }
    }

    /// A string from its opening quote; escapes decoded, a lone surrogate as U+FFFD (as the
    /// browser hands one to the wasm).
    fn string(&mut self) -> Result<String, JsonSyntaxError> {
        self.at += 1; // "
        let mut out = String::new();
        loop {
            let run = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // The run stops only at ASCII bytes: whole characters.
            out.push_str(&self.source[run..self.at]);
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let simple = match self.peek() {
                        None => return Err(self.error("EOF while parsing a string")),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            out.push(self.unicode_escape()?);
                            continue;
                        }
                        Some(_) => return Err(self.error("invalid escape")),
                    };
                    self.at += 1;
                    out.push(simple);
                }
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    /// The character of `\uXXXX` (after the `u`), with the low half of a surrogate pair when
    /// one follows.
    fn unicode_escape(&mut self) -> Result<char, JsonSyntaxError> {
        let high = self.hex4()?;
        if !(0xD800..0xDC00).contains(&high) {
            return Ok(char::from_u32(high).unwrap_or('\u{FFFD}'));
        }
        if self.text[self.at..].starts_with(b"\\u") {
            let back = self.at;
            self.at += 2;
            let low = self.hex4()?;
            if (0xDC00..0xE000).contains(&low) {
                let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            self.at = back; // not a pair: the next escape stands alone
        }
        Ok('\u{FFFD}')
    }

    fn hex4(&mut self) -> Result<u32, JsonSyntaxError> {
        // serde_json takes the four bytes first, and places an error after them.
        let Some(digits) = self.text.get(self.at..self.at + 4) else {
            self.at = self.text.len();
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 4;
        digits
            .iter()
            .try_fold(0, |code, &b| match (b as char).to_digit(16) {
                Some(digit) => Ok(code * 16 + digit),
                None => Err(self.error_after(self.at, "invalid escape")),
            })
    }

    /// A number by JSON's grammar, read as the nearest f64 (as `JSON.parse` reads it); one too
    /// large for an f64 is refused, as serde_json refuses it.
    fn number(&mut self) -> Result<JsonTree, JsonSyntaxError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if self.peek() == Some(b'0') {
            self.at += 1;
            if matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
        } else {
            self.digits()?;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let positive = self.peek() != Some(b'-');
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            let exponent_start = self.at;
            self.digits()?;
            // serde_json stops at the digit that takes the exponent past i32::MAX.
            let significant = self.text[start..exponent_start]
                .iter()
                .any(|b| (b'1'..=b'9').contains(b));
            let mut exponent: i64 = 0;
            for (i, digit) in self.text[exponent_start..self.at].iter().enumerate() {
                exponent = exponent * 10 + i64::from(digit - b'0');
                if exponent > i64::from(i32::MAX) && positive && significant {
                    return Err(self.error_after(exponent_start + i + 1, "number out of range"));
                }
                if exponent > i64::from(i32::MAX) {
                    break; // zero, or so small it is zero: read as such below
                }
            }
        }
        let digits = &self.source[start..self.at];
        match exact_number(digits).unwrap_or_else(|| (self.read_number)(digits)) {
            n if n.is_finite() => Ok(JsonTree::Number(n)),
            // Placed at the number's last digit, as serde_json places it.
            _ => Err(self.error_after(self.at, "number out of range")),
        }
    }

    /// One or more digits.
    fn digits(&mut self) -> Result<(), JsonSyntaxError> {
        match self.peek() {
            None => return Err(self.error("EOF while parsing a value")),
            Some(b'0'..=b'9') => {}
            Some(_) => return Err(self.error("invalid number")),
        }
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        Ok(())
    }
}

/// An object's members in file order; a repeated key keeps its first place and takes its last
/// value, as `JSON.parse` does.
#[derive(Default)]
struct Members {
    list: Vec<(String, JsonTree)>,
    /// Each key's place, once the object is too large to search for a repeated key: one object
    /// of 100,000 keys would otherwise cost minutes.
    places: Option<HashMap<String, usize>>,
}

impl Members {
    fn insert(&mut self, key: String, value: JsonTree) {
        let earlier = match &self.places {
            Some(places) => places.get(&key).copied(),
            None => self.list.iter().position(|(k, _)| *k == key),
        };
        if let Some(at) = earlier {
            self.list[at].1 = value;
            return;
        }
        if let Some(places) = &mut self.places {
            places.insert(key.clone(), self.list.len());
        }
        self.list.push((key, value));
        if self.places.is_none() && self.list.len() > SEARCHED_MEMBERS {
            let places = self
                .list
                .iter()
                .enumerate()
                .map(|(at, (k, _))| (k.clone(), at));
            self.places = Some(places.collect());
        }
    }
}

/// Exact powers of ten as f64 (10^22 is the largest).
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of a JSON number when it is one exact product or quotient of two exact f64s
/// (Clinger's fast path: at most 2^53 in its digits and an exponent within ±22), which IEEE
/// arithmetic rounds correctly; `None` for the rest. Every figure in the dataset takes it.
fn exact_number(text: &str) -> Option<f64> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (decimal, exponent) = match text.find(['e', 'E']) {
        Some(e) => (&text[..e], text[e + 1..].parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (whole, fraction) = decimal.split_once('.').unwrap_or((decimal, ""));
    let mut digits: u64 = 0;
    for b in whole.bytes().chain(fraction.bytes()) {
        digits = digits.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    if digits > 1 << 53 {
        return None;
    }
    let exponent = exponent.checked_sub(i32::try_from(fraction.len()).ok()?)?;
    let power = *POWERS_OF_TEN.get(exponent.unsigned_abs() as usize)?;
    let magnitude = if exponent < 0 {
        digits as f64 / power
    } else {
        digits as f64 * power
    };
    Some(if negative { -magnitude } else { magnitude })
}
