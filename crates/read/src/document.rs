//! Inputs read whole: one text or HTML article, or one feed document.

use std::io::Read;

use crate::ReadError;
use crate::decode::{check_not_binary, decode_utf8, lossy_warning};
use crate::reading::Reading;
use crate::source::read_limited;

/// Reads and decodes a whole input under the article size limit. Problems
/// (too large, empty, binary, bad UTF-8 under the strict policy, read errors)
/// are reported and give `None`.
pub(crate) fn read_document(stream: &mut dyn Read, reading: &mut Reading) -> Option<String> {
    match read_and_decode(stream, reading) {
        Ok(text) => Some(text),
        Err(error) => {
            reading.error(None, error);
            None
        }
    }
}

fn read_and_decode(stream: &mut dyn Read, reading: &mut Reading) -> Result<String, ReadError> {
    let bytes = read_limited(stream, reading.config.article_limit())?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    check_not_binary(&bytes)?;
    let decoded = decode_utf8(bytes, reading.config.utf8, 0)?;
    if let Some(offset) = decoded.first_bad_byte {
        reading.warning(None, lossy_warning(offset));
    }
    Ok(decoded.text)
}
