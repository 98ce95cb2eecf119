//! A strict JSON parser (RFC 8259) that keeps the byte span of every value and key, keeps
//! duplicate keys visible (serde_json silently keeps the last one), and never recurses deeper
//! than [`MAX_DEPTH`], so hostile input cannot overflow the stack.

use crate::source::Span;
use std::collections::HashMap;

/// Deeper documents are reported as an error instead of being parsed.
pub const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number's source text, exactly as written (already checked against the JSON grammar).
    Number(String),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

/// A key that appears a second time in the same object.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateKey {
    pub key: String,
    /// JSON Pointer of the object that holds both keys.
    pub object_pointer: String,
    pub first: Span,
    pub duplicate: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub message: String,
    pub span: Span,
}

#[derive(Debug)]
pub struct JsonDoc {
    pub root: Node,
    pub duplicates: Vec<DuplicateKey>,
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            // The last occurrence wins, as in every JSON consumer Datadog uses.
            Value::Object(members) => members
                .iter()
                .rev()
                .find(|m| m.key == key)
                .map(|m| &m.value),
            _ => None,
        }
    }

    pub fn member(&self, key: &str) -> Option<&Member> {
        match &self.value {
            Value::Object(members) => members.iter().rev().find(|m| m.key == key),
            _ => None,
        }
    }

    /// Follow a JSON Pointer (RFC 6901).
    pub fn pointer(&self, pointer: &str) -> Option<&Node> {
        if pointer.is_empty() {
            return Some(self);
        }
        let mut node = self;
        for raw in pointer.strip_prefix('/')?.split('/') {
            let token = raw.replace("~1", "/").replace("~0", "~");
            node = match &node.value {
                Value::Object(_) => node.get(&token)?,
                Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// The span of the key that names the value at `pointer`, if the parent is an object.
    pub fn key_span(&self, pointer: &str) -> Option<Span> {
        let (parent, last) = pointer.rsplit_once('/')?;
        let token = last.replace("~1", "/").replace("~0", "~");
        self.pointer(parent)?.member(&token).map(|m| m.key_span)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.value {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match &self.value {
            Value::Number(n) => n.parse::<i64>().ok(),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match &self.value {
            Value::Number(n) => n.parse::<f64>().ok(),
            _ => None,
        }
    }
    pub fn is_integer(&self) -> bool {
        matches!(&self.value, Value::Number(n) if !n.contains(['.', 'e', 'E']))
    }
    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// Convert to a `serde_json::Value` (for JSON Schema validation). Depth is bounded by the
    /// parser, so the recursion is too.
    pub fn to_serde(&self) -> serde_json::Value {
        match &self.value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => n
                .parse::<serde_json::Number>()
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Array(a) => serde_json::Value::Array(a.iter().map(Node::to_serde).collect()),
            Value::Object(m) => {
                let mut map = serde_json::Map::new();
                for member in m {
                    map.insert(member.key.clone(), member.value.to_serde());
                }
                serde_json::Value::Object(map)
            }
        }
    }
}

/// Escape one reference token for a JSON Pointer.
pub fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Parse `text[start..]` as one JSON document. Offsets in the result are offsets into `text`.
pub fn parse(text: &str, start: usize) -> Result<JsonDoc, ParseError> {
    let mut p = Parser {
        src: text.as_bytes(),
        text,
        pos: start,
        duplicates: Vec::new(),
        path: Vec::new(),
    };
    p.skip_ws();
    if p.pos >= p.src.len() {
        return Err(p.error_here("the file is empty: expected a JSON value"));
    }
    let root = p.value(0)?;
    p.skip_ws();
    if p.pos < p.src.len() {
        return Err(p.error_here("unexpected content after the JSON value"));
    }
    Ok(JsonDoc {
        root,
        duplicates: p.duplicates,
    })
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    duplicates: Vec<DuplicateKey>,
    /// Where the parser is, for the pointer of a duplicate key. Keys are kept as spans and only
    /// decoded when a duplicate is reported, so parsing allocates nothing for the path.
    path: Vec<Seg>,
}

#[derive(Clone, Copy)]
enum Seg {
    Index(usize),
    Key(Span),
}

/// Objects with more members than this find duplicate keys with a hash map, not a scan, so a
/// hostile object with a million keys stays linear.
const SCAN_LIMIT: usize = 16;

impl<'a> Parser<'a> {
    fn error_here(&self, message: &str) -> ParseError {
        let start = self.pos.min(self.src.len());
        let mut end = start;
        if end < self.src.len() {
            end += 1;
            while end < self.src.len() && !self.text.is_char_boundary(end) {
                end += 1;
            }
        }
        ParseError {
            message: message.to_string(),
            span: Span::new(start, end),
        }
    }

    fn unexpected(&self, expected: &str) -> ParseError {
        match self.text.get(self.pos..).and_then(|s| s.chars().next()) {
            None => self.error_here(&format!("unexpected end of file, expected {expected}")),
            Some(c) => self.error_here(&format!(
                "unexpected `{}`, expected {expected}",
                c.escape_debug()
            )),
        }
    }

    fn skip_ws(&mut self) {
        while let Some(&b) = self.src.get(self.pos) {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn pointer(&self) -> String {
        self.path
            .iter()
            .map(|seg| match *seg {
                Seg::Index(i) => format!("/{i}"),
                Seg::Key(span) => format!("/{}", escape_pointer_token(&self.key_at(span))),
            })
            .collect()
    }

    /// Decode again the key whose (already parsed) string literal is at `span`.
    fn key_at(&self, span: Span) -> String {
        let mut p = Parser {
            src: self.src,
            text: self.text,
            pos: span.start,
            duplicates: Vec::new(),
            path: Vec::new(),
        };
        p.string().unwrap_or_default()
    }

    fn value(&mut self, depth: usize) -> Result<Node, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error_here(&format!("JSON nested deeper than {MAX_DEPTH} levels")));
        }
        let start = self.pos;
        let value = match self.src.get(self.pos) {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            _ => return Err(self.unexpected("a JSON value")),
        };
        Ok(Node {
            value,
            span: Span::new(start, self.pos),
        })
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, ParseError> {
        if self.src[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected("a JSON value"))
        }
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.pos;
        if self.src.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match self.src.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                while matches!(self.src.get(self.pos), Some(b'0'..=b'9')) {
                    self.pos += 1;
                }
            }
            _ => return Err(self.unexpected("a digit")),
        }
        if self.src.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !matches!(self.src.get(self.pos), Some(b'0'..=b'9')) {
                return Err(self.unexpected("a digit after the decimal point"));
            }
            while matches!(self.src.get(self.pos), Some(b'0'..=b'9')) {
                self.pos += 1;
            }
        }
        if matches!(self.src.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.src.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(self.src.get(self.pos), Some(b'0'..=b'9')) {
                return Err(self.unexpected("a digit in the exponent"));
            }
            while matches!(self.src.get(self.pos), Some(b'0'..=b'9')) {
                self.pos += 1;
            }
        }
        Ok(Value::Number(self.text[start..self.pos].to_string()))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self
            .src
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.unexpected("four hex digits"))?;
        let s = std::str::from_utf8(digits).map_err(|_| self.unexpected("four hex digits"))?;
        let v = u32::from_str_radix(s, 16).map_err(|_| self.unexpected("four hex digits"))?;
        self.pos += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, ParseError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(&b) = self.src.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.src.get(self.pos) {
                None => {
                    return Err(ParseError {
                        message: "unterminated string".into(),
                        span: Span::new(open, open + 1),
                    })
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let esc = self.src.get(self.pos).copied();
                    self.pos += 1;
                    match esc {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi) {
                                if self.src.get(self.pos..self.pos + 2) == Some(b"\\u") {
                                    self.pos += 2;
                                    let lo = self.hex4()?;
                                    if (0xDC00..0xE000).contains(&lo) {
                                        char::from_u32(
                                            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00),
                                        )
                                    } else {
                                        None
                                    }
                                } else {
                                    None
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            // A lone surrogate is valid JSON text but not a Unicode scalar value.
                            out.push(c.unwrap_or('\u{fffd}'));
                        }
                        _ => {
                            self.pos -= 1;
                            return Err(self.error_here("invalid escape sequence in string"));
                        }
                    }
                }
                Some(_) => return Err(self.error_here("control character in string (escape it)")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.src.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            self.path.push(Seg::Index(items.len()));
            let item = self.value(depth + 1);
            self.path.pop();
            items.push(item?);
            self.skip_ws();
            match self.src.get(self.pos) {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.src.get(self.pos) == Some(&b']') {
                        return Err(self.error_here("trailing comma before `]`"));
                    }
                }
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected("`,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.pos += 1;
        let mut members: Vec<Member> = Vec::new();
        let mut index: Option<HashMap<String, Span>> = None;
        self.skip_ws();
        if self.src.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.src.get(self.pos) != Some(&b'"') {
                return Err(self.unexpected("a string key"));
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_ws();
            if self.src.get(self.pos) != Some(&b':') {
                return Err(self.unexpected("`:`"));
            }
            self.pos += 1;
            self.skip_ws();
            if index.is_none() && members.len() >= SCAN_LIMIT {
                let mut map = HashMap::with_capacity(members.len() * 2);
                for m in &members {
                    map.entry(m.key.clone()).or_insert(m.key_span);
                }
                index = Some(map);
            }
            let first = match index.as_mut() {
                Some(map) => match map.get(&key) {
                    Some(first) => Some(*first),
                    None => {
                        map.insert(key.clone(), key_span);
                        None
                    }
                },
                None => members.iter().find(|m| m.key == key).map(|m| m.key_span),
            };
            if let Some(first) = first {
                self.duplicates.push(DuplicateKey {
                    key: key.clone(),
                    object_pointer: self.pointer(),
                    first,
                    duplicate: key_span,
                });
            }
            self.path.push(Seg::Key(key_span));
            let value = self.value(depth + 1);
            self.path.pop();
            members.push(Member {
                key,
                key_span,
                value: value?,
            });
            self.skip_ws();
            match self.src.get(self.pos) {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.src.get(self.pos) == Some(&b'}') {
                        return Err(self.error_here("trailing comma before `}`"));
                    }
                }
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.unexpected("`,` or `}`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_pointers_and_duplicates() {
        let text = r#"{"a": {"b": [1, "x"]}, "a": 2}"#;
        let doc = parse(text, 0).unwrap();
        let x = doc.root.pointer("/a").unwrap();
        assert_eq!(x.as_i64(), Some(2));
        assert_eq!(doc.duplicates.len(), 1);
        assert_eq!(
            &text[doc.duplicates[0].duplicate.start..doc.duplicates[0].duplicate.end],
            "\"a\""
        );
        let first_a = &doc.root.as_object().unwrap()[0].value;
        let s = first_a.pointer("/b/1").unwrap();
        assert_eq!(&text[s.span.start..s.span.end], "\"x\"");
    }

    #[test]
    fn rejects_what_strict_json_rejects() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "'a'",
            "{a:1}",
            "[1] x",
            "\"\\x\"",
            "tru",
        ] {
            assert!(parse(bad, 0).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(200_000);
        let err = parse(&text, 0).unwrap_err();
        assert!(err.message.contains("deeper"));
    }

    #[test]
    fn duplicate_pointers_decode_keys_and_indexes() {
        let text = r#"{"a/b": [0, {"k\u00e9": {"x": 1, "x": 2}}]}"#;
        let doc = parse(text, 0).unwrap();
        assert_eq!(doc.duplicates.len(), 1);
        assert_eq!(doc.duplicates[0].object_pointer, "/a~1b/1/k\u{e9}");
    }

    #[test]
    fn duplicates_in_large_objects_are_found_in_linear_time() {
        let mut text = String::from("{");
        for i in 0..200_000 {
            text.push_str(&format!("\"k{i}\": {i},"));
        }
        text.push_str("\"k7\": 0, \"k40\": 1, \"k199999\": 2}");
        let doc = parse(&text, 0).unwrap();
        let keys: Vec<&str> = doc.duplicates.iter().map(|d| d.key.as_str()).collect();
        assert_eq!(keys, ["k7", "k40", "k199999"]);
        let first = doc.duplicates[1].first;
        assert_eq!(&text[first.start..first.end], "\"k40\"");
    }

    #[test]
    fn unicode_escapes() {
        let doc = parse(r#""\u00e9\ud83d\ude00""#, 0).unwrap();
        assert_eq!(doc.root.as_str(), Some("é😀"));
    }
}
