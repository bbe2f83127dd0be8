//! Only in the debug app, the one the tests drive: input that WebDriver cannot give.

use std::cell::RefCell;
use std::time::Duration;

use super::{Answer, Failure};
use gtk::glib::translate::{ToGlibPtr, ToGlibPtrMut};
use gtk::{gdk, glib, prelude::*};

/// A finger drawn on the window from `from` to `to` (page coordinates, in `steps` moves
/// 16 ms apart), handed to the web view as GTK hands it a touchscreen's events.
/// WebKitWebDriver turns touch actions into mouse events and Xvfb has no touch device:
/// this is how a test reaches WebKit's own touch handling (the page's touch events, and the
/// mouse events WebKit makes up from the touches the page leaves alone).
#[tauri::command]
pub fn touch_drag(
    webview: tauri::Webview,
    from: (f64, f64),
    to: (f64, f64),
    steps: u32,
) -> Answer<()> {
    webview
        .with_webview(move |platform| {
            let view = platform.inner();
            let mut points = vec![(gdk::EventType::TouchBegin, from)];
            for i in 1..=steps {
                let t = f64::from(i) / f64::from(steps.max(1));
                let at = (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
                points.push((gdk::EventType::TouchUpdate, at));
            }
            points.push((gdk::EventType::TouchEnd, to));
            let points = RefCell::new(points.into_iter());
            glib::timeout_add_local(Duration::from_millis(16), move || {
                match points.borrow_mut().next() {
                    Some((kind, (x, y))) => {
                        if let Some(event) = touch_event(&view, kind, x, y) {
                            view.event(&event);
                        }
                        glib::ControlFlow::Continue
                    }
                    None => glib::ControlFlow::Break,
                }
            });
        })
        .map_err(Failure::from)
}

/// One touch event of the first finger at (x, y) in `view`'s window.
fn touch_event(
    view: &impl IsA<gtk::Widget>,
    kind: gdk::EventType,
    x: f64,
    y: f64,
) -> Option<gdk::Event> {
    let window = view.window()?;
    let device = view.display().default_seat()?.pointer()?;
    let (_, left, top) = window.origin();
    let mut event = gdk::Event::new(kind);
    event.set_device(Some(&device));
    event.set_source_device(Some(&device));
    // SAFETY: a touch event made just above, so its union holds a GdkEventTouch; the
    // window reference given to it is released with the event.
    unsafe {
        let raw: *mut gdk::ffi::GdkEvent = event.to_glib_none_mut().0;
        let touch: *mut gdk::ffi::GdkEventTouch = raw.cast();
        (*touch).window = window.to_glib_full();
        (*touch).send_event = 1;
        (*touch).time = (glib::monotonic_time() / 1000) as u32;
        (*touch).x = x;
        (*touch).y = y;
        (*touch).x_root = f64::from(left) + x;
        (*touch).y_root = f64::from(top) + y;
        // Any pointer that is not null names the finger; one finger here.
        (*touch).sequence = std::ptr::NonNull::dangling().as_ptr();
        (*touch).emulating_pointer = 1;
    }
    Some(event)
}
