//! The fonts the printed material uses: Noto Sans, shipped with the app (assets/fonts, OFL),
//! and for scripts it does not cover (a Taiwanese speaker's name in Chinese), a system font
//! found by fontdb in the system's font folders (Linux, Windows, macOS alike). Text is cut
//! into runs, each in the first font that has its glyphs.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont, PdfDocument};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

struct Face {
    font: ParsedFont,
    /// Glyph and advance (at 1 pt) of the characters below `CACHED`: the font's own
    /// tables are trees, and a badge sheet measures the same letters thousands of times.
    cache: Vec<Option<(u16, f32)>>,
    id: FontId,
    /// Where a system font came from (for the preflight); None for the shipped ones.
    path: Option<PathBuf>,
    /// The face's number in its file (a collection, .ttc, holds several).
    index: usize,
    /// The characters printed with it: the subset to embed.
    used: RefCell<Used>,
}

/// A set of characters, a bit each for those below `CACHED`: recording every character a
/// badge sheet prints is then a few bit operations, not a tree's.
struct Used {
    low: Vec<u64>,
    high: BTreeSet<char>,
}

impl Default for Used {
    fn default() -> Used {
        Used {
            low: vec![0; CACHED as usize / 64],
            high: BTreeSet::new(),
        }
    }
}

impl Used {
    fn extend(&mut self, text: &str) {
        for c in text.chars() {
            let code = c as u32;
            if code < CACHED {
                self.low[code as usize / 64] |= 1 << (code % 64);
            } else {
                self.high.insert(c);
            }
        }
    }

    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        self.low
            .iter()
            .enumerate()
            .flat_map(|(i, bits)| {
                (0..64)
                    .filter(move |b| bits & (1 << b) != 0)
                    .filter_map(move |b| char::from_u32((i * 64 + b) as u32))
            })
            .chain(self.high.iter().copied())
    }
}

/// Latin, Greek, Cyrillic and the punctuation block: what names are mostly made of.
const CACHED: u32 = 0x2100;

impl Face {
    fn new(font: ParsedFont, id: FontId, path: Option<PathBuf>, index: usize) -> Face {
        let em = f32::from(font.units_per_em.max(1));
        let cache = (0..CACHED)
            .map(|c| {
                let glyph = font.lookup_glyph_index(c).filter(|g| *g != 0)?;
                let width = font
                    .get_glyph_width(glyph)
                    .map_or(0.5, |w| f32::from(w) / em);
                Some((glyph, width))
            })
            .collect();
        Face {
            font,
            cache,
            id,
            path,
            index,
            used: RefCell::default(),
        }
    }

    fn glyph(&self, c: char) -> Option<(u16, f32)> {
        let code = c as u32;
        if code < CACHED {
            return self.cache[code as usize];
        }
        let glyph = self.font.lookup_glyph_index(code).filter(|g| *g != 0)?;
        let em = f32::from(self.font.units_per_em.max(1));
        let width = self
            .font
            .get_glyph_width(glyph)
            .map_or(0.5, |w| f32::from(w) / em);
        Some((glyph, width))
    }

    fn covers(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// Width of `text` at 1 pt, in points.
    fn advance(&self, text: &str) -> f32 {
        text.chars()
            .map(|c| self.glyph(c).map_or(0.5, |(_, w)| w))
            .sum()
    }
}

/// Written right to left (Hebrew, Arabic, and the blocks after them).
fn right_to_left(c: char) -> bool {
    c >= '\u{0590}'
        && matches!(
            unicode_bidi::bidi_class(c),
            unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL
        )
}

/// Arabic letters, whose shape depends on their neighbours.
fn arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}')
}

