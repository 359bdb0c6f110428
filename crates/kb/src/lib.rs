//! Dateline's knowledge base: what the recogniser knows about the world.
//!
//! - [`Country`]: every ISO 3166-1 entry with its CAMEO code, names and demonyms;
//! - [`Actor`]: people, organisations and government metonyms with CAMEO codes
//!   that depend on the date ([`DatedCode`]: Donald Trump is `USAGOV` from
//!   2017-01-20 to 2021-01-20 and from 2025-01-20, `USAELI` otherwise);
//! - [`Agent`]: generic actor nouns and titles with their CAMEO roles
//!   ("military" `MIL`, "president" `GOV`);
//! - [`Place`]: a GeoNames gazetteer of continents, countries, admin-1 regions
//!   and cities of 15,000 people or more.
//!
//! Everything is data in the Dateline TSV format (described in `data/README.md`),
//! compiled into the binary: [`Kb::builtin`] needs no files at run time. User
//! files passed to [`Kb::extend_from`] add entries or replace built-in ones
//! with the same id; their bad lines come back as [`KbDiagnostic`]s naming
//! file and line while the rest loads.
//!
//! ```
//! use chrono::NaiveDate;
//! use dateline_kb::Kb;
//!
//! let mut kb = Kb::builtin().unwrap();
//! let trump = kb.actors().iter().find(|a| a.name == "Donald Trump").unwrap();
//! let on = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
//! assert_eq!(trump.code_on(on("2024-11-11")).unwrap().as_str(), "USAELI");
//! assert_eq!(trump.code_on(on("2025-03-01")).unwrap().as_str(), "USAGOV");
//!
//! let user = "#kind: actors\nid\ttype\tname\tcodes\tcountry\n\
//!             local:mayor\tperson\tOlena Kovalenko\tUKRGOV@2020-11-01..\tUKR\n";
//! assert!(kb.extend_from_str("my-actors.tsv", user).is_empty());
//! assert_eq!(kb.actor("local:mayor").unwrap().country.as_deref(), Some("UKR"));
//! ```

#![deny(missing_debug_implementations)]

mod builtin;
pub mod dated;
mod entries;
mod error;
mod inflect;
mod kb;
pub mod petrarch;
mod tsv;

pub use builtin::load_builtin;
pub use dated::{DateRange, DatedCode};
pub use entries::{Actor, ActorType, Agent, AgentClass, Country, Cue, Place};
pub use error::{KbDiagnostic, KbError};
pub use inflect::plural;
pub use kb::Kb;
pub use tsv::split_list;
