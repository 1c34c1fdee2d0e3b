import { describe, expect, it, vi } from 'vitest';
import { type ServerSentEvent, SseParser, consumeEventStream } from '../src/api/sse';

describe('text/event-stream parsing', () => {
  it('reads the events the notification service writes, skipping its comments', () => {
    const parser = new SseParser();
    const events = parser.feed(':connected\n\nid:n-1\nevent:notification\ndata:{"subject":"Hi"}\n\n:heartbeat\n\n');
    expect(events).toEqual([{ event: 'notification', data: '{"subject":"Hi"}', id: 'n-1' }]);
  });

  it('puts together an event split across chunks anywhere, even inside a CRLF', () => {
    const parser = new SseParser();
    const text = 'event: notification\r\ndata: {"a":\r\ndata: 1}\r\nid: 7\r\n\r\n';
    const events: ServerSentEvent[] = [];
    for (const char of text) {
      events.push(...parser.feed(char));
    }
    expect(events).toEqual([{ event: 'notification', data: '{"a":\n1}', id: '7' }]);
  });

  it('does not count a CR at a chunk end and the LF that follows as two line breaks', () => {
    const parser = new SseParser();
    expect(parser.feed('data: x\r')).toEqual([]);
    expect(parser.feed('\ndata: y\r')).toEqual([]);
    expect(parser.feed('\n\r\n')).toEqual([{ event: 'message', data: 'x\ny', id: '' }]);
  });

  it('accepts lone CR line endings', () => {
    const parser = new SseParser();
    expect(parser.feed('data: a\r\rdata: b\r\r')).toEqual([
      { event: 'message', data: 'a', id: '' },
      { event: 'message', data: 'b', id: '' },
    ]);
  });

  it('keeps the last event id for later events, and dispatches nothing without data', () => {
    const parser = new SseParser();
    expect(parser.feed('id: 1\nevent: notification\n\n')).toEqual([]);
    expect(parser.feed('data: second\n\n')).toEqual([{ event: 'message', data: 'second', id: '1' }]);
    expect(parser.lastId).toBe('1');
  });

  it('strips one leading space only, and keeps colons in the value', () => {
    const parser = new SseParser();
    expect(parser.feed('data:  two spaces: and a colon\n\n')).toEqual([{ event: 'message', data: ' two spaces: and a colon', id: '' }]);
  });

  it('reads the retry field and ignores unknown fields', () => {
    const parser = new SseParser();
    parser.feed('retry: 2500\nfoo: bar\nretry: soon\n\n');
    expect(parser.retry).toBe(2500);
  });

  it('holds back an event until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.feed('data: partial')).toEqual([]);
    expect(parser.feed('\n')).toEqual([]);
    expect(parser.feed('\n')).toEqual([{ event: 'message', data: 'partial', id: '' }]);
  });
});

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(encoder.encode(chunk)));
      controller.close();
    },
  });
}

describe('the event stream over fetch', () => {
  it('sends the bearer token, delivers events, and reconnects with Last-Event-ID when the stream ends', async () => {
    const abort = new AbortController();
    const calls: Record<string, string>[] = [];
    const received: ServerSentEvent[] = [];
    const fetchImpl = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      calls.push(init?.headers as Record<string, string>);
      if (calls.length === 1) {
        return new Response(streamOf(':connected\n\n', 'id: a\nevent: notification\ndata: {"n":1}\n\n'), { status: 200 });
      }
      abort.abort();
      return new Response(streamOf(), { status: 200 });
    });
    await consumeEventStream({
      url: '/api/notifications/stream',
      headers: async () => ({ Authorization: 'Bearer t1' }),
      onEvent: (event) => received.push(event),
      signal: abort.signal,
      fetchImpl: fetchImpl as unknown as typeof fetch,
      minRetryMs: 1,
    });
    expect(received).toEqual([{ event: 'notification', data: '{"n":1}', id: 'a' }]);
    expect(calls[0].Authorization).toBe('Bearer t1');
    expect(calls[0].Accept).toBe('text/event-stream');
    expect(calls[1]['Last-Event-ID']).toBe('a');
  });

  it('asks for a fresh token on a 401 and connects again with it', async () => {
    const abort = new AbortController();
    let token = 'old';
    const seen: string[] = [];
    const fetchImpl = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      const authorization = (init?.headers as Record<string, string>).Authorization;
      seen.push(authorization);
      if (authorization === 'Bearer old') {
        return new Response('', { status: 401 });
      }
      abort.abort();
      return new Response(streamOf(), { status: 200 });
    });
    const onUnauthorized = vi.fn(async () => {
      token = 'new';
      return true;
    });
    await consumeEventStream({
      url: '/s',
      headers: async () => ({ Authorization: `Bearer ${token}` }),
      onEvent: () => undefined,
      onUnauthorized,
      signal: abort.signal,
      fetchImpl: fetchImpl as unknown as typeof fetch,
      minRetryMs: 1,
    });
    expect(onUnauthorized).toHaveBeenCalledOnce();
    expect(seen).toEqual(['Bearer old', 'Bearer new']);
  });

  it('backs off and reports the state while the server is down', async () => {
    const abort = new AbortController();
    const states: string[] = [];
    let attempts = 0;
    const fetchImpl = vi.fn(async () => {
      attempts += 1;
      if (attempts === 3) {
        abort.abort();
      }
      throw new TypeError('connection refused');
    });
    await consumeEventStream({
      url: '/s',
      headers: async () => ({}),
      onEvent: () => undefined,
      onState: (state) => states.push(state),
      signal: abort.signal,
      fetchImpl: fetchImpl as unknown as typeof fetch,
      minRetryMs: 1,
    });
    expect(attempts).toBe(3);
    expect(states).toEqual(['connecting', 'retrying', 'connecting', 'retrying', 'connecting', 'closed']);
  });
});
