//! Text as printed: fitted into a box (smaller, then on two lines; never cut). Its
//! typography and the order of names are the common ones (`crate::common`).

use super::fonts::{Fonts, Weight};

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
