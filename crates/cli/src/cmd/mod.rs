//! One module per command.

pub mod actors;
pub mod code;
pub mod dictionaries;
pub mod eval;
pub mod events;
pub mod ingest;
pub mod kb;
pub mod network;
pub mod parse;
pub mod read;
pub mod serve;
pub mod show;
pub mod timeline;

use dateline_pipeline::{Pipeline, PipelineError, ProblemPolicy};

use crate::args::KnowledgeArgs;

/// Builds the pipeline, printing problems found in user dictionaries
/// (fatal under [`ProblemPolicy::Fail`]).
pub fn build_pipeline(
    knowledge: &KnowledgeArgs,
    policy: ProblemPolicy,
) -> anyhow::Result<Pipeline> {
    let config = knowledge.pipeline_config(policy)?;
    let (pipeline, problems) = match Pipeline::build(&config) {
        Err(PipelineError::Dictionary(problems)) => {
            for problem in &problems {
                eprintln!("dateline: error: {problem}");
            }
            anyhow::bail!("{} problem(s) in dictionaries (--strict)", problems.len());
        }
        built => built?,
    };
    for problem in problems {
        eprintln!("dateline: warning: {problem}");
    }
    Ok(pipeline)
}
