"""Starts two apps in turn under the X display of xvfb-run, RUNS times each, interleaved:
the time from launch until the window is painted and stable (the screen grabbed every
10 ms through Xlib; stable = unchanged for 600 ms, the time taken is that of the last
change), then the PSS of the app's process and of the processes it started."""

import ctypes
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(sys.argv[1])
APPS = {"Journée": sys.argv[2], "Tauri vide": sys.argv[3]}

x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XDefaultRootWindow.restype = ctypes.c_ulong
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XGetImage.restype = ctypes.c_void_p
x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                          ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
x11.XDestroyImage = None


class XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.POINTER(ctypes.c_char)),
                ("byte_order", ctypes.c_int), ("bitmap_unit", ctypes.c_int),
                ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int)]


display = x11.XOpenDisplay(None)
root = x11.XDefaultRootWindow(display)
libc = ctypes.CDLL(None)


def frame():
    """A hash of the screen's pixels (1280 x 800), and whether it is all one colour."""
    image = x11.XGetImage(display, root, 0, 0, 1280, 800, 0xFFFFFFFF, 2)
    img = XImage.from_address(image)
    size = img.bytes_per_line * img.height
    data = ctypes.string_at(img.data, size)
    digest = hashlib.blake2b(data, digest_size=16).digest()
    uniform = data.count(data[:4]) * 4 >= size - 4
    libc.free(img.data)
    libc.free(ctypes.c_void_p(image))
    return digest, uniform


def pss(pid):
    """PSS in MB of `pid` and of every process descended from it, by name."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry))
            except OSError:
                pass
    found, todo = {}, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{p}/smaps_rollup") as f:
                kb = next(int(l.split()[1]) for l in f if l.startswith("Pss:"))
            found[name] = found.get(name, 0) + kb / 1024
        except (OSError, StopIteration):
            pass
    return found


def run(binary, data):
    env = dict(os.environ, WEBKIT_DISABLE_COMPOSITING_MODE="1", JOURNEE_DATA_DIR=data,
               JOURNEE_CONFIG_DIR=os.path.join(data, "config"), HOME=data)
    blank, _ = frame()
    start = time.perf_counter()
    # Journée on its demo project (BENCH_JOURNEE_ARGS to try another start, "" the start screen).
    args = os.environ.get("BENCH_JOURNEE_ARGS", "--demo").split()
    proc = subprocess.Popen([binary] + (args if "journee" in binary else []), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    last, changed = blank, None
    while time.perf_counter() - start < 15:
        digest, uniform = frame()
        now = time.perf_counter()
        if digest != last:
            last, changed = digest, (now if not uniform else None)
        elif changed and now - changed > 0.6:
            break
        time.sleep(0.01)
    took = (changed or now) - start
    memory = pss(proc.pid)
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
    time.sleep(0.5)
    return took, memory


results = {name: [] for name in APPS}
with tempfile.TemporaryDirectory() as data:
    # A first start of each, not counted: the disk cache warm for both.
    for binary in APPS.values():
        run(binary, data)
    for i in range(RUNS):
        for name, binary in APPS.items():
            took, memory = run(binary, data)
            results[name].append((took, memory))
            total = sum(memory.values())
            detail = ", ".join(f"{k} {v:.0f}" for k, v in sorted(memory.items()))
            print(f"{i + 1} {name:<11} {took:5.2f} s  PSS {total:4.0f} Mo ({detail})", flush=True)

print()
med = {}
for name, rows in results.items():
    t = statistics.median(r[0] for r in rows)
    m = statistics.median(sum(r[1].values()) for r in rows)
    med[name] = (t, m)
    print(f"{name:<11} médiane : {t:.2f} s, {m:.0f} Mo")
(jt, jm), (et, em) = med["Journée"], med["Tauri vide"]
print(f"écart : temps +{(jt / et - 1) * 100:.0f} %, mémoire +{(jm / em - 1) * 100:.0f} % (cible : 15 %)")
