#!/usr/bin/env python3
"""Live fan-out on loopback: N WebSocket clients, one post, time until the last one has it.

usage: ws_fanout.py PORT CLIENTS SERVER_PID
env:   LIVE_COOKIE     session of the listening user (gr_session value)
       POST_COOKIE, POST_CSRF   session and CSRF token of the user who posts

Opens CLIENTS connections to ws://127.0.0.1:PORT/api/v1/live (bounded: one host, one post,
a 60-second ceiling), waits for every `hello`, reads the server's resident memory, publishes
one company post over HTTP and measures, per client, the time from the POST until its
`post.published` frame for that post arrived. Prints one line of figures. Minimal client:
no extensions offered, so frames are plain text frames.
"""
import asyncio
import base64
import json
import os
import sys
import time
import urllib.request


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


async def read_frame(reader):
    head = await reader.readexactly(2)
    opcode = head[0] & 0x0F
    length = head[1] & 0x7F
    if length == 126:
        length = int.from_bytes(await reader.readexactly(2), "big")
    elif length == 127:
        length = int.from_bytes(await reader.readexactly(8), "big")
    return opcode, await reader.readexactly(length)


async def connect(port, cookie):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write(
        (
            f"GET /api/v1/live HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            f"Origin: http://127.0.0.1:{port}\r\nCookie: gr_session={cookie}\r\n\r\n"
        ).encode()
    )
    status = await reader.readuntil(b"\r\n\r\n")
    if b" 101 " not in status.split(b"\r\n", 1)[0]:
        raise RuntimeError(status.split(b"\r\n", 1)[0].decode())
    opcode, payload = await read_frame(reader)
    if opcode != 1 or json.loads(payload).get("type") != "hello":
        raise RuntimeError("expected hello, got " + payload[:80].decode(errors="replace"))
    return reader, writer


async def wait_for_post(reader, post_id_box, started):
    while True:
        opcode, payload = await read_frame(reader)
        if opcode != 1:
            continue
        arrived = time.perf_counter()  # before waiting for the POST's answer to know the id
        event = json.loads(payload)
        if event.get("type") == "post.published":
            await started.wait()
            if event.get("post_id") == post_id_box[0]:
                return arrived


def publish(port):
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/posts",
        data=json.dumps({"body": "Fan-out check: one post to every open screen", "space": "company"}).encode(),
        headers={
            "Content-Type": "application/json",
            "Cookie": "gr_session=" + os.environ["POST_COOKIE"],
            "X-CSRF-Token": os.environ["POST_CSRF"],
        },
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())["post"]["id"]


async def main():
    port, clients, pid = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    cookie = os.environ["LIVE_COOKIE"]
    before = rss_kb(pid)
    conns = []
    # Connect in waves so the accept queue never overflows.
    for start in range(0, clients, 250):
        wave = [connect(port, cookie) for _ in range(min(250, clients - start))]
        conns += await asyncio.gather(*wave)
    await asyncio.sleep(0.5)
    during = rss_kb(pid)
    post_id_box = [None]
    started = asyncio.Event()
    waiters = [asyncio.create_task(wait_for_post(r, post_id_box, started)) for r, _ in conns]
    await asyncio.sleep(0.2)
    t0 = time.perf_counter()
    post_id_box[0] = await asyncio.get_running_loop().run_in_executor(None, publish, port)
    posted_ms = (time.perf_counter() - t0) * 1000
    started.set()
    done = await asyncio.wait_for(asyncio.gather(*waiters), timeout=60)
    lat = sorted((t - t0) * 1000 for t in done)
    for _, w in conns:
        w.close()
    per_client = (during - before) * 1024 // clients
    print(
        f"clients {clients} received {len(lat)} post_answered_ms {posted_ms:.1f} "
        f"first_ms {lat[0]:.1f} median_ms {lat[len(lat) // 2]:.1f} "
        f"last_ms {lat[-1]:.1f} rss_before_kb {before} rss_during_kb {during} "
        f"bytes_per_client {per_client}"
    )


if __name__ == "__main__":
    asyncio.run(main())
