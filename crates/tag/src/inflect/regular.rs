//! The regular English inflection rules alone, without the tables of
//! irregular forms ([`crate::verb_forms`] and [`crate::noun_plural`] use both).
//!
//! - third person and plural: "-es" after s, x, z, ch, sh ("reaches",
//!   "boxes"); consonant + y becomes "-ies" ("carries"); verbs ending in
//!   consonant + o take "-es" ("vetoes"); otherwise "-s";
//! - past and "-ing": a final e drops before "-ing" ("hoping") but not after
//!   e, o or y ("agreeing"); "-ie" becomes "-ying" ("dying"); consonant + y
//!   becomes "-ied"; a vowel + c takes k ("panicked"); a one-syllable word
//!   ending consonant-vowel-consonant doubles its last letter ("stopped",
//!   "banning"). Longer words that double ("committed") are in the tables.
//!
//! The generator script (`scripts/lexicon/generate.py`) asks these rules, via
//! the `regular_inflections` example, which words they get wrong, and writes
//! only those words' forms into `data/lexicon/verbs.tsv` and `nouns.tsv`.

/// "reach" -> "reaches", "carry" -> "carries", "veto" -> "vetoes".
pub fn third_person(verb: &str) -> String {
    if let Some(stem) = consonant_y_stem(verb) {
        format!("{stem}ies")
    } else if ends_with_sibilant(verb) || ends_with_consonant_o(verb) {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    }
}

/// "attack" -> "attacked", "hope" -> "hoped", "stop" -> "stopped".
pub fn past(verb: &str) -> String {
    if verb.ends_with('e') {
        format!("{verb}d")
    } else if let Some(stem) = consonant_y_stem(verb) {
        format!("{stem}ied")
    } else {
        format!("{}ed", suffix_base(verb))
    }
}

/// "attack" -> "attacking", "hope" -> "hoping", "die" -> "dying".
pub fn present_participle(verb: &str) -> String {
    if let Some(stem) = verb.strip_suffix("ie") {
        format!("{stem}ying")
    } else if let Some(stem) = verb.strip_suffix('e').filter(|_| drops_final_e(verb)) {
        format!("{stem}ing")
    } else {
        format!("{}ing", suffix_base(verb))
    }
}

/// "talk" -> "talks", "crisis"-like words are in the tables; names take a
/// plain "-s" ("the Kennedys").
pub fn plural(noun: &str) -> String {
    if ends_with_sibilant(noun) {
        format!("{noun}es")
    } else if let Some(stem) = consonant_y_stem(noun).filter(|_| !is_capitalised(noun)) {
        format!("{stem}ies")
    } else {
        format!("{noun}s")
    }
}

/// The word before "-ed"/"-ing": last letter doubled or "c" -> "ck".
fn suffix_base(verb: &str) -> String {
    let last_part = verb.rsplit('-').next().unwrap_or(verb);
    if doubles_final_consonant(last_part) {
        let last = verb.chars().next_back().unwrap_or_default();
        format!("{verb}{last}")
    } else if ends_with_vowel_c(verb) {
        format!("{verb}k")
    } else {
        verb.to_string()
    }
}

/// One syllable ending consonant-vowel-consonant, the last not w, x or y.
fn doubles_final_consonant(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    let [.., before, vowel, last] = letters[..] else {
        return false;
    };
    let before_is_consonant = !is_vowel(before)
        || (before == 'u' && letters.len() > 3 && letters[letters.len() - 4] == 'q');
    is_vowel(vowel)
        && !is_vowel(last)
        && last.is_ascii_lowercase()
        && !matches!(last, 'w' | 'x' | 'y')
        && before_is_consonant
        && n_vowel_groups(&letters) == 1
}

/// Vowel groups, counting "qu" as a consonant: "stop" 1, "visit" 2, "quiz" 1.
fn n_vowel_groups(letters: &[char]) -> usize {
    let mut n_groups = 0;
    let mut in_group = false;
    for (idx, &c) in letters.iter().enumerate() {
        let after_q = idx > 0 && letters[idx - 1] == 'q' && c == 'u';
        let vowel = is_vowel(c) && !after_q;
        if vowel && !in_group {
            n_groups += 1;
        }
        in_group = vowel;
    }
    n_groups
}

fn drops_final_e(verb: &str) -> bool {
    !(verb.ends_with("ee") || verb.ends_with("oe") || verb.ends_with("ye")) && verb.len() > 2
}

fn consonant_y_stem(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('y')?;
    let before = stem.chars().next_back()?;
    (!is_vowel(before) && before.is_alphabetic()).then_some(stem)
}

fn ends_with_sibilant(word: &str) -> bool {
    ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|end| word.ends_with(end))
}

fn ends_with_consonant_o(word: &str) -> bool {
    let mut chars = word.chars().rev();
    matches!((chars.next(), chars.next()), (Some('o'), Some(before)) if !is_vowel(before) && before.is_alphabetic())
}

fn ends_with_vowel_c(word: &str) -> bool {
    let mut chars = word.chars().rev();
    matches!((chars.next(), chars.next()), (Some('c'), Some(before)) if is_vowel(before))
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn is_capitalised(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn third_person_forms() {
        for (verb, expected) in [
            ("attack", "attacks"),
            ("reach", "reaches"),
            ("fix", "fixes"),
            ("carry", "carries"),
            ("say", "says"),
            ("veto", "vetoes"),
            ("go", "goes"),
            ("push", "pushes"),
            ("buzz", "buzzes"),
        ] {
            assert_eq!(third_person(verb), expected);
        }
    }

    #[test]
    fn past_forms() {
        for (verb, expected) in [
            ("attack", "attacked"),
            ("hope", "hoped"),
            ("agree", "agreed"),
            ("carry", "carried"),
            ("stop", "stopped"),
            ("ban", "banned"),
            ("plan", "planned"),
            ("visit", "visited"),
            ("panic", "panicked"),
            ("play", "played"),
            ("fix", "fixed"),
            ("row", "rowed"),
            ("quiz", "quizzed"),
            ("air-lift", "air-lifted"),
            ("condemn", "condemned"),
        ] {
            assert_eq!(past(verb), expected);
        }
    }

    #[test]
    fn present_participle_forms() {
        for (verb, expected) in [
            ("attack", "attacking"),
            ("hope", "hoping"),
            ("agree", "agreeing"),
            ("die", "dying"),
            ("dye", "dyeing"),
            ("stop", "stopping"),
            ("panic", "panicking"),
            ("carry", "carrying"),
            ("meet", "meeting"),
            ("be", "being"),
        ] {
            assert_eq!(present_participle(verb), expected);
        }
    }

    #[test]
    fn plural_forms() {
        for (noun, expected) in [
            ("talk", "talks"),
            ("box", "boxes"),
            ("church", "churches"),
            ("country", "countries"),
            ("day", "days"),
            ("bus", "buses"),
            ("photo", "photos"),
            ("Kennedy", "Kennedys"),
        ] {
            assert_eq!(plural(noun), expected);
        }
    }
}
