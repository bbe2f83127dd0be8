//! A small drawing layer over printpdf, in millimetres from the top-left corner of the
//! page, as one measures a sheet of paper.

use printpdf::{
    Color, Line, LinePoint, Mm, Op, PaintMode, PdfFontHandle, PdfPage, Point, Pt, Rect, Rgb,
    TextItem, XObjectId, XObjectTransform,
};

use super::fonts::{Fonts, Weight};

/// A colour from its hex code, as designers give them.
pub fn rgb(hex: u32) -> Color {
    // Three decimals are finer than any printer's steps of ink.
    let channel = |shift: u32| (((hex >> shift) & 0xff) as f32 / 255.0 * 1000.0).round() / 1000.0;
    Color::Rgb(Rgb {
        r: channel(16),
        g: channel(8),
        b: channel(0),
        icc_profile: None,
    })
}

pub const INK: u32 = 0x1b2430;
pub const MUTED: u32 = 0x5b6573;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

/// One page being drawn. Coordinates are those of the trimmed page; with a bleed, the
/// paper is larger by the bleed on every side, and its boxes say where to trim.
pub struct Sheet {
    pub width: f32,
    pub height: f32,
    pub bleed: f32,
    ops: Vec<Op>,
    /// What was put on the page and where, for the preflight to find overlaps.
    pub boxes: Vec<Drawn>,
    /// Inside `upside_down`: boxes are turned with what is drawn.
    turned: bool,
    /// The graphics state already set: a badge sheet sets the same colour and font
    /// thousands of times, and each operation costs in the file and in writing it.
    state: State,
}

#[derive(Default)]
struct State {
    fill: Option<u32>,
    outline: Option<(u32, u32)>,
    font: Option<(printpdf::FontId, u32)>,
}

/// Something printed (a text, the logo, a QR code) and the box it takes, in millimetres
/// from the page's top left: [left, top, right, bottom].
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    pub what: String,
    pub rect: [f32; 4],
}

/// Millimetres as points, to a hundredth of a point (3.5 µm): the file writes « 123.45 »,
/// not « 123.456787 », shorter to write and to compress, the same on paper.
fn mm(v: f32) -> Pt {
    let pt: Pt = Mm(v).into();
    Pt((pt.0 * 100.0).round() / 100.0)
}

impl Sheet {
    pub fn new(width: f32, height: f32) -> Sheet {
        Sheet::with_bleed(width, height, 0.0)
    }

    /// A page trimmed to `width` x `height` after printing on paper larger by `bleed` on
    /// each side (a print shop's 3 mm).
    pub fn with_bleed(width: f32, height: f32, bleed: f32) -> Sheet {
        Sheet {
            width,
            height,
            bleed,
            ops: Vec::new(),
            boxes: Vec::new(),
            turned: false,
            state: State::default(),
        }
    }

    /// Records that `what` takes the box `[left, top, right, bottom]`.
    pub fn mark(&mut self, what: &str, rect: [f32; 4]) {
        let rect = if self.turned {
            let [l, t, r, b] = rect;
            [
                self.width - r,
                self.height - b,
                self.width - l,
                self.height - t,
            ]
        } else {
            rect
        };
        self.boxes.push(Drawn {
            what: what.to_string(),
            rect,
        });
    }

    fn point(&self, x: f32, y: f32) -> Point {
        Point {
            x: mm(x + self.bleed),
            y: mm(self.height + self.bleed - y),
        }
    }

    fn set_fill(&mut self, colour: u32) {
        if self.state.fill != Some(colour) {
            self.ops.push(Op::SetFillColor { col: rgb(colour) });
            self.state.fill = Some(colour);
        }
    }

    /// Saves the graphics state; what is set until `restore` is forgotten after it.
    fn save(&mut self) {
        self.ops.push(Op::SaveGraphicsState);
    }

    fn restore(&mut self) {
        self.ops.push(Op::RestoreGraphicsState);
        self.state = State::default();
    }

