//! `.github/CODEOWNERS`: one rule per line (`pattern owner...`), with spans, plus GitHub's
//! matching semantics (gitignore-style patterns; the last matching line wins).

use crate::source::{SourceFile, Span};

#[derive(Debug, Clone)]
pub struct Owner {
    pub name: String,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Entry {
    /// 0-based line index.
    pub line: usize,
    pub pattern: String,
    pub pattern_span: Span,
    pub owners: Vec<Owner>,
    /// The whole line, trimmed.
    pub span: Span,
    /// The pattern compiled to a matcher; `None` when it cannot be (never matches).
    matcher: Option<Matcher>,
}

/// Most CODEOWNERS lines are plain paths (`/acme/`): those are matched by comparing strings,
/// which spares compiling one regex per line (a tenth of a whole-repository run, serially).
#[derive(Debug, Clone)]
enum Matcher {
    /// A pattern without wildcards or escapes, trimmed of its slashes.
    Literal {
        text: String,
        anchored: bool,
    },
    Regex(regex::Regex),
}

impl Matcher {
    fn is_match(&self, path: &str) -> bool {
        match self {
            Matcher::Regex(re) => re.is_match(path),
            // The path itself or a descendant; an unanchored name also matches at any depth.
            Matcher::Literal { text, anchored } => {
                let at = |i: usize| {
                    path[i..]
                        .strip_prefix(text.as_str())
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
                };
                at(0) || !anchored && path.match_indices('/').any(|(i, _)| at(i + 1))
            }
        }
    }
}

impl Entry {
    /// ddev's key: the text between the slashes of a `/<key>/` pattern.
    pub fn ddev_key(&self) -> Option<&str> {
        let inner = self.pattern.strip_prefix('/')?.strip_suffix('/')?;
        Some(inner)
    }

    /// Whether this line's pattern applies to `path` (relative to the repository root, no
    /// leading `/`; a directory may end with `/`): the path itself or one of its parent
    /// directories matches.
    pub fn matches(&self, path: &str) -> bool {
        let path = path.trim_start_matches('/').trim_end_matches('/');
        self.matcher.as_ref().is_some_and(|m| m.is_match(path))
    }
}

#[derive(Debug, Default)]
pub struct Codeowners {
    /// Every rule line, in file order (comments, blank lines and `[Section]` headers dropped).
    pub entries: Vec<Entry>,
}

impl Codeowners {
    /// The line that decides the owners of `path` (the last matching one), as GitHub does.
    pub fn owner_of(&self, path: &str) -> Option<&Entry> {
        self.entries.iter().rev().find(|e| e.matches(path))
    }

    /// ddev's view: for each key, the last `/<key>/` line.
    pub fn ddev_entries(&self) -> std::collections::BTreeMap<&str, &Entry> {
        self.entries
            .iter()
            .filter_map(|e| Some((e.ddev_key()?, e)))
            .collect()
    }
}

/// Translate a CODEOWNERS (gitignore-style) pattern into a regex over slash-separated paths that
/// matches the path itself or any of its descendants.
fn compile(pattern: &str) -> Option<Matcher> {
    let p = pattern.trim_matches('/');
    if !p.is_empty() && !p.contains(['*', '?', '[', '\\']) {
        return Some(Matcher::Literal {
            text: p.to_string(),
            anchored: pattern.starts_with('/') || p.contains('/'),
        });
    }
    compile_regex(pattern).map(Matcher::Regex)
}

fn compile_regex(pattern: &str) -> Option<regex::Regex> {
    let mut p = pattern;
    let anchored_root = p.starts_with('/');
    p = p.trim_start_matches('/');
    let p = p.trim_end_matches('/');
    if p.is_empty() {
        // `/` alone matches everything.
        return regex::Regex::new("^.*$").ok();
    }
    let anchored = anchored_root || p.contains('/');
    let mut re = String::from("^");
    if !anchored {
        re.push_str("(?:.*/)?");
    }
    let chars: Vec<char> = p.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '*' if chars.get(i + 1) == Some(&'*') => {
                let at_start = i == 0 || chars[i - 1] == '/';
                let slash_after = chars.get(i + 2) == Some(&'/');
                if at_start && slash_after {
                    re.push_str("(?:.*/)?");
                    i += 3;
                } else {
                    re.push_str(".*");
                    i += 2;
                }
                continue;
            }
            '*' => re.push_str("[^/]*"),
            '?' => re.push_str("[^/]"),
            '[' => {
                let close = chars[i + 1..].iter().position(|c| *c == ']');
                match close {
                    Some(k) if k > 0 => {
                        let body: String = chars[i + 1..i + 1 + k].iter().collect();
                        let body = body.replacen('!', "^", usize::from(body.starts_with('!')));
                        re.push('[');
                        re.push_str(&body.replace('\\', "\\\\").replace('[', "\\["));
                        re.push(']');
                        i += k + 2;
                        continue;
                    }
                    _ => re.push_str("\\["),
                }
            }
            '\\' => {
                if let Some(n) = chars.get(i + 1) {
                    re.push_str(&regex::escape(&n.to_string()));
                    i += 2;
                    continue;
                }
            }
            c => re.push_str(&regex::escape(&c.to_string())),
        }
        i += 1;
    }
    re.push_str("(?:/.*)?$");
    regex::Regex::new(&re).ok()
}

