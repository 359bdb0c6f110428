//! One module per command.

pub mod actors;
pub mod code;
pub mod eval;
pub mod kb;
pub mod read;

use dateline_pipeline::Pipeline;

use crate::args::KnowledgeArgs;

/// Builds the pipeline, printing problems found in user dictionaries.
pub fn build_pipeline(knowledge: &KnowledgeArgs) -> anyhow::Result<Pipeline> {
    let (pipeline, problems) = Pipeline::build(&knowledge.pipeline_config())?;
    for problem in problems {
        eprintln!("dateline: warning: {problem}");
    }
    Ok(pipeline)
}
