//! `CHANGELOG.md` in the format the Datadog docs prescribe for extras and marketplace:
//!
//! ```text
//! # CHANGELOG - <name>
//!
//! ## 1.1.0 / 2024-03-02
//!
//! ***Added***:
//!
//! * Something new
//! ```
//!
//! The parser yields the title, every release (version, date, heading span), its sections and
//! bullet items, and the lines that look like release headings or section markers but are
//! malformed, each at its position. It never fails: whatever the text, a [`Changelog`] comes out.

use super::lines::{atx, trim_span};
use crate::source::{SourceFile, Span};

/// The six change types ddev knows (`CHANGELOG_TYPES_ORDERED`).
pub const CHANGE_TYPES: &[&str] = &[
    "Added",
    "Fixed",
    "Changed",
    "Removed",
    "Security",
    "Deprecated",
];

#[derive(Debug, Default)]
pub struct Changelog {
    /// The first non-blank line, when it is an H1 that is not a release heading.
    pub title: Option<Title>,
    /// Span of the first non-blank line (the title's place), if any.
    pub first_line: Option<Span>,
    pub releases: Vec<Release>,
    /// Malformed release headings and section markers, in file order.
    pub problems: Vec<Problem>,
}

#[derive(Debug, Clone)]
pub struct Title {
    /// The heading text after `# `, trimmed.
    pub text: String,
    /// The whole line.
    pub span: Span,
}

/// A calendar date `YYYY-MM-DD` (already checked to exist).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone)]
pub struct DateField {
    pub text: String,
    pub span: Span,
    /// `None` when the text is not a real calendar date in `YYYY-MM-DD` form.
    pub date: Option<Date>,
}

#[derive(Debug, Clone)]
pub struct Release {
    /// The whole heading line.
    pub heading: Span,
    /// Heading level (1–6; 0 for a setext heading).
    pub level: usize,
    /// The version as written (without brackets or a `v` prefix).
    pub version_text: String,
    pub version_span: Span,
    /// The version parsed as SemVer 2.0.0.
    pub version: Option<semver::Version>,
    pub date: Option<DateField>,
    /// The heading has the canonical shape (`## X.Y.Z` or `## X.Y.Z / date`); when false a
    /// `HeadingFormat` problem was recorded for it.
    pub well_formed: bool,
    pub sections: Vec<Section>,
    /// Bullet items directly under the heading, before any section marker.
    pub items: Vec<Item>,
}

impl Release {
    /// Every bullet item of the release.
    pub fn item_count(&self) -> usize {
        self.items.len() + self.sections.iter().map(|s| s.items.len()).sum::<usize>()
    }
}

/// How a section marker is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerStyle {
    /// `***Added***:`, `_**Added**_:` or `**_Added_**:` (they render the same), colon optional.
    Canonical,
    /// Other emphasis (`**Added**`, `***Added:***`) or a heading (`### Added`).
    Other,
}

#[derive(Debug, Clone)]
pub struct Section {
    /// The change type as written (`Added`).
    pub name: String,
    /// The marker line, trimmed.
    pub span: Span,
    pub style: MarkerStyle,
    /// One of [`CHANGE_TYPES`], written exactly.
    pub known: bool,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub struct Item {
    /// The item's first line after the bullet.
    pub text: String,
    /// The bullet line.
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// A release heading of the wrong level or shape, or a `##` heading that is no release.
    HeadingFormat,
    /// A section marker that is not one of the six types in an accepted style.
    UnknownSection,
}

#[derive(Debug, Clone)]
pub struct Problem {
    pub kind: ProblemKind,
    pub span: Span,
    pub message: String,
    pub help: String,
}

fn is_fence(line: &str) -> Option<&'static str> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    if t.starts_with("```") {
        Some("```")
    } else if t.starts_with("~~~") {
        Some("~~~")
    } else {
        None
    }
}

fn version_like(s: &str) -> bool {
    let s = s.strip_prefix('[').unwrap_or(s);
    let s = s
        .strip_prefix('v')
        .or_else(|| s.strip_prefix('V'))
        .unwrap_or(s);
    s.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Parse `YYYY-MM-DD` into a real calendar date.
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !b
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return None;
    }
    let year: i32 = s[0..4].parse().ok()?;
    let month: u32 = s[5..7].parse().ok()?;
    let day: u32 = s[8..10].parse().ok()?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(Date { year, month, day })
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// The civil (UTC) date of a count of days since 1970-01-01 (H. Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    Date {
        year: y as i32,
        month: m as u32,
        day: d as u32,
    }
}

/// Today's date (UTC) from the system clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    civil_from_days(secs.div_euclid(86_400))
}

