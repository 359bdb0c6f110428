//! `dateline serve`: the HTTP API and web explorer over a store, read-only
//! unless started with a write token.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use dateline_serve::{App, ServeConfig, WriteAccess, WriteToken};

use crate::cmd::ingest::DbArgs;

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// Accept `POST /api/ingest` from requests bearing the token in this
    /// file (`Authorization: Bearer TOKEN`); without it the server is read-only.
    #[arg(long, value_name = "FILE")]
    pub write_token: Option<PathBuf>,
    /// Database connections for readers.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub connections: usize,
    /// Longest a request's queries may run, in milliseconds (exports: six times this).
    #[arg(long, value_name = "MS", default_value_t = 5000)]
    pub query_time_ms: u64,
    /// Most events one export may hold.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub max_export: usize,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let write = match &args.write_token {
        Some(path) => WriteAccess::Token(WriteToken::from_file(path)?),
        None => WriteAccess::ReadOnly,
    };
    let config = ServeConfig {
        connections: args.connections.max(1),
        query_time: Duration::from_millis(args.query_time_ms.max(1)),
        max_export: args.max_export.max(1),
        write,
        ..ServeConfig::new(&args.db.location())
    };
    let app = App::open(config)?;
    let writable = app.writable();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(dateline_serve::serve(app, args.bind, |addr| {
        let mode = if writable {
            "POST /api/ingest needs the write token"
        } else {
            "read-only"
        };
        // The address goes to standard output so scripts (and tests) can read the port.
        println!(
            "dateline: serving {} on http://{addr}/ ({mode}); Ctrl-C stops",
            args.db.location()
        );
    }))?;
    Ok(ExitCode::SUCCESS)
}
