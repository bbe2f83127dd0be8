//! The event's logo on badges. The organisers choose a PNG or JPEG once; it is scaled down
//! to what a badge needs (a photo straight from a camera would make every PDF heavy) and
//! kept in the project as PNG.

use std::io::Cursor;
use std::path::Path;

use image::{DynamicImage, ImageFormat};
use printpdf::{RawImage, RawImageData, RawImageFormat};

use crate::error::{Error, Result};
use crate::{store, Project};

/// The longest side kept: 600 px over the 20 mm a logo gets is about 760 dpi.
pub const MAX_SIDE: u32 = 600;

#[derive(Debug, thiserror::Error)]
pub enum LogoError {
    #[error(
        "«\u{a0}{file}\u{a0}» n'est pas une image PNG ou JPEG ({found})\u{a0}: le logo n'a pas changé."
    )]
    NotPngOrJpeg { file: String, found: String },

    #[error(
        "L'image «\u{a0}{file}\u{a0}» est illisible ({detail})\u{a0}: le logo n'a pas changé."
    )]
    Unreadable { file: String, detail: String },
}

/// A logo ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub file_name: String,
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Reads a PNG or JPEG (by its content, whatever its name) and scales it down.
pub fn prepare(file_name: &str, bytes: &[u8]) -> std::result::Result<Logo, LogoError> {
    let unreadable = |e: image::ImageError| LogoError::Unreadable {
        file: file_name.to_string(),
        detail: e.to_string(),
    };
    let format = image::guess_format(bytes).map_err(|_| LogoError::NotPngOrJpeg {
        file: file_name.to_string(),
        found: "format inconnu".into(),
    })?;
    if !matches!(format, ImageFormat::Png | ImageFormat::Jpeg) {
        return Err(LogoError::NotPngOrJpeg {
            file: file_name.to_string(),
            found: format!("{format:?}"),
        });
    }
    let mut image = image::load_from_memory_with_format(bytes, format).map_err(unreadable)?;
    if image.width().max(image.height()) > MAX_SIDE {
        image = image.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Lanczos3);
    }
    let mut png = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(unreadable)?;
    Ok(Logo {
        file_name: file_name.to_string(),
        width: image.width(),
        height: image.height(),
        png,
    })
}

/// The stored PNG as printpdf's pixels: RGB when it is opaque, so that the PDF has no
/// transparency mask it does not need.
pub fn raw_image(png: &[u8]) -> Option<RawImage> {
    let image: DynamicImage = image::load_from_memory_with_format(png, ImageFormat::Png).ok()?;
    let rgba = image.to_rgba8();
    let (width, height) = (rgba.width() as usize, rgba.height() as usize);
    let opaque = rgba.pixels().all(|p| p.0[3] == 255);
    let (pixels, data_format) = if opaque {
        (image.to_rgb8().into_raw(), RawImageFormat::RGB8)
    } else {
        (rgba.into_raw(), RawImageFormat::RGBA8)
    };
    Some(RawImage {
        pixels: RawImageData::U8(pixels),
        width,
        height,
        data_format,
        tag: Vec::new(),
    })
}

impl Project {
    /// Makes the image at `path` the event's logo. An unreadable image changes nothing.
    pub fn set_logo(&mut self, path: &Path) -> Result<Logo> {
        let bytes = std::fs::read(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let logo = prepare(&name, &bytes)?;
        let tx = self.begin()?;
        store::write_logo(&tx, Some((&logo.file_name, &logo.png)))?;
        tx.commit()?;
        Ok(logo)
    }

    pub fn remove_logo(&mut self) -> Result<()> {
        let tx = self.begin()?;
        store::write_logo(&tx, None)?;
        Ok(tx.commit()?)
    }

    /// The logo's file name, when there is one.
    pub fn logo_name(&self) -> Result<Option<String>> {
        Ok(store::read_logo(&self.conn)?.map(|(name, _)| name))
    }

    pub(crate) fn logo_image(&self) -> Result<Option<RawImage>> {
        Ok(store::read_logo(&self.conn)?.and_then(|(_, png)| raw_image(&png)))
    }
}
