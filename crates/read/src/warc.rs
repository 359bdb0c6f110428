//! WARC files (ISO 28500), as in Common Crawl's CC-NEWS: HTTP `response`
//! records carrying HTML become articles; every other record is skipped and
//! counted.
//!
//! Records are framed here rather than with the `warc` crate, which reads
//! header lines and payloads without a size bound, reports no byte offsets and
//! cannot find the next record after a malformed one. A malformed record is
//! reported with its byte offset (in the decompressed stream) and reading
//! resumes at the next line that starts a record.
//!
//! The page's own publication date is the article's date; `WARC-Date` is when
//! the page was crawled and is kept in `meta.extra["warc_date"]`.

use std::io::{self, BufRead, Read};

use dateline_model::{Meta, Record};
use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

use crate::article::ArticleBuilder;
use crate::decode::{decode_utf8, lossy_warning};
use crate::lines::{LineRead, read_line_limited};
use crate::reading::Reading;
use crate::source::read_limited;
use crate::{Position, ReadError};

/// Longest header line accepted, WARC or HTTP.
const MAX_HEADER_LINE: usize = 64 * 1024;
/// Most header lines accepted in one WARC record.
const MAX_HEADER_LINES: usize = 1024;

/// Reads every record of a WARC input.
pub(crate) fn read_warc(stream: &mut dyn BufRead, reading: &mut Reading) {
    let mut records = RecordReader {
        stream,
        offset: 0,
        line: Vec::new(),
        pending_version_line: None,
    };
    let mut n_records: u64 = 0;
    loop {
        let start = match records.next_record_start() {
            Ok(RecordStart::At(start)) => start,
            Ok(RecordStart::End) => break,
            Ok(RecordStart::Garbage { at, found }) => {
                let message = format!(
                    "expected a 'WARC/1.x' version line, found '{found}'; skipped to the next record"
                );
                reading.error(Some(Position::Byte(at)), ReadError::Warc(message));
                if let Err(error) = records.resync() {
                    return reading.error(Some(Position::Byte(records.offset)), error);
                }
                continue;
            }
            Err(error) => return reading.error(Some(Position::Byte(records.offset)), error),
        };
        n_records += 1;
        match records.read_record(reading.config.article_limit()) {
            Ok(record) => read_record(record, start, n_records, reading),
            Err(RecordError::Malformed(message)) => {
                let message = format!("{message}; skipped to the next record");
                reading.error(Some(Position::Byte(start)), ReadError::Warc(message));
                if let Err(error) = records.resync() {
                    return reading.error(Some(Position::Byte(records.offset)), error);
                }
            }
            Err(RecordError::Fatal(message)) => {
                return reading.error(Some(Position::Byte(start)), ReadError::Warc(message));
            }
            Err(RecordError::Io(error)) => {
                return reading.error(Some(Position::Byte(records.offset)), error);
            }
        }
    }
    if n_records == 0 && !reading.has_errors() {
        reading.error(None, ReadError::Empty);
    }
}

/// Where the next record starts.
enum RecordStart {
    At(u64),
    End,
    /// A line that should have opened a record but does not.
    Garbage {
        at: u64,
        found: String,
    },
}

/// One framed WARC record.
struct WarcRecord {
    headers: Vec<(String, String)>,
    /// The record block, or its length when it was too large to keep.
    block: Block,
}

enum Block {
    Kept(Vec<u8>),
    TooLarge { n_bytes: u64, limit: usize },
}

impl WarcRecord {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

enum RecordError {
    /// This record is broken; the next one may be fine.
    Malformed(String),
    /// The input ends inside a record.
    Fatal(String),
    Io(io::Error),
}

impl From<io::Error> for RecordError {
    fn from(error: io::Error) -> RecordError {
        RecordError::Io(error)
    }
}

struct RecordReader<'s> {
    stream: &'s mut dyn BufRead,
    /// Bytes consumed so far (decompressed).
    offset: u64,
    line: Vec<u8>,
    /// A version line found while resynchronising, with its offset.
    pending_version_line: Option<u64>,
}

