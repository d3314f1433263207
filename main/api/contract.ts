import type { ClientOf, HandlersOf } from './define';
import { batchEvents, batchMethods } from '../batch/contract';
import { engineEvents, engineMethods } from '../engine/contract';
import { gpuEvents, gpuMethods } from '../gpu/contract';
import { interviewEvents, interviewMethods } from '../interviews/contract';
import { kitEvents, kitMethods } from '../interviews/kits/contract';
import { metricsEvents, metricsMethods } from '../metrics/contract';
import { pricingEvents, pricingMethods } from '../pricing/contract';
import { settingsEvents, settingsMethods } from '../settings/contract';
import { skillEvents, skillMethods } from '../skills/contract';
import { systemEvents, systemMethods } from '../system/contract';

/**
 * The one way into the core. Each feature contributes its methods and events; the transports
 * (IPC, HTTP, CLI) are generic over this object, so a new method never touches a transport.
 */
export const contract = {
  ...systemMethods,
  ...settingsMethods,
  ...engineMethods,
  ...gpuMethods,
  ...metricsMethods,
  ...batchMethods,
  ...pricingMethods,
  ...interviewMethods,
  ...kitMethods,
  ...skillMethods,
};

export const events = {
  ...systemEvents,
  ...settingsEvents,
  ...engineEvents,
  ...gpuEvents,
  ...metricsEvents,
  ...batchEvents,
  ...pricingEvents,
  ...interviewEvents,
  ...kitEvents,
  ...skillEvents,
};

export type Contract = typeof contract;
export type Events = typeof events;
export type MethodName = keyof Contract & string;
export type EventName = keyof Events & string;
export type Handlers = HandlersOf<Contract>;
export type Client = ClientOf<Contract, Events>;

export const methodNames = Object.keys(contract) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export const isMethodName = (name: string): name is MethodName =>
  Object.prototype.hasOwnProperty.call(contract, name);
