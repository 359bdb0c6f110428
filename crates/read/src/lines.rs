//! Reading one line at a time without ever holding more than a limit.

use std::io::{self, BufRead};

/// What one call of [`read_line_limited`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineRead {
    /// End of input, nothing read.
    End,
    /// A line (in the buffer, without its `\n`) of this many bytes on the input,
    /// line break included.
    Line { n_bytes: u64 },
    /// A line longer than the limit, read past and discarded.
    TooLong { n_bytes: u64 },
}

/// Reads the next line into `line` (cleared first). Lines longer than `limit`
/// bytes are consumed and discarded, so memory stays bounded by `limit`.
pub(crate) fn read_line_limited(
    stream: &mut dyn BufRead,
    line: &mut Vec<u8>,
    limit: usize,
) -> io::Result<LineRead> {
    line.clear();
    let mut n_bytes: u64 = 0;
    let mut too_long = false;
    loop {
        let available = match stream.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            break;
        }
        let newline = available.iter().position(|&byte| byte == b'\n');
        let take = newline.map_or(available.len(), |index| index + 1);
        let content = &available[..newline.unwrap_or(take)];
        if !too_long && line.len() + content.len() > limit {
            too_long = true;
            *line = Vec::new();
        }
        if !too_long {
            crate::source::extend_within(line, content, limit);
        }
        n_bytes += take as u64;
        stream.consume(take);
        if newline.is_some() {
            break;
        }
    }
    Ok(match (n_bytes, too_long) {
        (0, _) => LineRead::End,
        (n_bytes, true) => LineRead::TooLong { n_bytes },
        (n_bytes, false) => {
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            LineRead::Line { n_bytes }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_skips_overlong_ones() {
        let mut input: &[u8] = b"short\r\nthis line is too long\nlast";
        let mut line = Vec::new();
        assert_eq!(
            read_line_limited(&mut input, &mut line, 10).unwrap(),
            LineRead::Line { n_bytes: 7 }
        );
        assert_eq!(line, b"short");
        assert_eq!(
            read_line_limited(&mut input, &mut line, 10).unwrap(),
            LineRead::TooLong { n_bytes: 22 }
        );
        assert_eq!(
            read_line_limited(&mut input, &mut line, 10).unwrap(),
            LineRead::Line { n_bytes: 4 }
        );
        assert_eq!(line, b"last");
        assert_eq!(
            read_line_limited(&mut input, &mut line, 10).unwrap(),
            LineRead::End
        );
    }
}
