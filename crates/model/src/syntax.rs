//! Dependency syntax: Universal Dependencies part-of-speech tags and
//! relations, and the per-token parse layer of a [`Doc`](crate::Doc).

use std::fmt;
use std::str::FromStr;

use crate::Pos;

/// What the parser says about one token: its tags, its head and its relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenParse {
    /// Universal part-of-speech tag.
    pub upos: Upos,
    /// Penn Treebank tag from the parser's own tagger (not the Brill tags in
    /// `Doc::tags`).
    pub xpos: Pos,
    /// Index into `Doc::tokens` of the head, in the same sentence; `None` for
    /// the sentence's root.
    pub head: Option<u32>,
    /// The relation to the head (`DepRel::Root` for the root).
    pub rel: DepRel,
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The name as Universal Dependencies writes it.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)* }
            }

            fn from_exact(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)*
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// A Universal Dependencies part-of-speech tag (UPOS).
    Upos {
        Adj => "ADJ", Adp => "ADP", Adv => "ADV", Aux => "AUX", Cconj => "CCONJ",
        Det => "DET", Intj => "INTJ", Noun => "NOUN", Num => "NUM", Part => "PART",
        Pron => "PRON", Propn => "PROPN", Punct => "PUNCT", Sconj => "SCONJ",
        Sym => "SYM", Verb => "VERB", X => "X",
    }
}

impl FromStr for Upos {
    type Err = String;

    fn from_str(text: &str) -> Result<Upos, String> {
        Upos::from_exact(text).ok_or_else(|| format!("unknown UPOS tag {text:?}"))
    }
}

string_enum! {
    /// A Universal Dependencies relation: the 37 universal ones and the
    /// English subtypes of UD English EWT.
    DepRel {
        Acl => "acl", AclRelcl => "acl:relcl", Advcl => "advcl",
        AdvclRelcl => "advcl:relcl", Advmod => "advmod", Amod => "amod",
        Appos => "appos", Aux => "aux", AuxPass => "aux:pass", Case => "case",
        Cc => "cc", CcPreconj => "cc:preconj", Ccomp => "ccomp", Clf => "clf",
        Compound => "compound", CompoundPrt => "compound:prt", Conj => "conj",
        Cop => "cop", Csubj => "csubj", CsubjOuter => "csubj:outer",
        CsubjPass => "csubj:pass", Dep => "dep", Det => "det",
        DetPredet => "det:predet", Discourse => "discourse",
        Dislocated => "dislocated", Expl => "expl", Fixed => "fixed",
        Flat => "flat", FlatForeign => "flat:foreign", Goeswith => "goeswith",
        Iobj => "iobj", List => "list", Mark => "mark", Nmod => "nmod",
        NmodDesc => "nmod:desc", NmodPoss => "nmod:poss",
        NmodUnmarked => "nmod:unmarked", Nsubj => "nsubj",
        NsubjOuter => "nsubj:outer", NsubjPass => "nsubj:pass",
        Nummod => "nummod", Obj => "obj", Obl => "obl", OblAgent => "obl:agent",
        OblUnmarked => "obl:unmarked", Orphan => "orphan",
        Parataxis => "parataxis", Punct => "punct", Reparandum => "reparandum",
        Root => "root", Vocative => "vocative", Xcomp => "xcomp",
    }
}

impl DepRel {
    /// The universal relation without its subtype (`nsubj:pass` -> `nsubj`).
    pub fn universal(self) -> DepRel {
        let text = self.as_str();
        let base = text.split_once(':').map_or(text, |(base, _)| base);
        DepRel::from_exact(base).unwrap_or(self)
    }

    /// True for subjects of any kind (`nsubj`, `nsubj:pass`, `csubj`, ...).
    pub fn is_subject(self) -> bool {
        matches!(self.universal(), DepRel::Nsubj | DepRel::Csubj)
    }
}

impl FromStr for DepRel {
    type Err = String;

    /// Parses a relation; a subtype this enum does not know falls back to its
    /// universal relation (`obl:tmod` -> `obl`), as UD allows language subtypes.
    fn from_str(text: &str) -> Result<DepRel, String> {
        if let Some(rel) = DepRel::from_exact(text) {
            return Ok(rel);
        }
        text.split_once(':')
            .and_then(|(base, _)| DepRel::from_exact(base))
            .ok_or_else(|| format!("unknown dependency relation {text:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &rel in DepRel::ALL {
            assert_eq!(rel.as_str().parse::<DepRel>(), Ok(rel));
        }
        for &upos in Upos::ALL {
            assert_eq!(upos.as_str().parse::<Upos>(), Ok(upos));
        }
    }

    #[test]
    fn unknown_subtypes_fall_back_to_universal() {
        assert_eq!("obl:tmod".parse::<DepRel>(), Ok(DepRel::Obl));
        assert_eq!("nsubj:pass".parse::<DepRel>(), Ok(DepRel::NsubjPass));
        assert_eq!(DepRel::NsubjPass.universal(), DepRel::Nsubj);
        assert!(DepRel::CsubjPass.is_subject());
        assert!("subject".parse::<DepRel>().is_err());
        assert!("verb".parse::<Upos>().is_err());
    }
}