impl Face {
    /// Arabic `text` (in logical order) shaped with this font: each glyph the font's GSUB
    /// chose, as the character it stands for (a presentation form, or the letter itself
    /// when the glyph is its isolated form). None when the font cannot shape it.
    fn shape_arabic(&self, text: &str) -> Option<String> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font::MatchingPresentation;
        use allsorts::font_data::FontData;
        use allsorts::gsub::{FeatureMask, FeatureMaskExt};
        use allsorts::{tag, Font};
        let bytes = &self.font.original_bytes;
        let data = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
        let mut font = Font::new(data.table_provider(self.index).ok()?).ok()?;
        let glyphs = font.map_glyphs(text, tag::ARAB, MatchingPresentation::NotRequired);
        let infos = match font.shape(
            glyphs,
            tag::ARAB,
            None,
            FeatureMask::default_mask(),
            &[],
            None,
            true,
        ) {
            Ok(infos) => infos,
            Err((_, infos)) => infos,
        };
        // Which character each glyph of the Arabic blocks stands for: the presentation
        // forms first, then the letters themselves, which win for the glyphs they share.
        let mut chars: HashMap<u16, char> = HashMap::new();
        for range in [
            0xFB50..=0xFDFF,
            0xFE70..=0xFEFF,
            0x0600..=0x06FF,
            0x0750..=0x077F,
        ] {
            for code in range {
                if let Some((glyph, _)) = char::from_u32(code).and_then(|c| self.glyph(c)) {
                    chars.insert(glyph, char::from_u32(code)?);
                }
            }
        }
        Some(
            infos
                .iter()
                .flat_map(|info| match chars.get(&info.glyph.glyph_index) {
                    Some(c) => vec![*c],
                    // A glyph with no character of its own: the letters it was made from.
                    None => info.glyph.unicodes.iter().copied().collect(),
                })
                .collect(),
        )
    }
}

/// A piece of text in one font.
pub struct Run<'a> {
    pub text: String,
    pub font: &'a FontId,
    /// Points at 1 pt; multiply by the size.
    pub advance: f32,
}

/// The fonts of one document. Fonts are added to the document as they are needed.
pub struct Fonts {
    regular: Face,
    bold: Face,
    /// System fonts found for characters Noto Sans lacks.
    fallbacks: Vec<Face>,
    /// Which fallback has each character asked about (None: no system font has it).
    asked: HashMap<char, Option<usize>>,
}

/// Adds a font to the document under the name a subset font carries in PDF: a tag of six
/// capitals, « + », its PostScript name (« KQMBWE+NotoSans-Regular »). Prepress tools read
/// the tag to know the font is a subset, and the name to say which font it is; printpdf
/// names the font with its id.
fn add_font(doc: &mut PdfDocument, font: &ParsedFont, index: usize) -> FontId {
    use std::hash::{Hash, Hasher};
    let n = doc.resources.fonts.map.len();
    let name: String = postscript_name(&font.original_bytes, index)
        .or_else(|| font.font_name.clone())
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(40)
        .collect();
    let name = if name.is_empty() {
        "Font".to_string()
    } else {
        name
    };
    let mut hasher = rustc_hash::FxHasher::default();
    (n, &name).hash(&mut hasher);
    let mut bits = hasher.finish();
    let tag: String = (0..6)
        .map(|_| {
            let letter = (b'A' + (bits % 26) as u8) as char;
            bits /= 26;
            letter
        })
        .collect();
    let id = FontId(format!("{tag}+{name}"));
    doc.resources
        .fonts
        .map
        .insert(id.clone(), printpdf::PdfFont::new(font.clone()));
    id
}

impl Fonts {
    pub fn new(doc: &mut PdfDocument) -> Fonts {
        let load = |bytes: &[u8], doc: &mut PdfDocument| {
            let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .expect("the shipped Noto Sans parses");
            let id = add_font(doc, &font, 0);
            Face::new(font, id, None, 0)
        };
        Fonts {
            regular: load(REGULAR, doc),
            bold: load(BOLD, doc),
            fallbacks: Vec::new(),
            asked: HashMap::new(),
        }
    }

    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Makes sure every character of `text` has a font if the system has one; returns
    /// the characters nothing covers.
    pub fn prepare(&mut self, doc: &mut PdfDocument, text: &str) -> Vec<char> {
        let mut missing = Vec::new();
        for c in text.chars() {
            if c.is_whitespace() || c.is_control() || self.regular.covers(c) {
                continue;
            }
            if self.fallbacks.iter().any(|f| f.covers(c)) {
                continue;
            }
            let found = match self.asked.get(&c) {
                Some(found) => *found,
                None => {
                    let found = self.find_system_font(doc, c);
                    self.asked.insert(c, found);
                    found
                }
            };
            if found.is_none() && !missing.contains(&c) {
                missing.push(c);
            }
        }
        missing
    }

