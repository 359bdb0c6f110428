//! The tagger's classes: a Universal tag with its Penn tag, as the
//! treebank pairs them (`AUX`/`MD`, `PROPN`/`NNP`, `PUNCT`/`HYPH`, ...).

use dateline_model::{Pos, Upos};

/// One tagger class.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tag {
    pub upos: Upos,
    /// The Penn tag as the treebank writes it (`NNP`, `-LRB-`, `HYPH`).
    pub xpos: String,
}

impl Tag {
    /// The Penn tag in Dateline's tag set. The treebank's web-text tags
    /// that Penn's 1993 set lacks map to their nearest Penn tag: `HYPH`
    /// and `NFP` to `:`, `ADD` (addresses) to `NN`, `AFX` to `JJ`, `GW` and
    /// `XX` to `FW`.
    pub fn pos(&self) -> Pos {
        if let Ok(pos) = self.xpos.parse() {
            return pos;
        }
        match self.xpos.as_str() {
            "-LRB-" => Pos::OpenParen,
            "-RRB-" => Pos::CloseParen,
            "HYPH" | "NFP" => Pos::Colon,
            "ADD" => Pos::Nn,
            "AFX" => Pos::Jj,
            "GW" | "XX" => Pos::Fw,
            _ => pos_of_upos(self.upos),
        }
    }
}

/// The usual Penn tag of a Universal tag, for Penn tags a model names
/// that Dateline does not know.
fn pos_of_upos(upos: Upos) -> Pos {
    match upos {
        Upos::Adj => Pos::Jj,
        Upos::Adp => Pos::In,
        Upos::Adv => Pos::Rb,
        Upos::Aux => Pos::Md,
        Upos::Cconj => Pos::Cc,
        Upos::Det => Pos::Dt,
        Upos::Intj => Pos::Uh,
        Upos::Noun => Pos::Nn,
        Upos::Num => Pos::Cd,
        Upos::Part => Pos::Rb,
        Upos::Pron => Pos::Prp,
        Upos::Propn => Pos::Nnp,
        Upos::Punct => Pos::Colon,
        Upos::Sconj => Pos::In,
        Upos::Sym => Pos::Sym,
        Upos::Verb => Pos::Vb,
        Upos::X => Pos::Fw,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(upos: Upos, xpos: &str) -> Tag {
        Tag {
            upos,
            xpos: xpos.to_string(),
        }
    }

    #[test]
    fn treebank_tags_map_to_penn() {
        assert_eq!(tag(Upos::Propn, "NNP").pos(), Pos::Nnp);
        assert_eq!(tag(Upos::Punct, "-LRB-").pos(), Pos::OpenParen);
        assert_eq!(tag(Upos::Punct, "HYPH").pos(), Pos::Colon);
        assert_eq!(tag(Upos::X, "ADD").pos(), Pos::Nn);
        assert_eq!(tag(Upos::Verb, "VBX").pos(), Pos::Vb);
    }
}
