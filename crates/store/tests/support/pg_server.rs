//! A throw-away PostgreSQL server for tests and benchmarks.
//!
//! The first call starts one server per test process from Debian's
//! binaries (`/usr/lib/postgresql/*/bin`, or `$DATELINE_PG_BIN`): `initdb`
//! into a temporary directory, `pg_ctl start` on a free local port, as the
//! `postgres` user when running as root (PostgreSQL refuses to run as
//! root). A watchdog process stops the server and deletes the directory when
//! the test process exits, however it exits. Each caller gets its own fresh
//! database. Missing binaries fail loudly: run `scripts/ci/postgres.sh`.

#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A running server.
#[derive(Debug)]
pub struct PgServer {
    pub port: u16,
    dir: PathBuf,
}

static SERVER: OnceLock<Result<PgServer, String>> = OnceLock::new();
static DATABASES: AtomicUsize = AtomicUsize::new(0);

/// The URL of a new, empty database on the shared test server.
pub fn fresh_database_url() -> String {
    let server = SERVER
        .get_or_init(start)
        .as_ref()
        .unwrap_or_else(|err| panic!("{err}"));
    let name = format!(
        "dl_{}_{}",
        std::process::id(),
        DATABASES.fetch_add(1, Ordering::SeqCst)
    );
    let admin = format!("postgres://dateline@127.0.0.1:{}/postgres", server.port);
    let mut client = postgres::Client::connect(&admin, postgres::NoTls)
        .unwrap_or_else(|err| panic!("cannot reach the test PostgreSQL server: {err}"));
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap_or_else(|err| panic!("cannot create test database {name}: {err}"));
    format!("postgres://dateline@127.0.0.1:{}/{name}", server.port)
}

fn start() -> Result<PgServer, String> {
    let bin = binaries()?;
    let dir = std::env::temp_dir().join(format!(
        "dateline-pg-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    ));
    let data = dir.join("data");
    std::fs::create_dir_all(&dir)
        .map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    let runner = Runner::for_current_user(&dir)?;
    runner.run(
        &bin.join("initdb"),
        &[
            "-D",
            path_str(&data),
            "-U",
            "dateline",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
    )?;
    let mut last_error = String::new();
    for _attempt in 0..3 {
        let port = free_port()?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            path_str(&dir)
        );
        let log = dir.join("server.log");
        let started = runner.run(
            &bin.join("pg_ctl"),
            &[
                "-D",
                path_str(&data),
                "-l",
                path_str(&log),
                "-o",
                &options,
                "-w",
                "-t",
                "60",
                "start",
            ],
        );
        match started {
            Ok(()) => {
                runner.watch(&bin.join("pg_ctl"), &data, &dir);
                return Ok(PgServer { port, dir });
            }
            Err(err) => {
                let log = std::fs::read_to_string(&log).unwrap_or_default();
                last_error = format!("{err}\n{log}");
            }
        }
    }
    Err(format!(
        "cannot start the test PostgreSQL server: {last_error}"
    ))
}

/// The newest `/usr/lib/postgresql/N/bin` holding `initdb` and `pg_ctl`.
fn binaries() -> Result<PathBuf, String> {
    if let Ok(bin) = std::env::var("DATELINE_PG_BIN") {
        let bin = PathBuf::from(bin);
        if !bin.join("initdb").exists() || !bin.join("pg_ctl").exists() {
            return Err(format!(
                "DATELINE_PG_BIN={} holds no initdb and pg_ctl: run scripts/ci/postgres.sh \
                 (installs Debian's postgresql package)",
                bin.display()
            ));
        }
        return Ok(bin);
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            (bin.join("initdb").exists() && bin.join("pg_ctl").exists()).then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin).ok_or_else(|| {
        "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin: \
         run scripts/ci/postgres.sh (installs Debian's postgresql package), \
         or set DATELINE_PG_BIN to a directory holding initdb and pg_ctl"
            .to_string()
    })
}

fn free_port() -> Result<u16, String> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|err| format!("no free port: {err}"))?;
    listener
        .local_addr()
        .map(|addr| addr.port())
        .map_err(|err| format!("no free port: {err}"))
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// Runs server commands as this user, or as `postgres` when this is root.
struct Runner {
    as_user: Option<&'static str>,
}

impl Runner {
    fn for_current_user(dir: &Path) -> Result<Runner, String> {
        let uid = Command::new("id")
            .arg("-u")
            .output()
            .map_err(|err| format!("cannot run id: {err}"))?;
        if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
            return Ok(Runner { as_user: None });
        }
        let user = ["postgres", "nobody"]
            .into_iter()
            .find(|user| {
                Command::new("id")
                    .arg(user)
                    .output()
                    .is_ok_and(|o| o.status.success())
            })
            .ok_or("running as root, but there is neither a postgres nor a nobody user")?;
        let chown = Command::new("chown")
            .args(["-R", user, path_str(dir)])
            .status()
            .map_err(|err| format!("cannot run chown: {err}"))?;
        if !chown.success() {
            return Err(format!("chown {user} {} failed", dir.display()));
        }
        Ok(Runner {
            as_user: Some(user),
        })
    }

    fn command(&self, program: &Path) -> Command {
        match self.as_user {
            Some(user) => {
                let mut command = Command::new("runuser");
                command.args(["-u", user, "--"]).arg(program);
                command
            }
            None => Command::new(program),
        }
    }

    fn run(&self, program: &Path, args: &[&str]) -> Result<(), String> {
        let output = self
            .command(program)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|err| format!("cannot run {}: {err}", program.display()))?;
        if output.status.success() {
            return Ok(());
        }
        Err(format!(
            "{} failed: {}{}",
            program.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }

    /// Stops the server and removes its directory once this process is gone.
    fn watch(&self, pg_ctl: &Path, data: &Path, dir: &Path) {
        let prefix = match self.as_user {
            Some(user) => format!("runuser -u {user} -- "),
            None => String::new(),
        };
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 1; done; \
             {prefix}'{pg_ctl}' -D '{data}' -m immediate stop; rm -rf '{dir}'",
            pid = std::process::id(),
            pg_ctl = pg_ctl.display(),
            data = data.display(),
            dir = dir.display(),
        );
        let spawned = Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        if let Err(err) = spawned {
            eprintln!(
                "warning: no watchdog for the test server in {}: {err}",
                dir.display()
            );
        }
    }
}
