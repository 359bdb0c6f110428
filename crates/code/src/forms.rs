//! Surface forms of pattern and cue words, generated from their lemma.

/// Every form a lemma can take in text, lower-cased: the word itself, its
/// verb inflections and its noun plural. Both readings are generated because
/// a pattern word may be either ("talk", "attack", "call").
pub fn surface_forms(lemma: &str) -> Vec<String> {
    let mut forms = vec![lemma.to_string()];
    if !lemma.chars().all(|c| c.is_alphabetic() || c == '-') {
        return forms;
    }
    let verb = dateline_tag::verb_forms(lemma);
    forms.extend([
        verb.third_person,
        verb.past,
        verb.past_participle,
        verb.present_participle,
    ]);
    forms.push(dateline_tag::noun_plural(lemma));
    // British spelling doubles a final l: "travelled", "cancelling".
    if lemma.ends_with('l') && !lemma.ends_with("ll") {
        forms.extend([format!("{lemma}led"), format!("{lemma}ling")]);
    }
    forms.sort();
    forms.dedup();
    forms
}

/// Lower-cases a token for lookup; curly apostrophes become straight ones so
/// "n’t" and "n't" are one form.
pub fn lookup_form(text: &str, buffer: &mut String) {
    buffer.clear();
    for c in text.chars() {
        match c {
            '’' | '‘' => buffer.push('\''),
            c if c.is_ascii() => buffer.push(c.to_ascii_lowercase()),
            c => buffer.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_verb_and_noun_forms() {
        let forms = surface_forms("hold");
        for form in ["hold", "holds", "held", "holding"] {
            assert!(
                forms.contains(&form.to_string()),
                "{form} missing from {forms:?}"
            );
        }
        let forms = surface_forms("talk");
        assert!(forms.contains(&"talks".to_string()));
        assert!(forms.contains(&"talked".to_string()));
        assert_eq!(surface_forms("n't"), ["n't"]);
    }

    #[test]
    fn lookup_form_folds_case_and_apostrophes() {
        let mut buffer = String::new();
        lookup_form("Didn’t", &mut buffer);
        assert_eq!(buffer, "didn't");
    }
}