    fn find_system_font(&mut self, doc: &mut PdfDocument, c: char) -> Option<usize> {
        for (path, index) in system_files_with(c) {
            if let Some(known) = self
                .fallbacks
                .iter()
                .position(|f| f.path.as_ref() == Some(&path) && f.index == index)
            {
                return Some(known);
            }
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let Some(font) = ParsedFont::from_bytes(&bytes, index, &mut Vec::new()) else {
                continue;
            };
            let id = add_font(doc, &font, index);
            let face = Face::new(font, id, Some(path), index);
            if face.covers(c) {
                self.fallbacks.push(face);
                return Some(self.fallbacks.len() - 1);
            }
        }
        None
    }

    /// The system fonts in use, for the preflight and the tests.
    pub fn system_fonts(&self) -> Vec<PathBuf> {
        self.fallbacks
            .iter()
            .filter_map(|f| f.path.clone())
            .collect()
    }

    /// `text` as it is drawn, left to right: Arabic letters joined by the font's own rules
    /// (allsorts shapes with the font's GSUB table, the glyphs chosen written back as the
    /// presentation forms they stand for), then right-to-left runs put in visual order by
    /// the Unicode bidirectional algorithm. Text with no right-to-left letter is returned
    /// as it is.
    pub fn visual<'t>(&self, text: &'t str, weight: Weight) -> std::borrow::Cow<'t, str> {
        if !text.chars().any(right_to_left) {
            return std::borrow::Cow::Borrowed(text);
        }
        let shaped: String = self
            .split(text, weight)
            .into_iter()
            .map(|(face, run)| {
                if run.chars().any(arabic) {
                    face.shape_arabic(&run).unwrap_or(run)
                } else {
                    run
                }
            })
            .collect();
        let bidi = unicode_bidi::BidiInfo::new(&shaped, None);
        let line: String = bidi
            .paragraphs
            .iter()
            .map(|p| bidi.reorder_line(p, p.range.clone()).into_owned())
            .collect();
        std::borrow::Cow::Owned(line)
    }

    /// `text` cut into runs of one font each, to draw: the characters are recorded for the
    /// subset. Characters no font has stay in the main font's run (they print as a blank
    /// box, and the preflight names them).
    pub fn runs(&self, text: &str, weight: Weight) -> Vec<Run<'_>> {
        self.split(text, weight)
            .into_iter()
            .map(|(face, text)| {
                face.used.borrow_mut().extend(&text);
                Run {
                    advance: face.advance(&text),
                    font: &face.id,
                    text,
                }
            })
            .collect()
    }

    fn split(&self, text: &str, weight: Weight) -> Vec<(&Face, String)> {
        let main = self.face(weight);
        let mut runs: Vec<(usize, String)> = Vec::new();
        for c in text.chars() {
            // 0: the main face; n + 1: fallback n.
            let which = if c.is_whitespace() || main.covers(c) {
                0
            } else {
                self.fallbacks
                    .iter()
                    .position(|f| f.covers(c))
                    .map_or(0, |i| i + 1)
            };
            match runs.last_mut() {
                Some((w, s)) if *w == which || (c == ' ' && *w != 0) => s.push(c),
                _ => runs.push((which, c.to_string())),
            }
        }
        runs.into_iter()
            .map(|(which, text)| {
                let face = if which == 0 {
                    main
                } else {
                    &self.fallbacks[which - 1]
                };
                (face, text)
            })
            .collect()
    }

    /// Width of `text` at 1 pt, in millimetres (widths scale with the size).
    pub fn unit_width_mm(&self, text: &str, weight: Weight) -> f32 {
        let main = self.face(weight);
        // Most text is in the main face: measure it without cutting it into runs.
        let points: f32 = if text.chars().all(|c| c.is_whitespace() || main.covers(c)) {
            main.advance(text)
        } else {
            self.split(text, weight)
                .iter()
                .map(|(face, t)| face.advance(t))
                .sum()
        };
        points * 25.4 / 72.0
    }

    /// Width of `text` at `size` points, in millimetres.
    pub fn width_mm(&self, text: &str, weight: Weight, size: f32) -> f32 {
        self.unit_width_mm(text, weight) * size
    }
}

