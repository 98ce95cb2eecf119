//! Renderers: each turns a [`Report`](crate::Report) into one output format. They know nothing
//! about rules beyond what a diagnostic carries.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod statistics;
