//! The guest list for the venue's reception and security: everyone who gets a badge, by
//! last name as the desk looks people up (« de La Tour » under L, « Élie » under E), a
//! letter heading where each letter starts, and columns to tick the identity check and
//! the badge handed over.

use std::collections::HashMap;

use super::badges;
use super::listing::{column, Listing};

use crate::common::names::{filing_name, NameOrder};
use crate::common::typography;
use crate::error::Result;
use crate::model::BadgeRole;
use crate::Project;

/// Someone expected at the door.
#[derive(Debug, Clone, PartialEq)]
pub struct Guest {
    pub person_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub organisation: String,
    pub role: BadgeRole,
    /// What they told the form about access (a wheelchair, a hearing loop); empty if none.
    pub accessibility: String,
}

/// Everyone with a badge, in the desk's order.
pub fn guests(project: &Project) -> Result<Vec<Guest>> {
    let needs: HashMap<i64, String> = project
        .people(false)?
        .into_iter()
        .map(|p| (p.id, p.accessibility))
        .collect();
    let mut list: Vec<Guest> = badges::badges(project)?
        .into_iter()
        .map(|b| Guest {
            accessibility: needs.get(&b.person_id).cloned().unwrap_or_default(),
            person_id: b.person_id,
            first_name: b.first_name,
            last_name: b.last_name,
            organisation: b.organisation,
            role: b.role,
        })
        .collect();
    let mut order = NameOrder::default();
    list.sort_by(|a, b| {
        order.compare((&a.last_name, &a.first_name), (&b.last_name, &b.first_name))
    });
    Ok(list)
}

/// The letter a name is filed under at the desk, accents aside: « Élie » under E.
pub fn initial(last_name: &str) -> String {
    deunicode::deunicode(filing_name(last_name))
        .chars()
        .find(|c| c.is_alphanumeric())
        .map_or_else(|| "#".to_string(), |c| c.to_uppercase().collect())
}

/// A last name as a desk's list prints it: in capitals so that it stands out from the
/// first name, filed word first with its particle after (« LA TOUR (de) », under L
/// where the desk looks), with the typographic apostrophe (« N’DIAYE »).
pub fn last_name_caps(last_name: &str) -> String {
    let last = typography::french(last_name.trim());
    let filed = filing_name(&last);
    let particle = last[..last.len() - filed.len()].trim();
    if particle.is_empty() {
        filed.to_uppercase()
    } else {
        format!("{} ({particle})", filed.to_uppercase())
    }
}

pub fn draw(listing: &mut Listing, guests: &[Guest], title: &str, subtitle: &str) {
    listing.section(title, subtitle);
    by_letter(listing, guests, |guest| {
        vec![
            guest.accessibility.trim().to_string(),
            String::new(),
            String::new(),
        ]
    });
}

/// Everyone in the desk's order, a letter heading where each letter starts: the name,
/// first name, organisation and role, then the columns `more` gives.
pub fn by_letter(listing: &mut Listing, guests: &[Guest], more: impl Fn(&Guest) -> Vec<String>) {
    let mut letter = String::new();
    for guest in guests {
        let initial = initial(&guest.last_name);
        if initial != letter {
            listing.heading(&initial);
            letter = initial;
        }
        let mut row = vec![
            last_name_caps(&guest.last_name),
            guest.first_name.clone(),
            typography::french(&guest.organisation),
            guest.role.label().to_string(),
        ];
        row.extend(more(guest));
        listing.row(&row);
    }
}

/// A4 landscape: the desk's list has seven columns.
pub fn columns() -> Vec<super::listing::Column> {
    let mut name = column("Nom", 50.0);
    name.weight = super::fonts::Weight::Bold;
    vec![
        name,
        column("Prénom", 38.0),
        column("Organisation", 60.0),
        column("Qualité", 29.0),
        column("Accessibilité", 46.0),
        column("Identité vérifiée", 25.0),
        column("Badge remis", 25.0),
    ]
}
