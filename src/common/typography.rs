//! Typography of the organisers' and the web form's text, as printed and shown: French
//! (non-breaking spaces before « : ; ! ? », « » quotes) or English.

const NBSP: char = '\u{a0}';

/// French typography on a text from the organisers or the web form: a non-breaking space
/// before « : ; ! ? » and inside « », straight double quotes turned into « ».
/// Times ("10:00") and addresses ("https://") are left alone.
pub fn french(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut opening = true;
    // After an opening quote, the spaces the writer typed give way to the one added.
    let mut skip_spaces = false;
    let spaced = |c: Option<char>| matches!(c, Some(NBSP) | Some('\u{202f}'));
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        if skip_spaces && c == ' ' {
            continue;
        }
        skip_spaces = false;
        let double =
            matches!(c, ';' | '!' | '?') || (c == ':' && next.is_none_or(char::is_whitespace));
        if double {
            match out.chars().last() {
                Some(' ') => {
                    out.pop();
                    out.push(NBSP);
                }
                Some(p) if !spaced(Some(p)) && !matches!(p, '!' | '?' | '(') => out.push(NBSP),
                _ => {}
            }
            out.push(c);
        } else if c == '«' || (c == '"' && opening) {
            out.push('«');
            if !spaced(next) {
                out.push(NBSP);
            }
            skip_spaces = true;
            if c == '"' {
                opening = false;
            }
        } else if c == '»' || c == '"' {
            while out.ends_with(' ') {
                out.pop();
            }
            if !spaced(out.chars().last()) {
                out.push(NBSP);
            }
            out.push('»');
            if c == '"' {
                opening = true;
            }
        } else if c == '\'' && out.chars().last().is_some_and(char::is_alphabetic) {
            // The typographic apostrophe: « l’engagement ».
            out.push('’');
        } else {
            out.push(c);
        }
    }
    out
}

/// English typography: the typographic apostrophe and quotes, and none of French's spaces
/// before « : ; ! ? ».
pub fn english(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut opening = true;
    for c in text.chars() {
        match c {
            '\'' if out.chars().last().is_some_and(char::is_alphanumeric) => out.push('’'),
            '\'' => out.push('‘'),
            '"' => {
                out.push(if opening { '“' } else { '”' });
                opening = !opening;
            }
            c => out.push(c),
        }
    }
    out
}

/// Typography by the text's language: English for « en », French otherwise.
pub fn typeset(text: &str, language: &str) -> String {
    if language == "en" {
        english(text)
    } else {
        french(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_spaces_before_double_punctuation_and_inside_quotes() {
        assert_eq!(french("Bonjour !"), "Bonjour\u{a0}!");
        assert_eq!(french("Pourquoi?"), "Pourquoi\u{a0}?");
        assert_eq!(french("Lieu : CESE"), "Lieu\u{a0}: CESE");
        assert_eq!(french("de 10:00 à 11:30"), "de 10:00 à 11:30");
        assert_eq!(
            french("https://decider-ensemble.org"),
            "https://decider-ensemble.org"
        );
        assert_eq!(french("le \"Grand débat\""), "le «\u{a0}Grand débat\u{a0}»");
        assert_eq!(french("« Civic tech »"), "«\u{a0}Civic tech\u{a0}»");
        assert_eq!(french("«Civic tech»"), "«\u{a0}Civic tech\u{a0}»");
        assert_eq!(french("l'engagement"), "l’engagement");
    }
}
