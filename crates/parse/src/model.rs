//! The model file: a versioned header, then one deflated payload holding
//! the tag and label inventories, the tag dictionary and both weight
//! tables (quantised to 16 bits, keys delta-coded).
//!
//! ```text
//! "DLPARSE\0"  magic, 8 bytes
//! u32 LE       format version (FORMAT_VERSION)
//! zlib stream  payload: description, tags, labels, root label, tag
//!              dictionary, tagger weights, move weights, label weights,
//!              "END\0"
//! ```

use std::io::{Read, Write};

use dateline_model::{DepRel, Upos};
use flate2::Compression;
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use rustc_hash::FxHashMap;

use crate::parser::{N_MOVES, Parser};
use crate::perceptron::{Entry, QuantisedRows, Weights};
use crate::tagger::Tagger;
use crate::tags::Tag;

const MAGIC: &[u8; 8] = b"DLPARSE\0";
/// Bumped whenever the payload layout or the features change: a model is
/// only valid with the feature code that trained it.
pub const FORMAT_VERSION: u32 = 2;
const END: &[u8; 4] = b"END\0";
/// A payload larger than this is refused (the built-in one is far smaller).
const MAX_PAYLOAD: u64 = 1 << 30;

/// Why a model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a Dateline parse model (bad magic bytes)")]
    BadMagic,
    #[error(
        "parse model format version {found}, this build reads version {expected}; retrain the model"
    )]
    Version { found: u32, expected: u32 },
    #[error("corrupt parse model: {0}")]
    Corrupt(String),
}

/// The trained tagger and parser with their inventories.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Parts {
    pub description: String,
    pub tagger: Tagger,
    pub labels: Vec<DepRel>,
    pub parser: Parser,
}

