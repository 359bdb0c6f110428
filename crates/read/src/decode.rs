//! Bytes to text: refusing binary data and decoding UTF-8 by the configured policy.

use crate::{ReadError, Utf8Policy};

/// How many leading bytes are checked for binary content.
const BINARY_CHECK_BYTES: usize = 8 * 1024;

/// Refuses data that is not text: a NUL byte, or mostly control characters,
/// in the first 8 KiB. UTF-16 gets its own message since it is a common mistake.
pub(crate) fn check_not_binary(bytes: &[u8]) -> Result<(), ReadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::Binary(
            "UTF-16 byte-order mark; convert the input to UTF-8".to_string(),
        ));
    }
    let head = &bytes[..bytes.len().min(BINARY_CHECK_BYTES)];
    if let Some(offset) = head.iter().position(|&byte| byte == 0) {
        return Err(ReadError::Binary(format!("NUL byte at offset {offset}")));
    }
    let n_control = head.iter().filter(|&&byte| is_binary_control(byte)).count();
    // Text has next to no C0 controls besides tab and line breaks; a tenth is
    // far beyond anything a news article carries.
    if n_control * 10 > head.len() {
        return Err(ReadError::Binary(format!(
            "{n_control} control characters in the first {} bytes",
            head.len()
        )));
    }
    Ok(())
}

fn is_binary_control(byte: u8) -> bool {
    (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0C)) || byte == 0x7F
}

/// Text decoded from bytes, and where the first invalid byte was if any.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    /// Offset of the first byte that was not UTF-8 (replaced by U+FFFD),
    /// counted from the start of the input.
    pub first_bad_byte: Option<u64>,
}

/// Decodes `bytes`, which start at `base_offset` in the input.
pub(crate) fn decode_utf8(
    bytes: Vec<u8>,
    policy: Utf8Policy,
    base_offset: u64,
) -> Result<Decoded, ReadError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            first_bad_byte: None,
        }),
        Err(error) => {
            let offset = base_offset + error.utf8_error().valid_up_to() as u64;
            match policy {
                Utf8Policy::Strict => Err(ReadError::InvalidUtf8 { offset }),
                Utf8Policy::Lossy => Ok(Decoded {
                    text: String::from_utf8_lossy(error.as_bytes()).into_owned(),
                    first_bad_byte: Some(offset),
                }),
            }
        }
    }
}

/// The warning for lossily decoded text.
pub(crate) fn lossy_warning(offset: u64) -> String {
    format!("invalid UTF-8 at byte {offset}; bad bytes replaced with U+FFFD")
}

/// Drops a leading UTF-8 byte-order mark.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_bytes_and_control_runs_are_binary() {
        assert!(check_not_binary(b"KYIV (Reuters) - Air raid sirens sounded.").is_ok());
        let error = check_not_binary(b"PK\x03\x04\x00\x00rest").unwrap_err();
        assert_eq!(
            error.to_string(),
            "binary data, not text (NUL byte at offset 4)"
        );
        assert!(check_not_binary(&[0x01; 64]).is_err());
        assert!(check_not_binary(&[0xFF, 0xFE, b'a', 0]).is_err());
    }

    #[test]
    fn lossy_decoding_names_the_first_bad_byte_and_strict_refuses() {
        let bytes = b"Kyiv \xFF said".to_vec();
        let decoded = decode_utf8(bytes.clone(), Utf8Policy::Lossy, 100).unwrap();
        assert_eq!(decoded.text, "Kyiv \u{FFFD} said");
        assert_eq!(decoded.first_bad_byte, Some(105));
        let error = decode_utf8(bytes, Utf8Policy::Strict, 0).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid UTF-8 at byte 5; refused (strict UTF-8)"
        );
    }
}
