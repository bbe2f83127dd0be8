//! A small drawing layer over printpdf, in millimetres from the top-left corner of the
//! page, as one measures a sheet of paper.

use printpdf::{
    Color, Line, LinePoint, Mm, Op, PaintMode, PdfFontHandle, PdfPage, Point, Pt, Rect, Rgb,
    TextItem, XObjectId, XObjectTransform,
};

use super::fonts::{Fonts, Weight};

/// A colour from its hex code, as designers give them.
pub fn rgb(hex: u32) -> Color {
    let channel = |shift: u32| ((hex >> shift) & 0xff) as f32 / 255.0;
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
}

fn mm(v: f32) -> Pt {
    Mm(v).into()
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
        }
    }

    fn point(&self, x: f32, y: f32) -> Point {
        Point {
            x: mm(x + self.bleed),
            y: mm(self.height + self.bleed - y),
        }
    }

    pub fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, colour: u32) {
        self.ops.push(Op::SetFillColor { col: rgb(colour) });
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
        self.ops.push(Op::SetOutlineColor { col: rgb(colour) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
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
        let width = fonts.width_mm(text, weight, size);
        let left = match align {
            Align::Left => x,
            Align::Centre => x - width / 2.0,
            Align::Right => x - width,
        };
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetFillColor { col: rgb(colour) });
        self.ops.push(Op::SetTextCursor {
            pos: self.point(left, y),
        });
        for run in fonts.runs(text, weight) {
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(run.font.clone()),
                size: Pt(size),
            });
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
        self.ops.push(Op::SaveGraphicsState);
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
        draw(self);
        self.ops.push(Op::RestoreGraphicsState);
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
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetTransformationMatrix {
            matrix: printpdf::CurTransMat::Translate(
                mm(x + self.bleed),
                mm(self.height + self.bleed - page.height),
            ),
        });
        self.ops.extend(page.ops);
        self.ops.push(Op::RestoreGraphicsState);
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
