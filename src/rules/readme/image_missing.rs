use super::{classify, ImageSrc};
use crate::diagnostic::Finding;
use crate::rules::{Context, Rule, RuleMeta};

pub struct ImageMissing;

static META: RuleMeta = RuleMeta {
    id: "readme/image-missing",
    summary: "README.md references a local image that does not exist",
    explanation: "\
README images are served from the integration's `images/` folder. For an image linked as
`https://raw.githubusercontent.com/DataDog/<repo>/master/<dir>/images/<file>` (or, in the
Marketplace, as `images/<file>`), `ddev validate readmes` requires `<dir>/images/<file>` to
exist; a relative link to any other file of the integration must exist too. A missing file is a
broken image on the documentation site.

Bad:   ![Dashboard](https://raw.githubusercontent.com/DataDog/integrations-extras/master/acme/images/dashbaord.png)
       with only acme/images/dashboard.png in the repository
Good:  ![Dashboard](https://raw.githubusercontent.com/DataDog/integrations-extras/master/acme/images/dashboard.png)",
    ..RuleMeta::DEFAULT
};

impl Rule for ImageMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let m = ctx.integration;
        let Some(readme) = &m.readme else { return };
        for img in &readme.doc.images {
            let wanted = match classify(&img.src, ctx.kind(), &m.name) {
                ImageSrc::RepoUrl { basename, .. } if !basename.is_empty() => {
                    format!("images/{basename}")
                }
                ImageSrc::RelativeImages { rel } => {
                    format!("images/{}", rel.rsplit('/').next().unwrap_or(&rel))
                }
                ImageSrc::Relative { rel } => rel,
                _ => continue,
            };
            let decoded = wanted.replace("%20", " ");
            if m.tree.exists(&wanted) || m.tree.exists(&decoded) {
                continue;
            }
            out.push(
                Finding::at(
                    &readme.source,
                    img.span,
                    format!(
                        "image `{}` does not exist: no `{}`",
                        img.src,
                        m.repo_path(&wanted)
                    ),
                )
                .help(format!(
                    "add the image as `{}`, or fix the link",
                    m.repo_path(&wanted)
                )),
            );
        }
    }
}