/// A section marker line (`***Added***:`): its change type and style.
fn marker(t: &str) -> Option<(&str, MarkerStyle)> {
    let body = t.strip_suffix(':').map(str::trim_end).unwrap_or(t);
    let lead_len = body
        .bytes()
        .take_while(|b| *b == b'*' || *b == b'_')
        .count();
    if lead_len == 0 || lead_len == body.len() {
        return None;
    }
    let trail_len = body
        .bytes()
        .rev()
        .take_while(|b| *b == b'*' || *b == b'_')
        .count();
    if trail_len == 0 {
        return None;
    }
    let lead = &body[..lead_len];
    let trail = &body[body.len() - trail_len..];
    let inner = &body[lead_len..body.len() - trail_len];
    let (name, colon_inside) = match inner.strip_suffix(':') {
        Some(n) => (n, true),
        None => (inner, false),
    };
    if name.is_empty()
        || name.len() > 40
        || !name.chars().all(|c| c.is_alphabetic() || c == ' ')
        || name.starts_with(' ')
        || name.ends_with(' ')
    {
        return None;
    }
    let canonical_emphasis = matches!(
        (lead, trail),
        ("***", "***") | ("_**", "**_") | ("**_", "_**") | ("___", "___")
    );
    let style = if canonical_emphasis && !colon_inside {
        MarkerStyle::Canonical
    } else {
        MarkerStyle::Other
    };
    Some((name, style))
}

/// `(indent, offset of the text after the bullet)` of a list item line.
fn bullet(line: &str) -> Option<(usize, usize)> {
    let t = line.trim_start_matches([' ', '\t']);
    let indent = line.len() - t.len();
    let mut chars = t.chars();
    let b = chars.next()?;
    if !matches!(b, '*' | '-' | '+') {
        return None;
    }
    let rest = &t[1..];
    if rest.is_empty() {
        return Some((indent, indent + 1));
    }
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    // `***`, `---`, `* * *` are thematic breaks, not items.
    if rest.trim().chars().all(|c| c == b || c == ' ') && !rest.trim().is_empty() {
        return None;
    }
    let text = rest.trim_start();
    Some((indent, indent + 1 + (rest.len() - text.len())))
}

struct HeadingParts {
    version_text: String,
    version_span: Span,
    date: Option<DateField>,
    /// Why the shape is not canonical, if it is not.
    shape_error: Option<String>,
}

/// Split the text of a release heading (`1.0.0 / 2023-01-01`) starting at byte `base`.
fn release_parts(content: &str, base: usize) -> HeadingParts {
    let mut shape_error = None;
    let (ver, ver_off, rest, rest_off) = if let Some(inner) = content.strip_prefix('[') {
        match inner.find(']') {
            Some(close) => (&inner[..close], 1, &inner[close + 1..], close + 2),
            None => {
                shape_error = Some("the `[` before the version is never closed".to_string());
                let end = inner.find([' ', '\t', '/']).unwrap_or(inner.len());
                (&inner[..end], 1, &inner[end..], end + 1)
            }
        }
    } else {
        let end = content.find([' ', '\t', '/']).unwrap_or(content.len());
        (&content[..end], 0, &content[end..], end)
    };
    let (ver, ver_off) = match ver.strip_prefix(['v', 'V']) {
        Some(v) => {
            shape_error.get_or_insert_with(|| format!("the version `{ver}` has a `v` prefix"));
            (v, ver_off + 1)
        }
        None => (ver, ver_off),
    };
    let version_span = Span::new(base + ver_off, base + ver_off + ver.len());
    let mut date = None;
    let rest_t = rest.trim_end();
    if !rest_t.trim_start().is_empty() {
        let lead_ws = rest_t.len() - rest_t.trim_start().len();
        let after_ws = &rest_t[lead_ws..];
        if let Some(after_slash) = after_ws.strip_prefix('/') {
            let sp = after_slash.len() - after_slash.trim_start().len();
            if lead_ws == 0 || sp == 0 {
                shape_error.get_or_insert_with(|| {
                    "the `/` between version and date must have a space on each side".to_string()
                });
            }
            let dtext_all = after_slash.trim_start();
            let dend = dtext_all.find([' ', '\t']).unwrap_or(dtext_all.len());
            let dtext = &dtext_all[..dend];
            let dstart = base + rest_off + lead_ws + 1 + sp;
            if !dtext.is_empty() {
                date = Some(DateField {
                    text: dtext.to_string(),
                    span: Span::new(dstart, dstart + dtext.len()),
                    date: parse_date(dtext),
                });
            }
            let tail = dtext_all[dend..].trim();
            // Core's older headings carry `/ Agent X.Y.Z` after the date.
            if !tail.is_empty() && !tail.starts_with('/') {
                shape_error
                    .get_or_insert_with(|| format!("unexpected text `{tail}` after the date"));
            }
        } else {
            shape_error
                .get_or_insert_with(|| format!("unexpected text `{}` after the version", after_ws));
        }
    }
    HeadingParts {
        version_text: ver.to_string(),
        version_span,
        date,
        shape_error,
    }
}