    /// A filled rectangle; one that reaches an edge of the trimmed page runs on into the
    /// bleed, as print shops ask of colour that goes to the edge.
    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, colour: u32) {
        let (mut x, mut y, mut w, mut h) = (x, y, w, h);
        if self.bleed > 0.0 {
            let b = self.bleed;
            let at = |a: f32, b: f32| (a - b).abs() < 0.01;
            if at(x, 0.0) {
                x -= b;
                w += b;
            }
            if at(y, 0.0) {
                y -= b;
                h += b;
            }
            if at(x + w, self.width) {
                w += b;
            }
            if at(y + h, self.height) {
                h += b;
            }
        }
        self.set_fill(colour);
        let corner = self.point(x, y + h);
        let mut rect = Rect::from_xywh(corner.x, corner.y, mm(w), mm(h));
        rect.mode = Some(PaintMode::Fill);
        self.ops.push(Op::DrawRectangle { rectangle: rect });
    }

    pub fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32, thickness: f32, colour: u32) {
        let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)];
        self.polyline(&corners, true, thickness, colour);
    }

    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), thickness: f32, colour: u32) {
        self.polyline(&[from, to], false, thickness, colour);
    }

    /// `thickness` in points.
    pub fn polyline(&mut self, points: &[(f32, f32)], closed: bool, thickness: f32, colour: u32) {
        let outline = (colour, thickness.to_bits());
        if self.state.outline != Some(outline) {
            self.ops.push(Op::SetOutlineColor { col: rgb(colour) });
            self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
            self.state.outline = Some(outline);
        }
        let points = points
            .iter()
            .map(|&(x, y)| LinePoint {
                p: self.point(x, y),
                bezier: false,
            })
            .collect();
        self.ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: closed,
            },
        });
    }

    /// One line of text, its baseline at `y`, aligned on `x`.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        fonts: &Fonts,
        (x, y): (f32, f32),
        text: &str,
        weight: Weight,
        size: f32,
        colour: u32,
        align: Align,
    ) {
        if text.trim().is_empty() {
            return;
        }
        // Right-to-left names joined and in visual order, as the eye reads them.
        let runs = fonts.runs(&fonts.visual(text, weight), weight);
        let width = runs.iter().map(|r| r.advance).sum::<f32>() * size * 25.4 / 72.0;
        let left = match align {
            Align::Left => x,
            Align::Centre => x - width / 2.0,
            Align::Right => x - width,
        };
        // The ink of Latin letters: capitals and accents above, descenders below.
        let em = size * 25.4 / 72.0;
        self.mark(text, [left, y - 0.7 * em, left + width, y + 0.2 * em]);
        self.set_fill(colour);
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetTextCursor {
            pos: self.point(left, y),
        });
        for run in runs {
            let font = (run.font.clone(), size.to_bits());
            if self.state.font.as_ref() != Some(&font) {
                self.ops.push(Op::SetFont {
                    font: PdfFontHandle::External(run.font.clone()),
                    size: Pt(size),
                });
                self.state.font = Some(font);
            }
            self.ops.push(Op::ShowText {
                items: vec![TextItem::Text(run.text)],
            });
        }
        self.ops.push(Op::EndTextSection);
    }

    /// Lines of text from the top of a box: the first baseline sits one ascent below `y`.
    #[allow(clippy::too_many_arguments)]
    pub fn lines(
        &mut self,
        fonts: &Fonts,
        (x, y): (f32, f32),
        lines: &[String],
        weight: Weight,
        size: f32,
        colour: u32,
        align: Align,
    ) {
        let height = super::text::line_height(size);
        for (i, line) in lines.iter().enumerate() {
            let baseline = y + height * i as f32 + size * 0.95 * 25.4 / 72.0;
            self.text(fonts, (x, baseline), line, weight, size, colour, align);
        }
    }

    /// A circle (as a 48-sided polygon: no one sees the difference on paper).
    pub fn circle(&mut self, (cx, cy): (f32, f32), r: f32, thickness: f32, colour: u32) {
        let points: Vec<(f32, f32)> = (0..48)
            .map(|i| {
                let a = i as f32 / 48.0 * std::f32::consts::TAU;
                (cx + r * a.cos(), cy + r * a.sin())
            })
            .collect();
        self.polyline(&points, true, thickness, colour);
    }

    /// What `draw` puts on the page is turned upside down (the top half of a folded
    /// table tent, read from the other side of the table).
    pub fn upside_down(&mut self, draw: impl FnOnce(&mut Sheet)) {
        self.save();
        self.ops.push(Op::SetTransformationMatrix {
            matrix: printpdf::CurTransMat::Raw([
                -1.0,
                0.0,
                0.0,
                -1.0,
                mm(self.width + 2.0 * self.bleed).0,
                mm(self.height + 2.0 * self.bleed).0,
            ]),
        });
        self.turned = !self.turned;
        draw(self);
        self.turned = !self.turned;
        self.restore();
    }

    /// A sheet folded in two along its length (a tent on a table): `face` drawn on the
    /// lower half, again upside down on the upper half, read from the other side, and
    /// the fold marked.
    pub fn folded(&mut self, face: impl Fn(&mut Sheet)) {
        face(self);
        self.upside_down(&face);
        let middle = self.height / 2.0;
        self.line((8.0, middle), (self.width - 8.0, middle), 0.3, 0xc8ccd2);
    }

    /// An image added to the document once (`id`), fitted into a box without distortion,
    /// against the box's top right corner.
    pub fn image(
        &mut self,
        id: &XObjectId,
        pixels: (usize, usize),
        (x, y): (f32, f32),
        (w, h): (f32, f32),
    ) {
        let (pw, ph) = (pixels.0.max(1) as f32, pixels.1.max(1) as f32);
        let per_pixel = (w / pw).min(h / ph);
        let (dw, dh) = (pw * per_pixel, ph * per_pixel);
        self.mark("le logo", [x + w - dw, y, x + w, y + dh]);
        let corner = self.point(x + w - dw, y + dh);
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(corner.x),
                translate_y: Some(corner.y),
                // printpdf draws an image at one pixel per dot at this resolution.
                dpi: Some(25.4 / per_pixel),
                ..Default::default()
            },
        });
    }

    /// Draws another page of the same height on this one, `x` mm from the left edge.
    pub fn place(&mut self, page: Sheet, x: f32) {
        self.save();
        self.ops.push(Op::SetTransformationMatrix {
            matrix: printpdf::CurTransMat::Translate(
                mm(x + self.bleed),
                mm(self.height + self.bleed - page.height),
            ),
        });
        self.ops.extend(page.ops);
        let down = self.height - page.height;
        self.boxes.extend(page.boxes.into_iter().map(|mut d| {
            d.rect = [
                d.rect[0] + x,
                d.rect[1] + down,
                d.rect[2] + x,
                d.rect[3] + down,
            ];
            d
        }));
        self.restore();
    }

    pub fn into_page(self) -> PdfPage {
        // The trim and bleed boxes are written after saving (`print::with_bleed_boxes`).
        let b = self.bleed;
        PdfPage::new(
            Mm(self.width + 2.0 * b),
            Mm(self.height + 2.0 * b),
            self.ops,
        )
    }
}
