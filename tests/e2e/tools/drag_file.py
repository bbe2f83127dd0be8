"""A file manager's drag, for the end-to-end tests: a small GTK window at the bottom right
of the screen that offers one file (text/uri-list) to whatever it is dragged onto, over
the X drag-and-drop protocol (XDND), as Nautilus or Thunar do. The test drives the mouse
with xdotool from this window to the app's. Exits after the drop, or after 20 s.

    /usr/bin/python3 drag_file.py FILE"""

import sys
from pathlib import Path

import gi

gi.require_version("Gdk", "3.0")
gi.require_version("Gtk", "3.0")
from gi.repository import GLib, Gdk, Gtk  # noqa: E402

uri = Path(sys.argv[1]).resolve().as_uri()
window = Gtk.Window(title="drag-file")
window.set_decorated(False)
window.set_default_size(160, 90)
source = Gtk.EventBox()
source.add(Gtk.Label(label=Path(sys.argv[1]).name))
window.add(source)

source.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
source.drag_source_add_uri_targets()
source.connect("drag-data-get", lambda _w, _c, data, _i, _t: data.set_uris([uri]))
source.connect("drag-end", lambda *_: GLib.timeout_add(300, Gtk.main_quit))

area = Gdk.Display.get_default().get_monitor(0).get_geometry()
window.move(area.x + area.width - 180, area.y + area.height - 110)
window.connect("destroy", Gtk.main_quit)
window.show_all()
# Said once the window is on screen, for the test to start dragging.
GLib.timeout_add(200, lambda: print("ready", flush=True) and False)
GLib.timeout_add_seconds(20, Gtk.main_quit)
Gtk.main()