impl RecordReader<'_> {
    /// Finds the `WARC/1.x` line that opens the next record, skipping blank lines.
    fn next_record_start(&mut self) -> Result<RecordStart, io::Error> {
        if let Some(start) = self.pending_version_line.take() {
            return Ok(RecordStart::At(start));
        }
        loop {
            let start = self.offset;
            match self.read_line()? {
                None => return Ok(RecordStart::End),
                Some(true) if self.line.is_empty() => continue,
                Some(true) if self.line.starts_with(b"WARC/") => return Ok(RecordStart::At(start)),
                Some(_) => {
                    return Ok(RecordStart::Garbage {
                        at: start,
                        found: preview(&self.line),
                    });
                }
            }
        }
    }

    /// Reads one line into `self.line`: `Some(true)` for a line within the
    /// limit, `Some(false)` for an over-long one, `None` at the end.
    fn read_line(&mut self) -> Result<Option<bool>, io::Error> {
        match read_line_limited(self.stream, &mut self.line, MAX_HEADER_LINE)? {
            LineRead::End => Ok(None),
            LineRead::Line { n_bytes } => {
                self.offset += n_bytes;
                Ok(Some(true))
            }
            LineRead::TooLong { n_bytes } => {
                self.offset += n_bytes;
                Ok(Some(false))
            }
        }
    }

    /// Skips lines up to the next one that starts a record.
    fn resync(&mut self) -> Result<(), io::Error> {
        loop {
            let start = self.offset;
            match self.read_line()? {
                None => return Ok(()),
                Some(true) if self.line.starts_with(b"WARC/1.") => {
                    self.pending_version_line = Some(start);
                    return Ok(());
                }
                Some(_) => {}
            }
        }
    }

    /// Reads the headers and block of the record whose version line was just read.
    fn read_record(&mut self, limit: usize) -> Result<WarcRecord, RecordError> {
        let headers = self.read_headers()?;
        let length = headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case("Content-Length"))
            .map(|(_, value)| value.trim())
            .ok_or_else(|| RecordError::Malformed("no Content-Length header".to_string()))?;
        let length: u64 = length.parse().map_err(|_| {
            RecordError::Malformed(format!("Content-Length '{length}' is not a number"))
        })?;
        let block = if length > limit as u64 {
            self.discard(length)?;
            Block::TooLarge {
                n_bytes: length,
                limit,
            }
        } else {
            Block::Kept(self.read_block(length)?)
        };
        self.skip_record_end()?;
        Ok(WarcRecord { headers, block })
    }

    fn read_headers(&mut self) -> Result<Vec<(String, String)>, RecordError> {
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            match self.read_line()? {
                None => {
                    return Err(RecordError::Fatal(
                        "input ends inside a record header".to_string(),
                    ));
                }
                Some(false) => {
                    return Err(RecordError::Malformed("header line too long".to_string()));
                }
                Some(true) if self.line.is_empty() => return Ok(headers),
                Some(true) => {}
            }
            if headers.len() >= MAX_HEADER_LINES {
                return Err(RecordError::Malformed("too many header lines".to_string()));
            }
            let line = String::from_utf8_lossy(&self.line);
            if line.starts_with([' ', '\t'])
                && let Some((_, value)) = headers.last_mut()
            {
                value.push(' ');
                value.push_str(line.trim());
                continue;
            }
            let Some((name, value)) = line.split_once(':') else {
                return Err(RecordError::Malformed(format!(
                    "header line without ':': '{}'",
                    preview(&self.line)
                )));
            };
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }

    fn read_block(&mut self, length: u64) -> Result<Vec<u8>, RecordError> {
        // The length is known and within the article limit: allocate it once.
        let mut block = Vec::with_capacity(length as usize);
        let n_read = (&mut *self.stream).take(length).read_to_end(&mut block)?;
        self.offset += n_read as u64;
        if (n_read as u64) < length {
            return Err(RecordError::Fatal(format!(
                "input ends inside a record: Content-Length {length}, only {n_read} bytes left"
            )));
        }
        Ok(block)
    }

    fn discard(&mut self, length: u64) -> Result<(), RecordError> {
        let n_read = io::copy(&mut (&mut *self.stream).take(length), &mut io::sink())?;
        self.offset += n_read;
        if n_read < length {
            return Err(RecordError::Fatal(format!(
                "input ends inside a record: Content-Length {length}, only {n_read} bytes left"
            )));
        }
        Ok(())
    }

    /// Consumes the blank lines (`\r\n\r\n`) that end a record.
    fn skip_record_end(&mut self) -> Result<(), io::Error> {
        loop {
            let available = self.stream.fill_buf()?;
            let n_breaks = available
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
            if n_breaks == 0 {
                return Ok(());
            }
            let whole_buffer = n_breaks == available.len();
            self.stream.consume(n_breaks);
            self.offset += n_breaks as u64;
            if !whole_buffer {
                return Ok(());
            }
        }
    }
}