pub fn parse(source: &SourceFile) -> Codeowners {
    let mut entries = Vec::new();
    for idx in 0..source.line_count() {
        let span = source.line_span(idx);
        let line = source.slice(span);
        // A `#` starts a comment at the start of a line or after whitespace.
        let mut end = line.len();
        let bytes = line.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'#'
                && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t')
                && (i == 0 || bytes[i - 1] != b'\\')
            {
                end = i;
                break;
            }
        }
        let content = &line[..end];
        let t = content.trim();
        if t.is_empty() {
            continue;
        }
        // GitLab-style section headers (`[Section]`, `^[Optional]`) are tolerated.
        if (t.starts_with('[') || t.starts_with("^[")) && t.contains(']') && !t.contains(' ')
            || t.starts_with('[') && t.ends_with(']')
        {
            continue;
        }
        let mut tokens = Vec::new();
        let mut off = 0;
        for tok in content.split([' ', '\t']) {
            if !tok.is_empty() {
                tokens.push((tok, span.start + off));
            }
            off += tok.len() + 1;
        }
        let Some(&(pattern, pstart)) = tokens.first() else {
            continue;
        };
        let lead = content.len() - content.trim_start().len();
        entries.push(Entry {
            line: idx,
            pattern: pattern.to_string(),
            pattern_span: Span::new(pstart, pstart + pattern.len()),
            owners: tokens[1..]
                .iter()
                .map(|(t, s)| Owner {
                    name: t.to_string(),
                    span: Span::new(*s, *s + t.len()),
                })
                .collect(),
            span: Span::new(span.start + lead, span.start + content.trim_end().len()),
            matcher: compile(pattern),
        });
    }
    Codeowners { entries }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(text: &str) -> Codeowners {
        parse(&SourceFile::new(".github/CODEOWNERS", text.to_string()))
    }

    #[test]
    fn entries_and_ddev_keys() {
        let co = c("# comment\n* @DataDog/agent\n\n/foo/   @acme/team  me@x.com # trailing\n/bar/\n[Section]\n");
        assert_eq!(co.entries.len(), 3);
        assert_eq!(co.entries[1].ddev_key(), Some("foo"));
        assert_eq!(co.entries[1].owners.len(), 2);
        let ddev = co.ddev_entries();
        assert_eq!(ddev.keys().copied().collect::<Vec<_>>(), ["bar", "foo"]);
        assert_eq!(ddev.get("bar").map(|e| e.owners.len()), Some(0));
    }

    #[test]
    fn last_match_wins() {
        let co = c("* @a\n/foo/ @b\n**/assets/logs/ @logs\n/foo/assets/ @c\n");
        assert_eq!(
            co.owner_of("foo/assets/logs/")
                .map(|e| e.owners[0].name.as_str()),
            Some("@c")
        );
        assert_eq!(
            co.owner_of("bar/assets/logs")
                .map(|e| e.owners[0].name.as_str()),
            Some("@logs")
        );
        assert_eq!(
            co.owner_of("foo/README.md")
                .map(|e| e.owners[0].name.as_str()),
            Some("@b")
        );
        assert_eq!(
            co.owner_of("x").map(|e| e.owners[0].name.as_str()),
            Some("@a")
        );
    }

    #[test]
    fn patterns() {
        let m = |p: &str, path: &str| compile(p).is_some_and(|r| r.is_match(path));
        assert!(m("logs", "foo/assets/logs"));
        assert!(!m("/logs", "foo/assets/logs"));
        assert!(m("foo/*/logs", "foo/assets/logs"));
        assert!(!m("foo/*/logs", "foo/a/b/logs"));
        assert!(m("foo/**/logs", "foo/a/b/logs"));
        assert!(m("f?o/", "foo/assets/logs"));
        assert!(m("[ef]oo", "foo"));
        assert!(!m("*.py", "foo/assets/logs"));
        assert!(m("/", "anything/here"));
    }

    #[test]
    fn literal_patterns_match_as_their_regex_would() {
        let patterns = [
            "foo",
            "/foo",
            "/foo/",
            "foo/",
            "foo/bar",
            "/foo/bar/",
            "a.b",
            "a+b",
            "é",
            "foo//bar",
            "//foo",
            "x y",
        ];
        let paths = [
            "foo",
            "foo/",
            "foo/x",
            "x/foo",
            "x/foo/y",
            "foobar",
            "xfoo",
            "foo/bar",
            "foo/bar/baz",
            "x/foo/bar",
            "a.b",
            "axb",
            "a+b/c",
            "é",
            "é/x",
            "foo//bar",
            "",
        ];
        for p in patterns {
            let fast = compile(p);
            assert!(matches!(fast, Some(Matcher::Literal { .. })), "{p}");
            let slow = compile_regex(p).map(Matcher::Regex);
            for path in paths {
                assert_eq!(
                    fast.as_ref().map(|m| m.is_match(path)),
                    slow.as_ref().map(|m| m.is_match(path)),
                    "pattern {p:?} on {path:?}"
                );
            }
        }
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for s in ["[", "\\", "[]", "/[", "** @x", "a\\", "#", "[!] x"] {
            let _ = c(s);
            let _ = compile(s);
        }
    }
}
