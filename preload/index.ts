import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { eventNames, methodNames, type EventName, type MethodName } from '../main/api/contract';
import type { ApiResult } from '../main/api/errors';
import { ipcChannels, type PreloadBridge } from './bridge-types';

type Listener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<Listener>>(eventNames.map((name) => [name, new Set<Listener>()]));

// One IPC listener fans out to the page's subscribers; the page never sees ipcRenderer itself.
ipcRenderer.on(ipcChannels.event, (_event: IpcRendererEvent, name: EventName, payload: unknown) => {
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const callMethod = (method: MethodName) => (input: unknown) =>
  ipcRenderer.invoke(ipcChannels.call, method, input) as Promise<ApiResult<unknown>>;

const subscribe = (name: EventName) => (listener: Listener) => {
  listeners.get(name)?.add(listener);
  return () => void listeners.get(name)?.delete(listener);
};

// fromEntries loses the key types; the names come from the contract itself, so every key is there.
const bridge = {
  methods: Object.fromEntries(methodNames.map((name) => [name, callMethod(name)])) as PreloadBridge['methods'],
  events: Object.fromEntries(eventNames.map((name) => [name, subscribe(name)])) as PreloadBridge['events'],
  pathForFile: (file: File) => webUtils.getPathForFile(file),
} satisfies PreloadBridge;

contextBridge.exposeInMainWorld('tw', bridge);
