#!/usr/bin/env python3
"""Opens N keep-alive connections to a loopback server, makes one request on each, then
holds them idle while the caller measures the server's memory. Bounded: N connections,
one request each, held for at most HOLD seconds."""
import socket
import sys
import time

port, count, hold = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
conns = []
for _ in range(count):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    conns.append(s)
for s in conns:
    data = b""
    while b"\r\n\r\n" not in data or not data.endswith(b"}"):
        chunk = s.recv(4096)
        if not chunk:
            break
        data += chunk
print("ready", flush=True)
time.sleep(hold)
for s in conns:
    s.close()
