//! Opening a byte stream: gzip detection and decompression, peeking at the head
//! for format sniffing, and reading an article under the size limit.

use std::cell::Cell;
use std::io::{self, BufRead, BufReader, Chain, Cursor, Read};
use std::rc::Rc;

use flate2::read::MultiGzDecoder;

use crate::ReadError;

const GZIP_MAGIC: [u8; 2] = [0x1F, 0x8B];
const BUFFER_BYTES: usize = 64 * 1024;

/// A readable input, decompressed when it was gzip.
pub(crate) type Stream<'a> = Box<dyn BufRead + 'a>;

/// Opens `raw`: gzip data (recognised by its magic bytes, whatever the file is
/// called) is decompressed, member after member, as in CC-NEWS WARC files.
pub(crate) fn open<'a>(raw: impl Read + 'a) -> Stream<'a> {
    let (head, raw) = peek(raw, GZIP_MAGIC.len());
    if head != GZIP_MAGIC {
        return Box::new(BufReader::with_capacity(BUFFER_BYTES, raw));
    }
    let n_compressed = Rc::new(Cell::new(0u64));
    let counted = CountingReader {
        inner: raw,
        n_read: Rc::clone(&n_compressed),
    };
    let decoder = MultiGzDecoder::new(BufReader::with_capacity(BUFFER_BYTES, counted));
    Box::new(BufReader::with_capacity(
        BUFFER_BYTES,
        GzipErrors {
            decoder,
            n_compressed,
            n_decompressed: 0,
        },
    ))
}

/// A stream's head followed by the rest of it.
type Rejoined<'a> = Chain<Cursor<Vec<u8>>, Box<dyn Read + 'a>>;

/// Reads up to `n` leading bytes and gives them back with a reader that still
/// yields the whole stream. A read error is kept and returned after the head.
pub(crate) fn peek<'a>(raw: impl Read + 'a, n: usize) -> (Vec<u8>, Rejoined<'a>) {
    let mut raw: Box<dyn Read + 'a> = Box::new(raw);
    let mut head = Vec::with_capacity(n);
    let rest: Box<dyn Read + 'a> = match raw.by_ref().take(n as u64).read_to_end(&mut head) {
        Ok(_) => raw,
        Err(error) => Box::new(FailingReader { error: Some(error) }),
    };
    (head.clone(), Cursor::new(head).chain(rest))
}

/// Peeks at the head of a decompressed stream for format sniffing.
pub(crate) fn peek_stream<'a>(stream: Stream<'a>, n: usize) -> (Vec<u8>, Stream<'a>) {
    let (head, rest) = peek(stream, n);
    (head, Box::new(BufReader::with_capacity(BUFFER_BYTES, rest)))
}

/// Reads a whole single-article input, refusing it past `limit` bytes. The
/// buffer never grows beyond `limit`, so reading holds at most about one and a
/// half times the limit (while the last growth copies).
pub(crate) fn read_limited(reader: &mut dyn Read, limit: usize) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; BUFFER_BYTES];
    loop {
        let n_read = match reader.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(n_read) => n_read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error.into()),
        };
        if bytes.len() + n_read > limit {
            return Err(ReadError::TooLarge { limit });
        }
        extend_within(&mut bytes, &chunk[..n_read], limit);
    }
}

/// Appends `data`, growing the buffer by doubling but never past `limit`
/// bytes of capacity (the caller checks the length against the limit). Once
/// doubling would pass half the limit, the buffer grows straight to the limit,
/// so no growth step is wasted just below it.
pub(crate) fn extend_within(buffer: &mut Vec<u8>, data: &[u8], limit: usize) {
    let needed = buffer.len() + data.len();
    if needed > buffer.capacity() {
        let doubled = (buffer.capacity() * 2).max(needed);
        let wanted = if doubled > limit / 2 {
            limit.max(needed)
        } else {
            doubled
        };
        buffer.reserve_exact(wanted - buffer.len());
    }
    buffer.extend_from_slice(data);
}

/// Counts the bytes read through it, so gzip errors can name the compressed offset.
struct CountingReader<R> {
    inner: R,
    n_read: Rc<Cell<u64>>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.n_read.set(self.n_read.get() + n as u64);
        Ok(n)
    }
}

/// Rewrites decompression errors into messages that say where the gzip data broke.
struct GzipErrors<R: BufRead> {
    decoder: MultiGzDecoder<R>,
    n_compressed: Rc<Cell<u64>>,
    n_decompressed: u64,
}

impl<R: BufRead> Read for GzipErrors<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.decoder.read(buf) {
            Ok(n) => {
                self.n_decompressed += n as u64;
                Ok(n)
            }
            Err(error) => {
                let at = self.n_compressed.get();
                let decompressed = self.n_decompressed;
                let message = if error.kind() == io::ErrorKind::UnexpectedEof {
                    format!(
                        "gzip data ends early: truncated at compressed byte {at} \
                         ({decompressed} bytes decompressed before the cut)"
                    )
                } else {
                    format!(
                        "corrupt gzip data near compressed byte {at} \
                         ({decompressed} bytes decompressed): {error}"
                    )
                };
                Err(io::Error::new(error.kind(), message))
            }
        }
    }
}

/// Returns a stored read error once, then end of input.
struct FailingReader {
    error: Option<io::Error>,
}

impl Read for FailingReader {
    fn read(&mut self, _buf: &mut [u8]) -> io::Result<usize> {
        match self.error.take() {
            Some(error) => Err(error),
            None => Ok(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn plain_and_gzip_streams_read_the_same() {
        let text = b"LONDON, Nov 3 (Reuters) - Markets fell.".to_vec();
        let mut plain = String::new();
        open(&text[..]).read_to_string(&mut plain).unwrap();
        let compressed = gzip(&text);
        let mut unzipped = String::new();
        open(&compressed[..]).read_to_string(&mut unzipped).unwrap();
        assert_eq!(plain, unzipped);
    }

    #[test]
    fn concatenated_gzip_members_are_all_read() {
        let mut both = gzip(b"first member\n");
        both.extend(gzip(b"second member\n"));
        let mut text = String::new();
        open(&both[..]).read_to_string(&mut text).unwrap();
        assert_eq!(text, "first member\nsecond member\n");
    }

    #[test]
    fn truncated_gzip_names_the_compressed_offset() {
        let text = "Kyiv said talks would resume. ".repeat(2000);
        let compressed = gzip(text.as_bytes());
        let cut = &compressed[..compressed.len() / 2];
        let mut out = Vec::new();
        let error = open(cut).read_to_end(&mut out).unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with("gzip data ends early"), "{message}");
        assert!(
            message.contains(&format!("compressed byte {}", cut.len())),
            "{message}"
        );
    }

    #[test]
    fn limited_reads_refuse_oversized_articles() {
        let bytes = [b'a'; 100];
        assert_eq!(read_limited(&mut &bytes[..], 100).unwrap().len(), 100);
        assert!(matches!(
            read_limited(&mut &bytes[..], 99),
            Err(ReadError::TooLarge { limit: 99 })
        ));
    }
}
