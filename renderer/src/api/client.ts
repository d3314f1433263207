import type { Client, EventName, MethodName } from '../../../main/api/contract';
import { ApiError, isApiErrorBody, type ApiResult } from '../../../main/api/errors';
import type { PreloadBridge } from '../../../preload/bridge-types';

declare global {
  interface Window {
    /** Present inside the Electron window (from the preload); absent in a browser. */
    tw?: PreloadBridge;
  }
}

function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw ApiError.fromBody(result.error);
}

/** Inside Electron: the preload bridge, over IPC. */
function bridgeClient(bridge: PreloadBridge): Client {
  return {
    async call(method, input) {
      const invoke = bridge.methods[method] as (input: unknown) => Promise<ApiResult<never>>;
      return unwrap(await invoke(input));
    },
    on(event, listener) {
      const subscribe = bridge.events[event] as (listener: (payload: unknown) => void) => () => void;
      return subscribe(listener as (payload: unknown) => void);
    },
  };
}

/** In a browser (serve mode): POST /api/<method> and server-sent events, authorised by cookie. */
function httpClient(): Client {
  let source: EventSource | null = null;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const ensureSource = (event: EventName): void => {
    source ??= new EventSource('/api/events');
    if (listeners.has(event)) return;
    listeners.set(event, new Set());
    source.addEventListener(event, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  };
  return {
    async call(method: MethodName, input: unknown) {
      let response: Response;
      try {
        response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        throw new ApiError('internal', 'The workstation server is not answering: is `npm run serve` still running?');
      }
      const body: unknown = await response.json().catch(() => null);
      if (typeof body === 'object' && body !== null && 'ok' in body) {
        const result = body as { ok: boolean; value?: unknown; error?: unknown };
        if (result.ok) return result.value as never;
        if (isApiErrorBody(result.error)) throw ApiError.fromBody(result.error);
      }
      throw new ApiError('internal', `Unexpected answer from the server (HTTP ${response.status})`);
    },
    on(event, listener) {
      ensureSource(event);
      const set = listeners.get(event)!;
      const typed = listener as (payload: unknown) => void;
      set.add(typed);
      return () => void set.delete(typed);
    },
  } as Client;
}

export const client: Client = window.tw ? bridgeClient(window.tw) : httpClient();