/// Turns one record into an article, or counts it as skipped.
fn read_record(record: WarcRecord, start: u64, number: u64, reading: &mut Reading) {
    let position = Some(Position::Item(number));
    if !record
        .header("WARC-Type")
        .is_some_and(|t| t.eq_ignore_ascii_case("response"))
    {
        return reading.skipped();
    }
    let block = match record.block {
        Block::Kept(ref block) => block,
        Block::TooLarge { n_bytes, limit } => {
            return reading.error(
                position,
                format!("record at byte {start}: {n_bytes}-byte payload larger than the {limit}-byte limit (max_article_bytes); skipped"),
            );
        }
    };
    let html = match http_html_body(block, reading.config.article_limit()) {
        Ok(Some(html)) => html,
        Ok(None) => return reading.skipped(),
        Err(message) => {
            reading.warning(
                position,
                format!("record at byte {start}: {message}; skipped"),
            );
            return reading.skipped();
        }
    };
    let decoded = match decode_utf8(html, reading.config.utf8, start) {
        Ok(decoded) => decoded,
        Err(error) => return reading.error(position, format!("record at byte {start}: {error}")),
    };
    if let Some(bad_byte) = decoded.first_bad_byte {
        reading.warning(
            position,
            format!("record at byte {start}: {}", lossy_warning(bad_byte)),
        );
    }
    let mut article = ArticleBuilder::new(Meta {
        url: record
            .header("WARC-Target-URI")
            .map(|uri| uri.trim_matches(['<', '>']).to_string()),
        input: reading.input_ref(Some(Record::Item(number))),
        ..Meta::default()
    });
    for (header, key) in [
        ("WARC-Date", "warc_date"),
        ("WARC-Record-ID", "warc_record_id"),
    ] {
        if let Some(value) = record.header(header) {
            article.meta.extra.insert(key.to_string(), value.into());
        }
    }
    if let Some(warning) = crate::html::add_page(&mut article, &decoded.text) {
        reading.warning(position, warning);
    }
    reading.emit(article, position);
}

/// The HTML body of an HTTP response, `None` when the response is not a
/// successful HTML page.
fn http_html_body(block: &[u8], limit: usize) -> Result<Option<Vec<u8>>, String> {
    let Some((head, body)) = split_http_head(block) else {
        return Err("HTTP response without a header end".to_string());
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let status = status_line.split_whitespace().nth(1).unwrap_or_default();
    if !status_line.starts_with("HTTP/") || !status.starts_with('2') {
        return Ok(None);
    }
    let headers: Vec<(&str, &str)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim(), value.trim()))
        .collect();
    let header = |name: &str| {
        headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.to_ascii_lowercase())
    };
    let is_html = header("Content-Type")
        .is_some_and(|kind| kind.contains("text/html") || kind.contains("application/xhtml+xml"));
    if !is_html {
        return Ok(None);
    }
    let body = match header("Transfer-Encoding") {
        Some(encoding) if encoding.contains("chunked") => dechunk(body)?,
        _ => body.to_vec(),
    };
    match header("Content-Encoding").as_deref().map(str::trim) {
        None | Some("") | Some("identity") => Ok(Some(body)),
        Some("gzip") | Some("x-gzip") => inflate(MultiGzDecoder::new(&body[..]), limit).map(Some),
        Some("deflate") => inflate(ZlibDecoder::new(&body[..]), limit)
            .or_else(|_| inflate(DeflateDecoder::new(&body[..]), limit))
            .map(Some),
        Some(other) => Err(format!("unsupported Content-Encoding '{other}'")),
    }
}

fn split_http_head(block: &[u8]) -> Option<(&[u8], &[u8])> {
    if let Some(end) = block.windows(4).position(|w| w == b"\r\n\r\n") {
        return Some((&block[..end], &block[end + 4..]));
    }
    let end = block.windows(2).position(|w| w == b"\n\n")?;
    Some((&block[..end], &block[end + 2..]))
}

fn inflate(mut decoder: impl Read, limit: usize) -> Result<Vec<u8>, String> {
    read_limited(&mut decoder, limit)
        .map_err(|error| format!("cannot decompress the HTTP body: {error}"))
}

/// Undoes HTTP chunked transfer encoding.
fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = body
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("chunked body without a chunk size line")?;
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("bad chunk size '{size_text}'"))?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = body.get(..size).ok_or("chunk longer than the body")?;
        out.extend_from_slice(chunk);
        body = body.get(size..).unwrap_or_default();
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

/// The start of a line for messages, lossily decoded and cut short.
fn preview(line: &[u8]) -> String {
    let text = String::from_utf8_lossy(&line[..line.len().min(40)]);
    text.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"5\r\nHello\r\n6;x=y\r\n, Kyiv\r\n0\r\n\r\n").unwrap(),
            b"Hello, Kyiv"
        );
        assert!(dechunk(b"zz\r\nHello").is_err());
    }

    #[test]
    fn only_successful_html_responses_have_a_body() {
        let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p>";
        assert_eq!(http_html_body(page, 1000).unwrap().unwrap(), b"<p>Hi</p>");
        let redirect = b"HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\n\r\n";
        assert_eq!(http_html_body(redirect, 1000).unwrap(), None);
        let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        assert_eq!(http_html_body(image, 1000).unwrap(), None);
    }
}