pub(crate) fn encode(parts: &Parts) -> Vec<u8> {
    let mut payload = Writer::default();
    payload.string(&parts.description);
    payload.varint(parts.tagger.tags.len() as u64);
    for tag in &parts.tagger.tags {
        payload.string(tag.upos.as_str());
        payload.string(&tag.xpos);
    }
    payload.varint(parts.labels.len() as u64);
    for label in &parts.labels {
        payload.string(label.as_str());
    }
    payload.varint(u64::from(parts.parser.root_label));
    let mut lexicon: Vec<(u64, u16)> = parts
        .tagger
        .lexicon
        .iter()
        .map(|(&form, &tag)| (form, tag))
        .collect();
    lexicon.sort_unstable();
    payload.varint(lexicon.len() as u64);
    for (form, tag) in lexicon {
        payload.u64(form);
        payload.varint(u64::from(tag));
    }
    payload.weights(&parts.tagger.weights);
    payload.weights(&parts.parser.moves);
    payload.weights(&parts.parser.labels);
    payload.bytes.extend_from_slice(END);

    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    let mut encoder = ZlibEncoder::new(out, Compression::best());
    // Writing into a Vec cannot fail.
    encoder.write_all(&payload.bytes).expect("write to memory");
    encoder.finish().expect("write to memory")
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Parts, ModelError> {
    if bytes.len() < 12 || &bytes[..8] != MAGIC {
        return Err(ModelError::BadMagic);
    }
    let found = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    if found != FORMAT_VERSION {
        return Err(ModelError::Version {
            found,
            expected: FORMAT_VERSION,
        });
    }
    let mut payload = Vec::new();
    ZlibDecoder::new(&bytes[12..])
        .take(MAX_PAYLOAD)
        .read_to_end(&mut payload)
        .map_err(|err| ModelError::Corrupt(format!("cannot inflate: {err}")))?;
    let mut reader = Reader {
        bytes: &payload,
        pos: 0,
    };
    let parts = read_parts(&mut reader)?;
    if reader.take(END.len())? != END || reader.pos != payload.len() {
        return Err(corrupt("missing end marker"));
    }
    Ok(parts)
}

fn read_parts(reader: &mut Reader<'_>) -> Result<Parts, ModelError> {
    let description = reader.string()?;
    let n_tags = reader.count(u16::MAX as usize)?;
    let mut tags = Vec::with_capacity(n_tags);
    for _ in 0..n_tags {
        let upos: Upos = reader.string()?.parse().map_err(corrupt)?;
        let xpos = reader.string()?;
        tags.push(Tag { upos, xpos });
    }
    let n_labels = reader.count(64)?;
    let mut labels = Vec::with_capacity(n_labels);
    for _ in 0..n_labels {
        labels.push(reader.string()?.parse::<DepRel>().map_err(corrupt)?);
    }
    let root_label = reader.varint()?;
    if root_label >= n_labels as u64 || labels[root_label as usize] != DepRel::Root {
        return Err(corrupt("the root label is not `root`"));
    }
    let n_lexicon = reader.count(10_000_000)?;
    let mut lexicon = FxHashMap::default();
    for _ in 0..n_lexicon {
        let form = reader.u64()?;
        let tag = reader.varint()?;
        if tag >= n_tags as u64 {
            return Err(corrupt("tag dictionary names an unknown tag"));
        }
        lexicon.insert(form, tag as u16);
    }
    let tagger_weights = reader.weights()?;
    let moves = reader.weights()?;
    let label_weights = reader.weights()?;
    if tagger_weights.n_classes() != n_tags
        || moves.n_classes() != N_MOVES
        || label_weights.n_classes() != n_labels
    {
        return Err(corrupt("weight tables do not match the inventories"));
    }
    Ok(Parts {
        description,
        tagger: Tagger {
            weights: tagger_weights,
            tags,
            lexicon,
        },
        labels,
        parser: Parser {
            moves,
            labels: label_weights,
            root_label: root_label as u8,
        },
    })
}

fn corrupt(message: impl std::fmt::Display) -> ModelError {
    ModelError::Corrupt(message.to_string())
}

#[derive(Default)]
struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.bytes.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
    }

    fn u64(&mut self, value: u64) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    fn string(&mut self, text: &str) {
        self.varint(text.len() as u64);
        self.bytes.extend_from_slice(text.as_bytes());
    }

    /// Rows sorted by key: key deltas, row lengths, class deltas and
    /// zigzag weights, all as varints (small numbers deflate well).
    fn weights(&mut self, weights: &Weights) {
        let rows = weights.sorted_rows();
        self.varint(weights.n_classes() as u64);
        self.bytes.extend_from_slice(&weights.scale().to_le_bytes());
        self.varint(rows.len() as u64);
        let mut last_key = 0;
        for (key, row) in rows {
            self.varint(key - last_key);
            last_key = key;
            self.varint(row.len() as u64);
            let mut last_class = 0;
            for entry in &row {
                self.varint(u64::from(entry.class - last_class));
                last_class = entry.class;
                let weight = i64::from(entry.weight);
                self.varint(((weight << 1) ^ (weight >> 63)) as u64);
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, len: usize) -> Result<&[u8], ModelError> {
        let end = self
            .pos
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| corrupt("truncated payload"))?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            value |= u64::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(corrupt("varint too long"))
    }

    /// A count no larger than `max` (guards allocations on corrupt input).
    fn count(&mut self, max: usize) -> Result<usize, ModelError> {
        let value = self.varint()?;
        if value > max as u64 {
            return Err(corrupt(format!("count {value} over {max}")));
        }
        Ok(value as usize)
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        let bytes = self.take(8)?;
        Ok(u64::from_le_bytes(bytes.try_into().expect("8 bytes")))
    }

    fn string(&mut self) -> Result<String, ModelError> {
        let len = self.count(1 << 20)?;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| corrupt("string is not UTF-8"))
    }

    fn weights(&mut self) -> Result<Weights, ModelError> {
        let n_classes = self.count(u16::MAX as usize)?;
        let scale = f32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes"));
        if !scale.is_finite() || scale <= 0.0 {
            return Err(corrupt("bad weight scale"));
        }
        let n_rows = self.count(self.bytes.len())?;
        let mut rows = QuantisedRows::with_capacity(n_rows);
        let mut key = 0u64;
        for _ in 0..n_rows {
            let delta = self.varint()?;
            key = key
                .checked_add(delta)
                .filter(|&k| k != 0 && (delta != 0 || rows.len() == 0))
                .ok_or_else(|| corrupt("feature keys out of order"))?;
            let len = self.count(n_classes)?;
            let mut class = 0u64;
            for _ in 0..len {
                class += self.varint()?;
                if class >= n_classes as u64 {
                    return Err(corrupt("weight for an unknown class"));
                }
                let zigzag = self.varint()?;
                let weight = ((zigzag >> 1) as i64) ^ -((zigzag & 1) as i64);
                let weight = i16::try_from(weight).map_err(|_| corrupt("weight out of range"))?;
                rows.push_entry(Entry {
                    class: class as u16,
                    weight,
                });
            }
            rows.end_row(key);
        }
        Ok(Weights::from_quantised(n_classes, scale, rows))
    }
}