impl Fonts {
    /// Replaces each font in the document by the subset of it the text used. A font that
    /// cannot be subset stays whole: bigger, never wrong.
    pub fn subset_into(&self, doc: &mut PdfDocument) {
        for face in [&self.regular, &self.bold]
            .into_iter()
            .chain(&self.fallbacks)
        {
            let used = face.used.borrow();
            let mut glyphs: Vec<u16> = used
                .chars()
                .filter_map(|c| face.glyph(c))
                .map(|(g, _)| g)
                .collect();
            glyphs.sort_unstable();
            glyphs.dedup();
            glyphs.insert(0, 0);
            if let Some(font) = subset(&face.font.original_bytes, face.index, &glyphs) {
                doc.resources
                    .fonts
                    .map
                    .insert(face.id.clone(), printpdf::PdfFont::new(font));
            }
        }
    }
}

/// The font's PostScript name, from its name table.
fn postscript_name(bytes: &[u8], index: usize) -> Option<String> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::tables::{FontTableProvider, NameTable};
    let data = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
    let provider = data.table_provider(index).ok()?;
    let table = provider.read_table_data(allsorts::tag::NAME).ok()?;
    let names = ReadScope::new(&table).read::<NameTable<'_>>().ok()?;
    names.string_for_id(NameTable::POSTSCRIPT_NAME)
}

fn subset(bytes: &[u8], index: usize, glyphs: &[u16]) -> Option<ParsedFont> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{subset, CmapTarget, SubsetProfile};
    let data = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
    let provider = data.table_provider(index).ok()?;
    let subset = subset(&provider, glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode).ok()?;
    ParsedFont::from_bytes(&subset, 0, &mut Vec::new())
}

/// The system's fonts, read once per process by fontdb from the font folders of Linux,
/// Windows or macOS: the plain styles first (a fallback serves every weight, and regular
/// text must not come out bold), then by file.
fn system_fonts() -> &'static (fontdb::Database, Vec<fontdb::ID>) {
    static FONTS: OnceLock<(fontdb::Database, Vec<fontdb::ID>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mut faces: Vec<&fontdb::FaceInfo> = db.faces().collect();
        let styled = |f: &fontdb::FaceInfo| {
            f.style != fontdb::Style::Normal
                || f.weight != fontdb::Weight::NORMAL
                || f.stretch != fontdb::Stretch::Normal
                || f.monospaced
        };
        let path = |f: &fontdb::FaceInfo| match &f.source {
            fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => Some(p.clone()),
            fontdb::Source::Binary(_) => None,
        };
        faces.sort_by_key(|f| (styled(f), path(f), f.index));
        let order = faces.iter().map(|f| f.id).collect();
        (db, order)
    })
}

/// The system's font files (and face in the file) that have `c`, in the order above.
fn system_files_with(c: char) -> impl Iterator<Item = (PathBuf, usize)> {
    let (db, order) = system_fonts();
    order.iter().filter_map(move |id| {
        let face = db.face(*id)?;
        let path = match &face.source {
            fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
            fontdb::Source::Binary(_) => return None,
        };
        let has = db.with_face_data(*id, |data, index| {
            ttf_parser::Face::parse(data, index)
                .ok()
                .and_then(|f| f.glyph_index(c))
                .is_some_and(|g| g.0 != 0)
        })?;
        has.then_some((path, face.index as usize))
    })
}
