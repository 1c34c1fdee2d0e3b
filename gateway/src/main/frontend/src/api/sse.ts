/**
 * Server-Sent Events over fetch(). EventSource cannot send an Authorization header, so the portal reads
 * text/event-stream from a fetch() body and parses it here, following the WHATWG "event stream interpretation".
 */

export interface ServerSentEvent {
  /** the event type; "message" when the server named none */
  event: string;
  data: string;
  /** the last event id seen on the stream so far (it carries over to later events, as the spec says) */
  id: string;
}

/** Feeds on text chunks as they arrive (split anywhere, even inside a line or a CRLF) and hands back whole events. */
export class SseParser {
  private buffer = '';
  private eventType = '';
  private data: string[] = [];
  private hasData = false;
  private lastEventId = '';
  private pendingCarriageReturn = false;
  /** the reconnection time the server asked for, in milliseconds */
  retry: number | null = null;

  get lastId(): string {
    return this.lastEventId;
  }

  feed(chunk: string): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    let text = chunk;
    // a CR at the end of the previous chunk and an LF at the start of this one are one line break
    if (this.pendingCarriageReturn && text.startsWith('\n')) {
      text = text.slice(1);
    }
    this.pendingCarriageReturn = false;
    this.buffer += text;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') {
        continue;
      }
      const line = this.buffer.slice(start, i);
      if (c === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') {
            i++;
          }
        } else {
          this.pendingCarriageReturn = true;
        }
      }
      start = i + 1;
      const event = this.line(line);
      if (event) {
        events.push(event);
      }
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private line(line: string): ServerSentEvent | null {
    if (line === '') {
      return this.dispatch();
    }
    if (line.startsWith(':')) {
      return null; // a comment: heartbeats and "connected"
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.data.push(value);
        this.hasData = true;
        break;
      case 'id':
        if (!value.includes('\u0000')) {
          this.lastEventId = value;
        }
        break;
      case 'retry':
        if (/^\d+$/.test(value)) {
          this.retry = Number(value);
        }
        break;
      default:
        break; // unknown fields are ignored
    }
    return null;
  }

  private dispatch(): ServerSentEvent | null {
    const event = this.hasData
      ? { event: this.eventType || 'message', data: this.data.join('\n'), id: this.lastEventId }
      : null;
    this.eventType = '';
    this.data = [];
    this.hasData = false;
    return event;
  }
}

export interface StreamOptions {
  url: string;
  /** the headers of each (re)connection; asked again before every attempt so a refreshed token is used */
  headers: () => Promise<Record<string, string>>;
  onEvent: (event: ServerSentEvent) => void;
  onState?: (state: 'connecting' | 'open' | 'retrying' | 'closed') => void;
  /** a 401 on connect: refresh the session and say whether to try again */
  onUnauthorized?: () => Promise<boolean>;
  signal: AbortSignal;
  fetchImpl?: typeof fetch;
  /** first and longest wait between reconnections */
  minRetryMs?: number;
  maxRetryMs?: number;
}

/** Reads the stream until the signal aborts, reconnecting with backoff (and Last-Event-ID) when it drops. */
export async function consumeEventStream(options: StreamOptions): Promise<void> {
  const fetchImpl = options.fetchImpl ?? fetch.bind(globalThis);
  const minRetry = options.minRetryMs ?? 1000;
  const maxRetry = options.maxRetryMs ?? 30000;
  let delay = minRetry;
  let lastEventId = '';
  while (!options.signal.aborted) {
    options.onState?.('connecting');
    const parser = new SseParser();
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream', ...(await options.headers()) };
      if (lastEventId) {
        headers['Last-Event-ID'] = lastEventId;
      }
      const response = await fetchImpl(options.url, { headers, signal: options.signal, cache: 'no-store' });
      if (response.status === 401 && options.onUnauthorized && (await options.onUnauthorized())) {
        continue;
      }
      if (!response.ok || !response.body) {
        throw new Error(`event stream answered ${response.status}`);
      }
      options.onState?.('open');
      delay = minRetry;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        for (const event of parser.feed(value)) {
          lastEventId = event.id;
          options.onEvent(event);
        }
      }
    } catch {
      // a dropped connection or a refused one: wait and reconnect below
    }
    if (options.signal.aborted) {
      break;
    }
    options.onState?.('retrying');
    await sleep(parser.retry ?? delay, options.signal);
    delay = Math.min(delay * 2, maxRetry);
  }
  options.onState?.('closed');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