pub fn parse(source: &SourceFile) -> Changelog {
    let mut doc = Changelog::default();
    let n = source.line_count();
    let mut fence: Option<&'static str> = None;
    // Index in `doc.releases` of the release being filled, and whether a section is open.
    let mut in_section = false;
    let mut seen_content = false;
    let mut skip_next = false;
    for idx in 0..n {
        if skip_next {
            skip_next = false;
            continue;
        }
        let span = source.line_span(idx);
        let line = source.slice(span);
        if let Some(f) = fence {
            if line.trim_start().starts_with(f) {
                fence = None;
            }
            continue;
        }
        if let Some(f) = is_fence(line) {
            fence = Some(f);
            seen_content = true;
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let first = !seen_content;
        seen_content = true;
        let tspan = trim_span(source, span);
        if first {
            doc.first_line = Some(tspan);
        }

        if let Some((level, off)) = atx(line) {
            let content_full = &line[off..];
            // Drop a closing sequence of `#` (`## 1.0.0 ##`).
            let content = content_full.trim_end();
            let content = match content.trim_end_matches('#') {
                c if c.len() < content.len() && (c.is_empty() || c.ends_with(' ')) => c.trim_end(),
                _ => content,
            };
            let base = span.start + off;
            if version_like(content) {
                let parts = release_parts(content, base);
                let mut shape_error = parts.shape_error;
                if level != 2 {
                    shape_error = Some(format!(
                        "a release heading must be an H2 (`## `), not {}",
                        if level == 1 {
                            "an H1 (`# `)".to_string()
                        } else {
                            format!("an H{level} (`{} `)", "#".repeat(level))
                        }
                    ));
                }
                push_release(
                    &mut doc,
                    source,
                    tspan,
                    level,
                    parts.version_text,
                    parts.version_span,
                    parts.date,
                    shape_error,
                );
                in_section = false;
                continue;
            }
            if level == 1 && first {
                doc.title = Some(Title {
                    text: content.to_string(),
                    span: tspan,
                });
                continue;
            }
            if level == 2 {
                doc.problems.push(Problem {
                    kind: ProblemKind::HeadingFormat,
                    span: tspan,
                    message: format!("`{}` is not a release heading", source.slice(tspan)),
                    help: "write release headings as `## X.Y.Z / YYYY-MM-DD`".into(),
                });
                continue;
            }
            if level >= 3 && !doc.releases.is_empty() {
                let name = content.trim_end_matches(':').trim();
                if !name.is_empty() && name.chars().all(|c| c.is_alphabetic() || c == ' ') {
                    open_section(
                        &mut doc,
                        source,
                        tspan,
                        name.to_string(),
                        MarkerStyle::Other,
                    );
                    in_section = true;
                }
            }
            continue;
        }

        // Setext heading (`1.0.0` underlined with `===` or `---`).
        if version_like(line.trim()) && idx + 1 < n {
            let next = source.line_text(idx + 1).trim();
            if !next.is_empty()
                && (next.bytes().all(|b| b == b'=') || next.bytes().all(|b| b == b'-'))
            {
                let content = line.trim();
                let base = tspan.start;
                let parts = release_parts(content, base);
                let full = Span::new(tspan.start, source.line_span(idx + 1).end);
                push_release(
                    &mut doc,
                    source,
                    full,
                    0,
                    parts.version_text,
                    parts.version_span,
                    parts.date,
                    Some("a release heading must be an ATX H2 (`## `), not an underlined (setext) heading".into()),
                );
                in_section = false;
                skip_next = true;
                continue;
            }
        }

        let trimmed = line.trim();
        if let Some((name, style)) = marker(trimmed) {
            if !doc.releases.is_empty() {
                open_section(&mut doc, source, tspan, name.to_string(), style);
                in_section = true;
            }
            continue;
        }

        if let Some((indent, text_off)) = bullet(line) {
            // Nested bullets belong to the item above them.
            if indent >= 2 {
                continue;
            }
            let Some(release) = doc.releases.last_mut() else {
                continue;
            };
            let item = Item {
                text: line[text_off..].trim().to_string(),
                span: tspan,
            };
            match release.sections.last_mut() {
                Some(section) if in_section => section.items.push(item),
                _ => release.items.push(item),
            }
        }
    }
    doc
}

#[allow(clippy::too_many_arguments)]
fn push_release(
    doc: &mut Changelog,
    source: &SourceFile,
    heading: Span,
    level: usize,
    version_text: String,
    version_span: Span,
    date: Option<DateField>,
    shape_error: Option<String>,
) {
    let version = semver::Version::parse(&version_text).ok();
    if let Some(why) = &shape_error {
        doc.problems.push(Problem {
            kind: ProblemKind::HeadingFormat,
            span: heading,
            message: format!(
                "malformed release heading `{}`: {why}",
                first_line(source.slice(heading))
            ),
            help: match (&version, &date) {
                (Some(v), Some(d)) => format!("write it as `## {v} / {}`", d.text),
                (Some(v), None) => format!("write it as `## {v} / YYYY-MM-DD`"),
                _ => "write release headings as `## X.Y.Z / YYYY-MM-DD`".into(),
            },
        });
    }
    doc.releases.push(Release {
        heading,
        level,
        version_text,
        version_span,
        version,
        date,
        well_formed: shape_error.is_none(),
        sections: Vec::new(),
        items: Vec::new(),
    });
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("").trim_end()
}

fn open_section(
    doc: &mut Changelog,
    source: &SourceFile,
    span: Span,
    name: String,
    style: MarkerStyle,
) {
    let known = CHANGE_TYPES.contains(&name.as_str());
    if !known || style != MarkerStyle::Canonical {
        let text = source.slice(span);
        let suggestion = CHANGE_TYPES
            .iter()
            .find(|t| t.eq_ignore_ascii_case(&name))
            .map(|t| format!("write `***{t}***:`"))
            .unwrap_or_else(|| {
                format!(
                    "use one of {}, written as `***Added***:`",
                    CHANGE_TYPES.join(", ")
                )
            });
        let message = if known {
            format!("section marker `{text}` is not written as `***{name}***:`")
        } else {
            format!("unknown section `{text}`")
        };
        doc.problems.push(Problem {
            kind: ProblemKind::UnknownSection,
            span,
            message,
            help: suggestion,
        });
    }
    if let Some(release) = doc.releases.last_mut() {
        release.sections.push(Section {
            name,
            span,
            style,
            known,
            items: Vec::new(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> (SourceFile, Changelog) {
        let f = SourceFile::new("CHANGELOG.md", text.to_string());
        let c = parse(&f);
        (f, c)
    }

    #[test]
    fn canonical() {
        let (f, c) = p("# CHANGELOG - Foo\n\n## 1.1.0 / 2024-03-02\n\n***Added***:\n\n* One\n* Two\n\n***Fixed***\n\n* Three\n\n## [1.0.0] / 2023-11-20\n\n_**Added**_:\n\n* Initial Release\n");
        assert_eq!(
            c.title.as_ref().map(|t| t.text.as_str()),
            Some("CHANGELOG - Foo")
        );
        assert_eq!(c.releases.len(), 2);
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        let r = &c.releases[0];
        assert_eq!(f.slice(r.version_span), "1.1.0");
        assert_eq!(r.date.as_ref().map(|d| f.slice(d.span)), Some("2024-03-02"));
        assert_eq!(r.sections.len(), 2);
        assert_eq!(r.item_count(), 3);
        assert_eq!(f.slice(c.releases[1].version_span), "1.0.0");
        assert_eq!(c.releases[1].item_count(), 1);
    }

    #[test]
    fn malformed_headings() {
        let (f, c) = p(
            "## 1.0.0/ 2023-01-01\n* a\n### 0.9.0 / 2022-01-01\n## v1.0\n## Unreleased\n# 0.1.0\n",
        );
        assert!(c.title.is_none());
        assert_eq!(c.releases.len(), 4);
        let kinds: Vec<_> = c
            .problems
            .iter()
            .map(|p| f.position(p.span.start).line)
            .collect();
        assert_eq!(kinds, vec![1, 3, 4, 5, 6]);
        assert!(c.releases.iter().all(|r| !r.well_formed));
    }

    #[test]
    fn setext_and_sections() {
        let (_, c) =
            p("# CHANGELOG - X\n\n1.0.0\n=====\n\n### Added\n\n- thing\n\n**Changes**\n* y\n");
        assert_eq!(c.releases.len(), 1);
        assert_eq!(c.releases[0].level, 0);
        assert_eq!(c.releases[0].item_count(), 2);
        assert_eq!(c.problems.len(), 3);
    }

    #[test]
    fn dates() {
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date("2023-02-29").is_none());
        assert!(parse_date("2023-13-01").is_none());
        assert!(parse_date("2023-1-01").is_none());
        assert_eq!(
            civil_from_days(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            civil_from_days(19_782),
            Date {
                year: 2024,
                month: 2,
                day: 29
            }
        );
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for s in [
            "",
            "#",
            "## ",
            "## [",
            "## [1.0.0",
            "## 1.0.0 /",
            "***",
            "* ",
            "1.0.0\n",
            "## 1.0.0 / é",
            "```\n## 1\n",
            "__:\n",
            "## 1.0.0 / 2023-01-01 / Agent 7",
        ] {
            let _ = p(s);
        }
    }
}
