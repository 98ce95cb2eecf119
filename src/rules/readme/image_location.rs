use super::{classify, repo_name, ImageSrc};
use crate::diagnostic::Finding;
use crate::repo::RepoKind;
use crate::rules::{Context, Rule, RuleMeta};

pub struct ImageLocation;

static META: RuleMeta = RuleMeta {
    id: "readme/image-location",
    summary: "a README.md image is not in the integration's `images/` folder or not linked as ddev requires",
    explanation: "\
README images must be checked into the integration's `images/` folder and, in extras and core,
be linked as `https://raw.githubusercontent.com/DataDog/<repo>/master/<dir>/images/<file>` (the
documentation site renders READMEs away from the repository, so relative links break). The
Marketplace may also use a relative `images/<file>` path (without a leading `/`). Images hosted
elsewhere can disappear or change without review.

Bad:   ![Dashboard](images/dashboard.png)                        (extras)
       <img src=\"https://example.com/dashboard.png\">
Good:  ![Dashboard](https://raw.githubusercontent.com/DataDog/integrations-extras/master/acme/images/dashboard.png)",
    ..RuleMeta::DEFAULT
};

impl Rule for ImageLocation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let m = ctx.integration;
        let Some(readme) = &m.readme else { return };
        let kind = ctx.kind();
        let canonical = |file: &str| {
            format!(
                "https://raw.githubusercontent.com/DataDog/{}/master/{}/images/{file}",
                repo_name(kind),
                m.name
            )
        };
        for img in &readme.doc.images {
            let file = img
                .src
                .split(['?', '#'])
                .next()
                .unwrap_or("")
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_string();
            let file = if file.is_empty() {
                "<file>".to_string()
            } else {
                file
            };
            let (msg, help) = match classify(&img.src, kind, &m.name) {
                ImageSrc::RepoUrl {
                    in_images: true, ..
                }
                | ImageSrc::RelativeImages { .. } => continue,
                ImageSrc::RepoUrl { .. } => (
                    format!("image `{}` is not in `{}/images/`", img.src, m.name),
                    format!(
                        "move the image to `{}/images/` and link it as `{}`",
                        m.name,
                        canonical(&file)
                    ),
                ),
                ImageSrc::Relative { .. } if kind == RepoKind::Marketplace => (
                    format!("image `{}` is outside the `images/` folder", img.src),
                    format!("move it to `images/` and link it as `images/{file}`"),
                ),
                ImageSrc::Relative { .. } => (
                    format!("image `{}` is a relative link", img.src),
                    format!("link it as `{}`", canonical(&file)),
                ),
                ImageSrc::Elsewhere => (
                    format!(
                        "image `{}` is not served from the integration's `images/` folder",
                        img.src
                    ),
                    if kind == RepoKind::Marketplace {
                        format!(
                            "check the image into `{}/images/` and link it as `images/{file}`",
                            m.name
                        )
                    } else {
                        format!(
                            "check the image into `{}/images/` and link it as `{}`",
                            m.name,
                            canonical(&file)
                        )
                    },
                ),
            };
            out.push(Finding::at(&readme.source, img.span, msg).help(help));
        }
    }
}
