//! Text as printed: French typography, names sorted as a French reader expects, and text
//! fitted into a box (smaller, then on two lines; never cut).

use std::cmp::Ordering;

use super::fonts::{Fonts, Weight};

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

/// The part of a last name it is filed under: "de La Tour" under "La Tour", "d'Alembert"
/// under "Alembert"; "Le Gall" stays under "Le Gall".
pub fn filing_name(last_name: &str) -> &str {
    let trimmed = last_name.trim();
    for particle in ["de ", "d'", "d’", "du ", "des "] {
        if let Some(rest) = trimmed.strip_prefix(particle) {
            if !rest.trim().is_empty() {
                return rest.trim_start();
            }
        }
    }
    trimmed
}

/// Compares names the way a French list is sorted: by last name (filed as above), then
/// first name; accents and case matter only to break ties.
#[derive(Default)]
pub struct NameOrder(feruca::Collator);

impl NameOrder {
    pub fn compare(&mut self, a: (&str, &str), b: (&str, &str)) -> Ordering {
        self.0
            .collate(filing_name(a.0), filing_name(b.0))
            .then_with(|| self.0.collate(a.1, b.1))
            .then_with(|| self.0.collate(a.0, b.0))
    }
}

/// Text laid out in a box.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    pub lines: Vec<String>,
    pub size: f32,
    /// Below the size asked as the smallest readable one.
    pub too_small: bool,
}

/// How a piece of text should be fitted.
#[derive(Debug, Clone, Copy)]
pub struct Fit {
    pub weight: Weight,
    /// Millimetres.
    pub width: f32,
    pub height: f32,
    pub size: f32,
    /// Below this, the preflight warns.
    pub readable: f32,
    pub max_lines: usize,
}

/// Line height for a size, in millimetres.
pub fn line_height(size: f32) -> f32 {
    size * 1.2 * 25.4 / 72.0
}

/// Fits `text` in the box: first smaller on one line (down to 70 % of the size, never
/// below readable), then on up to `max_lines` lines, then smaller than readable. Nothing
/// is cut: at the end, the smallest size that fits, flagged.
pub fn fit(fonts: &Fonts, text: &str, spec: Fit) -> Fitted {
    let text = text.trim();
    let fits_in = |lines: &[String], size: f32| {
        lines.len() as f32 * line_height(size) <= spec.height + 0.01
            && lines
                .iter()
                .all(|l| fonts.width_mm(l, spec.weight, size) <= spec.width + 0.01)
    };
    // One line: widths scale with the size, so the largest size that fits is a division.
    let unit = fonts.unit_width_mm(text, spec.weight);
    let steps = |from: f32, to: f32| {
        let mut sizes = Vec::new();
        let mut s = from;
        while s >= to - 0.001 {
            sizes.push(s);
            s -= 0.5;
        }
        sizes
    };
    // A text written on several lines stays so; on one line as a last resort.
    let one = vec![text.replace('\n', " ")];
    let shrink_floor = (spec.size * 0.7).max(spec.readable);
    for size in steps(spec.size, shrink_floor) {
        if text.contains('\n') {
            break;
        }
        if unit * size <= spec.width + 0.01 && line_height(size) <= spec.height + 0.01 {
            return Fitted {
                lines: one,
                size,
                too_small: false,
            };
        }
    }
    for size in steps(spec.size, spec.readable) {
        if let Some(lines) = wrap(fonts, text, spec, size) {
            if fits_in(&lines, size) {
                return Fitted {
                    lines,
                    size,
                    too_small: false,
                };
            }
        }
    }
    for size in steps(spec.readable - 0.5, 2.0) {
        let lines = wrap(fonts, text, spec, size).unwrap_or_else(|| one.clone());
        if fits_in(&lines, size) {
            return Fitted {
                lines,
                size,
                too_small: true,
            };
        }
    }
    Fitted {
        lines: one,
        size: 2.0,
        too_small: true,
    }
}

