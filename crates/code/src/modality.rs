//! Recoding intended, refused, threatened, appealed-for and demanded
//! actions (`data/verbs/modality.tsv`).

use rustc_hash::FxHashMap;

use dateline_model::EventCode;

const MODALITY_TSV: &str = include_str!("../../../data/verbs/modality.tsv");

/// How the governing verb frames an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// "plans to visit", "will visit", "is set to visit".
    Intended,
    /// "refused to release".
    Refused,
    /// "threatened to strike".
    Threatened,
    /// "urged X to release": an appeal for the act (root 02).
    Appealed,
    /// "demanded that X release": a demand for the act (root 10).
    Demanded,
}

/// What a frame does to a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recode {
    /// Use this code instead.
    Code(EventCode),
    /// Keep the action's own code.
    Keep,
    /// The framed action is no event.
    Drop,
}

#[derive(Debug, Default)]
pub struct ModalityTable {
    rows: FxHashMap<String, [Option<EventCode>; 5]>,
}

impl ModalityTable {
    pub fn builtin() -> ModalityTable {
        ModalityTable::parse(MODALITY_TSV)
            .unwrap_or_else(|err| panic!("data/verbs/modality.tsv: {err}"))
    }

    fn parse(text: &str) -> Result<ModalityTable, String> {
        let mut table = ModalityTable::default();
        let rows = text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty())
            .skip(1);
        for (line_idx, line) in rows {
            let fields: Vec<&str> = line.split('\t').collect();
            let [prefix, intended, refused, threatened, appealed, demanded] = fields[..] else {
                return Err(format!("line {}: expected 6 fields", line_idx + 1));
            };
            let parse = |field: &str| match field {
                "-" => Ok(None),
                code => EventCode::parse(code)
                    .map(Some)
                    .map_err(|err| format!("line {}: {err}", line_idx + 1)),
            };
            table.rows.insert(
                prefix.to_string(),
                [
                    parse(intended)?,
                    parse(refused)?,
                    parse(threatened)?,
                    parse(appealed)?,
                    parse(demanded)?,
                ],
            );
        }
        Ok(table)
    }

    /// The code of `code` under `frame`, by the longest matching prefix.
    pub fn recode(&self, code: &EventCode, frame: Frame) -> Recode {
        let text = code.as_str();
        let row = (2..=text.len())
            .rev()
            .find_map(|len| self.rows.get(&text[..len]));
        let column = match frame {
            Frame::Intended => 0,
            Frame::Refused => 1,
            Frame::Threatened => 2,
            Frame::Appealed => 3,
            Frame::Demanded => 4,
        };
        match row.and_then(|row| row[column].clone()) {
            Some(code) => Recode::Code(code),
            None if frame == Frame::Refused => Recode::Drop,
            None => Recode::Keep,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> EventCode {
        EventCode::parse(text).unwrap()
    }

    #[test]
    fn longest_prefix_decides() {
        let table = ModalityTable::builtin();
        assert_eq!(
            table.recode(&code("042"), Frame::Intended),
            Recode::Code(code("036"))
        );
        assert_eq!(
            table.recode(&code("0841"), Frame::Refused),
            Recode::Code(code("1243"))
        );
        assert_eq!(
            table.recode(&code("190"), Frame::Threatened),
            Recode::Code(code("138"))
        );
        assert_eq!(
            table.recode(&code("1723"), Frame::Intended),
            Recode::Code(code("1323"))
        );
        assert_eq!(table.recode(&code("111"), Frame::Intended), Recode::Keep);
        assert_eq!(
            table.recode(&code("0841"), Frame::Appealed),
            Recode::Code(code("0253"))
        );
        assert_eq!(
            table.recode(&code("0831"), Frame::Demanded),
            Recode::Code(code("1041"))
        );
        assert_eq!(table.recode(&code("190"), Frame::Refused), Recode::Drop);
    }
}
