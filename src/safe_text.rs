//! Text from the submissions comes from a public web form: whatever it holds, what we
//! write stays well-formed and what we print stays text.

use std::borrow::Cow;

/// `text` without the characters XML 1.0 forbids (control characters other than tab and
/// line breaks, U+FFFE, U+FFFF): a schedule feed or a workbook with one of them is not
/// well-formed, and the programs reading it refuse the whole file.
pub fn for_xml(text: &str) -> Cow<'_, str> {
    strip(text, |c| !allowed_in_xml(c))
}

fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` as it may go to a terminal: control characters (escape sequences that could
/// move the cursor, recolour or retitle the window) shown as U+FFFD; line breaks and
/// tabs kept.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_in_terminal) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if unsafe_in_terminal(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

fn unsafe_in_terminal(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

fn strip(text: &str, unwanted: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&unwanted) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|c| !unwanted(*c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_keeps_text_and_drops_what_xml_forbids() {
        assert_eq!(
            for_xml("Élodie «\u{a0}Ça\u{a0}» 🎉\n\t"),
            "Élodie «\u{a0}Ça\u{a0}» 🎉\n\t"
        );
        assert_eq!(
            for_xml("a\u{b}b\u{1b}[31mc\u{0}d\u{fffe}e\u{ffff}"),
            "ab[31mcde"
        );
        assert!(matches!(for_xml("rien à ôter"), Cow::Borrowed(_)));
    }

    #[test]
    fn terminal_shows_escapes_as_replacement_characters() {
        assert_eq!(
            for_terminal("titre\u{1b}]0;pwned\u{7}\u{9b}2J\nsuite\t!"),
            "titre\u{fffd}]0;pwned\u{fffd}\u{fffd}2J\nsuite\t!"
        );
    }
}
