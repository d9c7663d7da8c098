"""A static file server that behaves like the production host, for `make bench`.

Lighthouse's figures depend on how the host serves the files, so this server
does what GitHub Pages does: gzip for text files when the client accepts it,
a short cache lifetime, `/dir` redirected to `/dir/`, and the root 404.html
(with status 404) for missing paths. Python's http.server does not compress,
which is why this exists.
Usage: python -m support.static_server SITE_DIR [PORT]  (PYTHONPATH=tests)
"""

from __future__ import annotations

import functools
import gzip
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


class CompressingHandler(SimpleHTTPRequestHandler):
    """Serves one directory with gzip and a static host's 404 page."""

    # HTTP/1.1 keep-alive, as a real host does (Lighthouse counts connections).
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirects /dir to /dir/
            path = path / "index.html"
        if not path.is_file():
            return self._send_body(404, self._site_root() / "404.html")
        return self._send_body(200, path)

    def _site_root(self) -> Path:
        return Path(self.directory)

    def _send_body(self, status: int, path: Path):
        if not path.is_file():
            self.send_error(status)
            return None
        content_type = self.guess_type(str(path))
        if content_type.startswith("text/") or path.suffix in {".js", ".json", ".xml", ".svg"}:
            content_type += "; charset=utf-8"
        headers = {"Content-Type": content_type}
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = _gzip(str(path), path.stat().st_mtime)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        else:
            body = path.read_bytes()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "HEAD":
            return None
        self.wfile.write(body)
        return None


@functools.lru_cache(maxsize=1024)
def _gzip(path: str, mtime: float) -> bytes:
    """The file compressed once (level 6, like common web servers) per version."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class QuietServer(ThreadingHTTPServer):
    """Says nothing when a browser drops a connection mid-response (a tab or
    context closed while files still load): that is the client leaving, not an
    error of the site, and http.server would print a traceback for each."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def start(site_dir: Path, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Serve site_dir on 127.0.0.1 in a background thread; return (server, base URL)."""
    handler = functools.partial(CompressingHandler, directory=str(site_dir))
    server = QuietServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main(argv: list[str]) -> int:
    if not argv or not Path(argv[0], "index.html").is_file():
        print("usage: static_server.py SITE_DIR [PORT]", file=sys.stderr)
        return 2
    server, url = start(Path(argv[0]), int(argv[1]) if len(argv) > 1 else 8000)
    print(f"Serving {argv[0]} at {url}/ (Ctrl-C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
