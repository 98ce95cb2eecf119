//! Rules of this family (one rule per file): README.md, read through
//! [`crate::parse::markdown`].

use super::Rule;
use crate::repo::RepoKind;

mod image_location;
mod image_missing;
mod manifest_anchor;
mod missing;
mod non_ascii;
mod required_section;

/// The GitHub repository README images are served from (ddev: `DataDog/<repo full name>`).
pub fn repo_name(kind: RepoKind) -> &'static str {
    match kind {
        RepoKind::Extras => "integrations-extras",
        RepoKind::Core => "integrations-core",
        RepoKind::Marketplace => "marketplace",
    }
}

/// How an image source is served, as ddev `validate readmes` sees it.
#[derive(Debug, PartialEq, Eq)]
pub enum ImageSrc {
    /// `https://raw.githubusercontent.com/DataDog/<repo>/…`: ddev looks for
    /// `<dir>/images/<basename>`. `in_images` says whether the URL's path really is
    /// `<branch>/<dir>/images/…`.
    RepoUrl { basename: String, in_images: bool },
    /// Marketplace: a relative `images/…` path.
    RelativeImages { rel: String },
    /// Another relative path inside the integration.
    Relative { rel: String },
    /// Any other URL or an absolute path.
    Elsewhere,
}

fn strip_query(s: &str) -> &str {
    let end = s.find(['?', '#']).unwrap_or(s.len());
    &s[..end]
}

pub fn classify(src: &str, kind: RepoKind, dir: &str) -> ImageSrc {
    let prefix = format!(
        "https://raw.githubusercontent.com/DataDog/{}",
        repo_name(kind)
    );
    if let Some(rest) = src.strip_prefix(&prefix) {
        let path = strip_query(rest);
        let basename = path.rsplit('/').next().unwrap_or("").to_string();
        // `/<branch>/<dir>/images/<file>`
        let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        let in_images = parts.len() >= 4
            && parts.get(1) == Some(&dir)
            && parts.get(2) == Some(&"images")
            && !basename.is_empty()
            && path.starts_with('/');
        return ImageSrc::RepoUrl {
            basename,
            in_images,
        };
    }
    let lower = src.to_ascii_lowercase();
    if src.starts_with('/')
        || src.starts_with('\\')
        || lower.contains("://")
        || lower.starts_with("data:")
        || lower.starts_with("mailto:")
        || lower.starts_with("//")
    {
        return ImageSrc::Elsewhere;
    }
    let path = strip_query(src);
    let Some(rel) = crate::model::normalize_rel(path) else {
        return ImageSrc::Elsewhere;
    };
    if kind == RepoKind::Marketplace && src.starts_with("images/") {
        return ImageSrc::RelativeImages { rel };
    }
    ImageSrc::Relative { rel }
}

pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &missing::Missing,
        &required_section::RequiredSection,
        &non_ascii::NonAscii,
        &image_missing::ImageMissing,
        &image_location::ImageLocation,
        &manifest_anchor::ManifestAnchor,
    ]
}
