import type { HandlersOf } from '../../api/define';
import type { kitMethods } from './contract';
import type { KitService } from './service';

export type KitHandlers = HandlersOf<typeof kitMethods>;

export function createKitHandlers(service: KitService): KitHandlers {
  return {
    'kits.create': ({ title, language, cv, jd, wait }) => service.create({ title, language, cv, jd, wait }),
    'kits.list': ({ search, offset, limit }) => service.list(search, offset, limit),
    'kits.get': ({ id }) => service.detail(id),
    'kits.resume': ({ id, wait }) => service.resume(id, wait),
    'kits.cancel': ({ id }) => service.cancel(id),
    'kits.regenerateQuestion': ({ id, seq }) => service.regenerate(id, seq),
    'kits.rate': ({ id, seq, rating, notes, by }) => service.rate(id, seq, { rating, notes, by }),
    'kits.export': ({ id, format }) => service.export(id, format),
    'kits.delete': ({ id }) => service.delete(id),
    'kits.getConfig': () => service.getConfig(),
    'kits.setConfig': (patch) => service.setConfig(patch),
  };
}