/// Fits `text` as a list's cell is read: on more lines at its size before anything
/// smaller, then as `fit` does.
pub fn fit_wrapped(fonts: &Fonts, text: &str, spec: Fit) -> Fitted {
    let text = text.trim();
    let mut size = spec.size;
    while size >= spec.readable - 0.001 {
        if let Some(lines) = wrap(fonts, text, spec, size) {
            let fits = lines.len() as f32 * line_height(size) <= spec.height + 0.01
                && lines
                    .iter()
                    .all(|l| fonts.width_mm(l, spec.weight, size) <= spec.width + 0.01);
            if fits {
                return Fitted {
                    lines,
                    size,
                    too_small: false,
                };
            }
        }
        size -= 0.5;
    }
    fit(fonts, text, spec)
}

/// `text` cut at a word, with « … », so that it fits the box without going below
/// `spec.readable`; and whether it was cut. (A badge's session line, a description in
/// the programme: better shortened than unreadable.)
pub fn abridge(fonts: &Fonts, text: &str, spec: Fit) -> (String, bool) {
    if !fit_wrapped(fonts, text, spec).too_small {
        return (text.trim().to_string(), false);
    }
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words.len() > 1 {
        words.pop();
        let shorter = format!("{}\u{a0}…", words.join(" "));
        if !fit_wrapped(fonts, &shorter, spec).too_small {
            return (shorter, true);
        }
    }
    (String::new(), true)
}

/// Breaks `text` at its line breaks, then at spaces (or after hyphens), into at most
/// `max_lines` lines no wider than the box, greedily (one line when it fits); None when
/// it needs more lines.
fn wrap(fonts: &Fonts, text: &str, spec: Fit, size: f32) -> Option<Vec<String>> {
    if text.contains('\n') {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            lines.extend(wrap(fonts, paragraph.trim(), spec, size)?);
        }
        return (lines.len() <= spec.max_lines).then_some(lines);
    }
    if spec.max_lines < 2 {
        return Some(vec![text.to_string()]);
    }
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        // "Jean-Baptiste" may break after its hyphen.
        let mut parts = word.split_inclusive('-').peekable();
        while let Some(part) = parts.next() {
            let mut part = part.to_string();
            if parts.peek().is_none() {
                part.push(' ');
            }
            words.push(part);
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words {
        let candidate = format!("{line}{word}");
        if line.is_empty() || fonts.width_mm(candidate.trim_end(), spec.weight, size) <= spec.width
        {
            line = candidate;
        } else {
            lines.push(line.trim_end().to_string());
            line = word;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    (lines.len() <= spec.max_lines).then_some(lines)
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

    #[test]
    fn names_are_filed_without_their_particle_and_accents_only_break_ties() {
        let mut order = NameOrder::default();
        let mut names = [
            ("Zola", "Émile"),
            ("de La Tour", "Maurice"),
            ("Élie", "Anne"),
            ("Laurent", "Paul"),
            ("eliot", "Bob"),
            ("d'Alembert", "Jean"),
        ];
        names.sort_by(|a, b| order.compare(*a, *b));
        let last: Vec<&str> = names.iter().map(|n| n.0).collect();
        assert_eq!(
            last,
            [
                "d'Alembert",
                "Élie",
                "eliot",
                "de La Tour",
                "Laurent",
                "Zola"
            ]
        );
    }
}

#[cfg(test)]
mod fit_tests {
    use super::*;

    #[test]
    fn a_long_title_takes_the_largest_readable_size_before_anything_smaller() {
        let mut doc = printpdf::PdfDocument::new("t");
        let fonts = Fonts::new(&mut doc);
        let spec = Fit {
            weight: Weight::Bold,
            width: 197.0,
            height: 16.26,
            size: 30.0,
            readable: 14.0,
            max_lines: 2,
        };
        let f = fit(
            &fonts,
            "Deuxième table ronde\u{a0}: quand la technologie sert la cause",
            spec,
        );
        // 30 pt needs three lines; at 19 pt it holds on one.
        assert_eq!(f.lines.len(), 1, "{f:?}");
        assert!(f.size >= 19.0 && !f.too_small, "{f:?}");
    }
}
