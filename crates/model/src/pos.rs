//! Penn Treebank part-of-speech tags.

use std::fmt;
use std::str::FromStr;

macro_rules! penn_tags {
    ($($variant:ident => $text:literal,)*) => {
        /// A Penn Treebank tag, as the Brill tagger's lexicon writes them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Pos { $($variant,)* }

        impl Pos {
            pub const ALL: &'static [Pos] = &[$(Pos::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Pos::$variant => $text,)* }
            }
        }

        impl FromStr for Pos {
            type Err = String;

            fn from_str(text: &str) -> Result<Pos, String> {
                match text {
                    $($text => Ok(Pos::$variant),)*
                    _ => Err(format!("unknown part-of-speech tag {text:?}")),
                }
            }
        }
    };
}

penn_tags! {
    Cc => "CC", Cd => "CD", Dt => "DT", Ex => "EX", Fw => "FW", In => "IN",
    Jj => "JJ", Jjr => "JJR", Jjs => "JJS", Ls => "LS", Md => "MD",
    Nn => "NN", Nns => "NNS", Nnp => "NNP", Nnps => "NNPS", Pdt => "PDT",
    PossessiveEnding => "POS", Prp => "PRP", PrpPossessive => "PRP$",
    Rb => "RB", Rbr => "RBR", Rbs => "RBS", Rp => "RP", Sym => "SYM",
    To => "TO", Uh => "UH", Vb => "VB", Vbd => "VBD", Vbg => "VBG",
    Vbn => "VBN", Vbp => "VBP", Vbz => "VBZ", Wdt => "WDT", Wp => "WP",
    WpPossessive => "WP$", Wrb => "WRB",
    Comma => ",", Period => ".", Colon => ":", OpenParen => "(",
    CloseParen => ")", OpenQuote => "``", CloseQuote => "''", Hash => "#",
    Dollar => "$",
}

impl Pos {
    pub fn is_noun(self) -> bool {
        matches!(self, Pos::Nn | Pos::Nns | Pos::Nnp | Pos::Nnps)
    }

    pub fn is_proper_noun(self) -> bool {
        matches!(self, Pos::Nnp | Pos::Nnps)
    }

    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Pos::Vb | Pos::Vbd | Pos::Vbg | Pos::Vbn | Pos::Vbp | Pos::Vbz
        )
    }

    pub fn is_adjective(self) -> bool {
        matches!(self, Pos::Jj | Pos::Jjr | Pos::Jjs)
    }

    pub fn is_punctuation(self) -> bool {
        matches!(
            self,
            Pos::Comma
                | Pos::Period
                | Pos::Colon
                | Pos::OpenParen
                | Pos::CloseParen
                | Pos::OpenQuote
                | Pos::CloseQuote
        )
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for &pos in Pos::ALL {
            assert_eq!(pos.as_str().parse::<Pos>(), Ok(pos));
        }
        assert_eq!("PRP$".parse::<Pos>(), Ok(Pos::PrpPossessive));
        assert!("XX".parse::<Pos>().is_err());
    }
}
