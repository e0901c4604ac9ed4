#!/usr/bin/env python3
"""A client of the LiquidationHeatmap local API (`lhm serve`, docs/api.md) using only the Python
standard library: REST over http.client and the live stream over a hand-written WebSocket
(RFC 6455: handshake, masked client frames, ping/pong, close).

    python3 examples/lhm_client.py health
    python3 examples/lhm_client.py levels BTCUSDT
    python3 examples/lhm_client.py signals BTCUSDT
    python3 examples/lhm_client.py stream BTCUSDT,ETHUSDT      # one JSON line per live message (liquidation, alert, signal)

Environment: LHM_API (default http://127.0.0.1:8765), LHM_TOKEN (bearer token when the server
was started with --token-env). Model answers are ESTIMATES, not observed positions.
"""
import base64
import hashlib
import http.client
import json
import os
import socket
import struct
import sys
import urllib.parse

API = os.environ.get("LHM_API", "http://127.0.0.1:8765")
TOKEN = os.environ.get("LHM_TOKEN", "")
WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class ApiError(Exception):
    def __init__(self, status, field, message):
        super().__init__(f"HTTP {status}: {field or '-'}: {message}")
        self.status, self.field, self.message = status, field, message


def _endpoint():
    u = urllib.parse.urlsplit(API)
    return u.hostname or "127.0.0.1", u.port or 8765


def request(method, path, params=None, body=None, timeout=60):
    """One REST call; returns the decoded JSON body or raises ApiError."""
    host, port = _endpoint()
    query = "?" + urllib.parse.urlencode(params) if params else ""
    headers = {"Accept": "application/json"}
    if TOKEN:
        headers["Authorization"] = "Bearer " + TOKEN
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request(method, path + query, body=data, headers=headers)
        resp = conn.getresponse()
        payload = resp.read()
    finally:
        conn.close()
    doc = json.loads(payload) if payload else None
    if resp.status >= 400:
        err = (doc or {}).get("error", {})
        raise ApiError(resp.status, err.get("field"), err.get("message", resp.reason))
    return doc


def health():
    return request("GET", "/health")


def levels(symbol, **params):
    return request("GET", "/liquidations/levels", dict(symbol=symbol, **params))


def heatmap(symbol, **params):
    return request("GET", "/liquidations/heatmap", dict(symbol=symbol, **params))


def compare_models(symbol, **params):
    return request("GET", "/liquidations/compare-models", dict(symbol=symbol, **params))


def history(symbol, **params):
    return request("GET", "/liquidations/history", dict(symbol=symbol, **params))


def signals(symbol, **params):
    return request("GET", "/trading/signals", dict(symbol=symbol, **params))


def add_alert(rule):
    return request("POST", "/alerts", body=rule)


class WebSocket:
    """The client side of RFC 6455, enough for text messages from /ws/liquidations."""

    def __init__(self, path):
        host, port = _endpoint()
        self.sock = socket.create_connection((host, port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [f"GET {path} HTTP/1.1", f"Host: {host}:{port}", "Upgrade: websocket", "Connection: Upgrade",
                 f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13"]
        if TOKEN:
            lines.append("Authorization: Bearer " + TOKEN)
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("closed during the handshake")
            head += chunk
        head, self.buf = head.split(b"\r\n\r\n", 1)
        status = head.split(b"\r\n", 1)[0]
        if b" 101 " not in status:
            raise ConnectionError("handshake refused: " + status.decode(errors="replace"))
        accept = base64.b64encode(hashlib.sha1((key + WS_GUID).encode()).digest())
        if b"sec-websocket-accept: " + accept.lower() not in head.lower():
            raise ConnectionError("bad Sec-WebSocket-Accept")
        self.sock.settimeout(None)

    def _read(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("connection closed")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def _send(self, opcode, payload=b""):
        # Client frames are always masked (RFC 6455 5.3).
        mask = os.urandom(4)
        n = len(payload)
        if n < 126:
            header = struct.pack("!BB", 0x80 | opcode, 0x80 | n)
        elif n < 65536:
            header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, n)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, n)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def messages(self):
        """Yields each text message; answers pings; stops on a close frame (raises with its reason)."""
        parts = []
        while True:
            b0, b1 = self._read(2)
            opcode, n = b0 & 0x0F, b1 & 0x7F
            if n == 126:
                n = struct.unpack("!H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack("!Q", self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else None
            payload = self._read(n)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            if opcode == 0x9:  # ping
                self._send(0xA, payload)
            elif opcode == 0x8:  # close: code + reason
                code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
                self._send(0x8, payload[:2])
                self.sock.close()
                raise ConnectionError(f"closed by the server: {code} {payload[2:].decode(errors='replace')}")
            elif opcode in (0x1, 0x0):
                parts.append(payload)
                if b0 & 0x80:
                    yield b"".join(parts).decode()
                    parts = []

    def close(self):
        self._send(0x8, struct.pack("!H", 1000))
        self.sock.close()


def stream(symbols="", exchanges=""):
    """Yields each live message as a dict ({"type":"liquidation",...})."""
    query = urllib.parse.urlencode({k: v for k, v in (("symbols", symbols), ("exchanges", exchanges)) if v})
    ws = WebSocket("/ws/liquidations" + ("?" + query if query else ""))
    for text in ws.messages():
        yield json.loads(text)


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd, args = argv[1], argv[2:]
    try:
        if cmd == "health":
            print(json.dumps(health(), indent=2))
        elif cmd == "levels":
            m = levels(args[0])
            print(f"ESTIMATE {m['symbol']} at {m['current_price']}: {len(m['prices'])} price buckets of {m['bucket']} USD")
        elif cmd == "heatmap":
            h = heatmap(args[0], window=args[1] if len(args) > 1 else "7d")
            print(f"ESTIMATE {h['symbol']} {h['window']}: {len(h['times'])} columns x {len(h['prices'])} rows")
        elif cmd == "signals":
            print(json.dumps(signals(args[0]), indent=2))
        elif cmd == "history":
            print(json.dumps(history(args[0]), indent=2))
        elif cmd == "stream":
            for msg in stream(args[0] if args else ""):
                print(json.dumps(msg), flush=True)
        else:
            print(__doc__)
            return 2
    except ApiError as e:
        print(e, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
