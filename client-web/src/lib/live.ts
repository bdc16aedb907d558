/**
 * The live channel: one WebSocket to /api/v1/live per signed-in tab. It hands each event to
 * its listeners, acknowledges what it read (at most every two seconds, as the server asks),
 * pings to keep the connection alive, and reconnects after a loss with exponential backoff and
 * jitter, sending the last event id so the server can replay what was missed (or answer
 * "reload" when that is too old).
 */

export interface LiveEvent {
  type: string;
  id: number;
  post_id?: number;
  reply_id?: number;
  space?: string;
  state?: string;
  like_count?: number;
  reply_count?: number;
  unread_count?: number;
}

export type LiveState = 'connecting' | 'open' | 'offline';

/** Delay before reconnect attempt `attempt` (0-based): 1 s doubling to 30 s, with "full jitter". */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** Math.max(0, Math.min(attempt, 10)));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The WebSocket address of the live channel for a page at `location`. */
export function liveUrl(location: { protocol: string; host: string }, lastId: number | null): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/v1/live${lastId === null ? '' : `?last_id=${lastId}`}`;
}

/** Parses one server message; null for anything that is not an event object. */
export function parseLiveEvent(text: string): LiveEvent | null {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object') return null;
    const e = value as Partial<LiveEvent>;
    if (typeof e.type !== 'string') return null;
    if (e.type !== 'pong' && typeof e.id !== 'number') return null;
    return e as LiveEvent;
  } catch {
    return null;
  }
}

const ACK_EVERY_MS = 2000;
const PING_EVERY_MS = 25_000;

export class LiveConnection {
  private socket: WebSocket | null = null;
  private lastId: number | null = null;
  private ackedId = 0;
  private attempt = 0;
  private retryTimer: number | undefined;
  private ackTimer: number | undefined;
  private pingTimer: number | undefined;
  private stopped = false;
  private listeners = new Set<(e: LiveEvent) => void>();
  private stateListeners = new Set<(s: LiveState) => void>();
  state: LiveState = 'connecting';

  constructor(private readonly makeSocket: (url: string) => WebSocket = (url) => new WebSocket(url)) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.retryTimer);
    window.clearTimeout(this.ackTimer);
    window.clearInterval(this.pingTimer);
    this.socket?.close(1000, 'signed out');
    this.socket = null;
  }

  /** Calls `fn` for every event; returns the unsubscribe function. */
  subscribe(fn: (e: LiveEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onState(fn: (s: LiveState) => void): () => void {
    this.stateListeners.add(fn);
    return () => this.stateListeners.delete(fn);
  }

  private setState(s: LiveState) {
    if (this.state === s) return;
    this.state = s;
    this.stateListeners.forEach((fn) => fn(s));
  }

  private connect() {
    if (this.stopped) return;
    this.setState(this.attempt === 0 ? 'connecting' : 'offline');
    let socket: WebSocket;
    try {
      socket = this.makeSocket(liveUrl(window.location, this.lastId));
    } catch {
      this.retry();
      return;
    }
    this.socket = socket;
    socket.onmessage = (m) => this.receive(typeof m.data === 'string' ? m.data : '');
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      window.clearInterval(this.pingTimer);
      this.retry();
    };
  }

  private retry() {
    if (this.stopped) return;
    this.setState('offline');
    const delay = backoffDelay(this.attempt++);
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }

  private receive(text: string) {
    const e = parseLiveEvent(text);
    if (!e || e.type === 'pong') return;
    if (e.type === 'hello' || e.type === 'reload') {
      this.attempt = 0;
      this.setState('open');
      window.clearInterval(this.pingTimer);
      this.pingTimer = window.setInterval(() => this.send({ type: 'ping' }), PING_EVERY_MS);
    }
    this.lastId = e.id;
    this.listeners.forEach((fn) => fn(e));
    if (e.type !== 'hello' && e.type !== 'reload' && this.ackTimer === undefined) {
      this.ackTimer = window.setTimeout(() => {
        this.ackTimer = undefined;
        if (this.lastId !== null && this.lastId > this.ackedId) {
          this.ackedId = this.lastId;
          this.send({ type: 'ack', id: this.lastId });
        }
      }, ACK_EVERY_MS);
    }
  }

  private send(message: object) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
