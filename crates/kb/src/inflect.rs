//! English plurals for agent nouns and demonyms, so the data lists singulars only.

/// The regular plural of the last word of `noun` ("security force" gives
/// "security forces", "gunman" gives "gunmen", "militia" gives "militias").
pub fn plural(noun: &str) -> String {
    let (head, last) = match noun.rfind(' ') {
        Some(space) => noun.split_at(space + 1),
        None => ("", noun),
    };
    format!("{head}{}", plural_word(last))
}

fn plural_word(word: &str) -> String {
    let lower = word.to_lowercase();
    if let Some(stem) = word
        .strip_suffix("man")
        .filter(|_| !lower.ends_with("human"))
    {
        return format!("{stem}men");
    }
    if let Some(stem) = word.strip_suffix("person") {
        return format!("{stem}people");
    }
    let ends = |suffix: &str| lower.ends_with(suffix);
    if ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") {
        return format!("{word}es");
    }
    let consonant_y = lower.len() > 1
        && ends("y")
        && !matches!(
            lower.as_bytes()[lower.len() - 2],
            b'a' | b'e' | b'i' | b'o' | b'u'
        );
    if consonant_y {
        return format!("{}ies", &word[..word.len() - 1]);
    }
    format!("{word}s")
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn regular_and_common_irregular_plurals() {
        let cases = [
            ("official", "officials"),
            ("security force", "security forces"),
            ("gunman", "gunmen"),
            ("spokeswoman", "spokeswomen"),
            ("militia", "militias"),
            ("ministry", "ministries"),
            ("army", "armies"),
            ("attorney", "attorneys"),
            ("witness", "witnesses"),
            ("church", "churches"),
            ("human", "humans"),
            ("chairperson", "chairpeople"),
        ];
        for (singular, expected) in cases {
            assert_eq!(plural(singular), expected, "{singular}");
        }
    }
}
