//! People's names: how lists write them and how a French reader expects them sorted
//! (Unicode collation, last names filed without their particle).

use std::cmp::Ordering;

/// A person's name as lists show it.
pub fn full_name(first: &str, last: &str) -> String {
    format!("{first} {last}").trim().to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

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
