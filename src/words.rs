//! French words that depend on a number or a date, said one way everywhere (messages,
//! command line, exports).

use chrono::{NaiveDate, NaiveDateTime};

/// « 0 erreur », « 1 erreur », « 2 erreurs »: in French, 0 and 1 take the singular.
pub fn plural(n: impl Into<i64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n}\u{a0}{}", if n.abs() <= 1 { one } else { many })
}

/// « 18 mars 2019 ».
pub fn date(d: NaiveDate) -> String {
    d.format_localized("%-d %B %Y", chrono::Locale::fr_FR)
        .to_string()
}

/// « 18 mars 2019 à 14:05 ».
pub fn date_time(t: NaiveDateTime) -> String {
    format!("{} à {}", date(t.date()), t.format("%H:%M"))
}

/// « a », « a et b », « a, b et c ».
pub fn list_fr(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} et {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_read_as_in_french() {
        assert_eq!(plural(0, "erreur", "erreurs"), "0\u{a0}erreur");
        assert_eq!(
            plural(1, "mise à jour", "mises à jour"),
            "1\u{a0}mise à jour"
        );
        assert_eq!(plural(2, "erreur", "erreurs"), "2\u{a0}erreurs");
        let d = NaiveDate::from_ymd_opt(2019, 3, 18).unwrap();
        assert_eq!(date(d), "18 mars 2019");
        assert_eq!(
            date_time(d.and_hms_opt(9, 5, 0).unwrap()),
            "18 mars 2019 à 09:05"
        );
    }
}
